/** Nominees: add, edit, delete, reorder, photos. */
import {
  $,
  $$,
  api,
  apiBase,
  busy,
  changed,
  checked,
  done,
  explain,
  field,
  markInvalid,
  say,
  submitButton,
} from "./shared";

function nomineeBody(form: HTMLFormElement, mode: string): Record<string, unknown> | string {
  const body: Record<string, unknown> = {};
  const number = field(form, "number");
  if (number.value.trim() !== "") {
    const n = Number(number.value);
    if (!Number.isInteger(n) || n < 1) return "编号应为正整数。";
    if (mode === "create" || changed(number)) body.number = n;
  }
  const name = field(form, "name").value.trim();
  if (!name) return "请填写姓名。";
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
  for (const form of $$<HTMLFormElement>('form[data-form="nominee"]')) {
    const error = $("[data-form-error]", form);
    const mode = form.dataset.mode ?? "create";
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      say(error, "");
      const body = nomineeBody(form, mode);
      if (typeof body === "string") {
        say(error, body);
        markInvalid(form, body.includes("姓名") ? "name" : "number");
        return;
      }
      const res = await busy(submitButton(form), () =>
        mode === "edit"
          ? api("PATCH", `${apiBase}/nominees/${form.dataset.number}`, body)
          : api("POST", `${apiBase}/nominees`, body),
      );
      if (res.ok) done("nominee", `#n-${res.body.number}`);
      else {
        say(error, explain(res.error ?? { code: "unknown", message: "" }));
        markInvalid(form, res.error?.message ?? "");
      }
    });
  }

  for (const button of $$<HTMLButtonElement>("[data-delete-nominee]")) {
    button.addEventListener("click", async () => {
      if (!confirm(`确定删除候选人“${button.dataset.name}”？`)) return;
      const res = await busy(button, () =>
        api("DELETE", `${apiBase}/nominees/${button.dataset.deleteNominee}`),
      );
      if (res.ok) done("deleted");
      else
        say(
          button.parentElement?.querySelector("[data-delete-error]") ?? null,
          explain(res.error ?? { code: "unknown", message: "" }),
        );
    });
  }

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
      else alert(explain(res.error ?? { code: "unknown", message: "" }));
    });
  }

  for (const form of $$<HTMLFormElement>('form[data-form="photo"]')) {
    const error = $("[data-form-error]", form);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      say(error, "");
      const file = (field(form, "file") as HTMLInputElement).files?.[0];
      if (!file) {
        say(error, "请选择照片文件。");
        field(form, "file").focus();
        return;
      }
      if (file.size > 5 * 1024 * 1024) {
        say(error, "照片超过 5 MB，请压缩后再上传。");
        return;
      }
      const caption = field(form, "caption").value.trim();
      const number = form.dataset.number;
      const res = await busy(submitButton(form), () =>
        api(
          "POST",
          `${apiBase}/nominees/${number}/photos?caption=${encodeURIComponent(caption)}`,
          undefined,
          { bytes: file, type: file.type || "application/octet-stream" },
        ),
      );
      if (res.ok) done("uploaded", `#n-${number}`);
      else {
        const e = res.error ?? { code: "unknown", message: "" };
        say(
          error,
          e.code === "payload_too_large"
            ? "照片太大：不能超过 5 MB。"
            : e.code === "unsupported_media_type"
              ? "只接受 JPEG、PNG 或 WebP 格式的照片。"
              : explain(e),
        );
      }
    });
  }

  for (const button of $$<HTMLButtonElement>("[data-remove-photo]")) {
    button.addEventListener("click", async () => {
      const list = button.closest<HTMLElement>("[data-photos]");
      const photos = JSON.parse(list?.dataset.photos ?? "[]") as unknown[];
      photos.splice(Number(button.dataset.removePhoto), 1);
      if (!confirm("删除这张照片？")) return;
      const number = button.dataset.number;
      const res = await busy(button, () =>
        api("PATCH", `${apiBase}/nominees/${number}`, { photos }),
      );
      if (res.ok) done("photo-removed", `#n-${number}`);
      else alert(explain(res.error ?? { code: "unknown", message: "" }));
    });
  }

  // Back from an action: the URL's #n-<number> names the nominee's heading (focusable), which the
  // browser scrolls to; focus it too, so keyboard and screen-reader users continue from there.
  if (/^#n-\d+$/.test(location.hash)) {
    const focus = () => $<HTMLElement>(location.hash)?.focus();
    focus();
    window.addEventListener("load", focus);
  }
}
