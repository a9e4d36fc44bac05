/** Nominees: add, edit, delete, reorder, photos. */
import {
  chosenFile,
  failure,
  filled,
  onEachClick,
  onEachSubmit,
  type Refusal,
  refuse,
  upload,
  uploadWords,
} from "./forms";
import { $, $$, api, apiBase, busy, changed, checked, done, explain, field } from "./shared";

function nomineeBody(form: HTMLFormElement, mode: string): Record<string, unknown> | Refusal {
  const body: Record<string, unknown> = {};
  const number = field(form, "number");
  if (number.value.trim() !== "") {
    const n = Number(number.value);
    if (!Number.isInteger(n) || n < 1) return refuse(form, "number", "编号应为正整数。");
    if (mode === "create" || changed(number)) body.number = n;
  }
  const name = filled(form, "name", "请填写姓名。");
  if (typeof name !== "string") return name;
  body.name = name;
  for (const key of ["position", "unit", "group", "headline", "nominatingUnit"]) {
    body[key] = field(form, key).value.trim();
  }
  body.story = field(form, "story")
    .value.split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  body.honoree = checked(form, "honoree");
  return body;
}

export function setupNominees(): void {
  onEachSubmit('form[data-form="nominee"]', (form) => {
    const mode = form.dataset.mode ?? "create";
    return {
      body: () => nomineeBody(form, mode),
      send: (body) =>
        mode === "edit"
          ? api("PATCH", `${apiBase}/nominees/${form.dataset.number}`, body)
          : api("POST", `${apiBase}/nominees`, body),
      ok: (res) => done("nominee", `#n-${res.body.number}`),
    };
  });

  onEachClick("[data-delete-nominee]", (button) => ({
    confirm: `确定删除候选人“${button.dataset.name}”？`,
    send: () => api("DELETE", `${apiBase}/nominees/${button.dataset.deleteNominee}`),
    ok: () => done("deleted"),
    error: button.parentElement?.querySelector("[data-delete-error]") ?? null,
  }));

  for (const button of $$<HTMLButtonElement>("[data-move]")) {
    button.addEventListener("click", async () => {
      const order = $$("[data-nominee-list] > li").map((li) => Number(li.dataset.number));
      const item = button.closest<HTMLElement>("li[data-number]");
      const from = order.indexOf(Number(item?.dataset.number));
      const to = button.dataset.move === "up" ? from - 1 : from + 1;
      if (from < 0 || to < 0 || to >= order.length) return;
      [order[from], order[to]] = [order[to] as number, order[from] as number];
      const res = await busy(button, () => api("POST", `${apiBase}/nominees/reorder`, { order }));
      if (res.ok) done("reordered", `#n-${to + 1}`);
      else alert(explain(failure(res)));
    });
  }

  onEachSubmit<File>('form[data-form="photo"]', (form) => ({
    body: () =>
      chosenFile(form, "file", 5 * 1024 * 1024, {
        missing: "请选择照片文件。",
        tooBig: "照片超过 5 MB，请压缩后再上传。",
      }),
    send: (file) => {
      const caption = encodeURIComponent(field(form, "caption").value.trim());
      const url = `${apiBase}/nominees/${form.dataset.number}/photos?caption=${caption}`;
      return api("POST", url, undefined, upload(file));
    },
    ok: () => done("uploaded", `#n-${form.dataset.number}`),
    words: uploadWords("照片"),
  }));

  onEachClick("[data-remove-photo]", (button) => ({
    confirm: "删除这张照片？",
    send: () => {
      const list = button.closest<HTMLElement>("[data-photos]");
      const photos = JSON.parse(list?.dataset.photos ?? "[]") as unknown[];
      photos.splice(Number(button.dataset.removePhoto), 1);
      return api("PATCH", `${apiBase}/nominees/${button.dataset.number}`, { photos });
    },
    ok: () => done("photo-removed", `#n-${button.dataset.number}`),
    error: "alert",
  }));

  // Back from an action: the URL's #n-<number> names the nominee's heading (focusable), which the
  // browser scrolls to; focus it too, so keyboard and screen-reader users continue from there.
  if (/^#n-\d+$/.test(location.hash)) {
    const focus = () => $<HTMLElement>(location.hash)?.focus();
    focus();
    window.addEventListener("load", focus);
  }
}
