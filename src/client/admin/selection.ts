/** The selection tabs: nomination settings, invitations, review, jurors, scoring, weights. */

import { localToIso as toIso } from "../../domain/time";
import { missingReason, republishReason } from "./publication";
import { $, $$, api, apiBase, busy, data, done, explain, field, markInvalid, say } from "./shared";

function fail(el: Element | null, res: { error?: { code: string; message: string } }): void {
  say(el, explain(res.error ?? { code: "unknown", message: "" }));
}

function setupSelectionSettings(): void {
  const form = $<HTMLFormElement>('form[data-form="selection-settings"]');
  form?.addEventListener("submit", async (e) => {
    e.preventDefault();
    const error = $("[data-form-error]", form);
    const local = field(form, "nominationsCloseAt").value;
    const closeAt = local ? toIso(local, data.timeZone ?? "Asia/Shanghai") : null;
    if (local && !closeAt) {
      say(error, "请填写完整的截止时间。");
      return;
    }
    const res = await busy($<HTMLButtonElement>('button[type="submit"]', form), () =>
      api("PATCH", `${apiBase}/selection`, {
        nominationsCloseAt: closeAt,
        defaultQuota: Number(field(form, "defaultQuota").value),
      }),
    );
    if (res.ok) done("selection-saved");
    else {
      fail(error, res);
      markInvalid(form, res.error?.message ?? "");
    }
  });
}

function setupInvitations(): void {
  const form = $<HTMLFormElement>('form[data-form="invite"]');
  form?.addEventListener("submit", async (e) => {
    e.preventDefault();
    const error = $("[data-form-error]", form);
    const unit = field(form, "unit").value.trim();
    if (!unit) {
      say(error, "请填写推荐单位。");
      field(form, "unit").focus();
      return;
    }
    const res = await busy($<HTMLButtonElement>('button[type="submit"]', form), () =>
      api("POST", `${apiBase}/invitations`, {
        unit,
        group: field(form, "group").value.trim(),
        contact: field(form, "contact").value.trim(),
        quota: Number(field(form, "quota").value),
      }),
    );
    if (!res.ok) return fail(error, res);
    say(error, "");
    showNewLink(`新链接（只显示这一次）：${String(res.body.unit)}`, String(res.body.url), "invite");
    // The next unit starts from an empty form (the group and quota usually stay the same).
    field(form, "unit").value = "";
    field(form, "contact").value = "";
    await refreshPart("invites");
  });
  wireRevokeInvites();
}

function wireRevokeInvites(): void {
  for (const b of $$<HTMLButtonElement>("[data-revoke-invite]")) {
    if (b.dataset.wired) continue;
    b.dataset.wired = "1";
    b.addEventListener("click", async () => {
      if (!confirm("停用后该单位的链接立即失效（已提交的提名保留）。确定停用？")) return;
      const res = await busy(b, () =>
        api("POST", `${apiBase}/invitations/${b.dataset.revokeInvite}/revoke`),
      );
      if (res.ok) done("invite-revoked");
      else alert(explain(res.error ?? { code: "unknown", message: "" }));
    });
  }
}

let linkCount = 0;

/**
 * Adds a just-made link to the page's list of new links, newest first, with a copy button. Earlier
 * ones stay (each is shown only once, so hiding one would lose it); the newest gets the focus.
 */
function showNewLink(label: string, url: string, kind: "invite" | "juror"): void {
  const list = $("[data-new-links]");
  if (!list) return;
  const id = `new-link-${++linkCount}`;
  const item = document.createElement("li");
  item.className = "invite-result";
  const caption = document.createElement("label");
  caption.htmlFor = id;
  caption.textContent = label;
  const input = document.createElement("input");
  input.id = id;
  input.type = "text";
  input.readOnly = true;
  input.value = url;
  const copy = document.createElement("button");
  copy.type = "button";
  copy.className = "button secondary small";
  copy.textContent = "复制链接";
  copy.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(input.value);
      copy.textContent = "已复制";
    } catch {
      input.select();
    }
  });
  item.append(caption, input, copy);
  // Scripts and tests read the newest link by this attribute.
  for (const old of $$(`[data-${kind}-link]`, list)) old.removeAttribute(`data-${kind}-link`);
  input.setAttribute(`data-${kind}-link`, "");
  list.prepend(item);
  input.focus();
  input.select();
}

/** Replaces a `data-part` of the page with the server's current rendering of it. */
async function refreshPart(name: string): Promise<void> {
  const current = $(`[data-part="${name}"]`);
  if (!current) return;
  try {
    const res = await fetch(location.pathname, { credentials: "same-origin" });
    if (!res.ok) return;
    const doc = new DOMParser().parseFromString(await res.text(), "text/html");
    const fresh = doc.querySelector(`[data-part="${name}"]`);
    if (fresh) current.replaceWith(document.importNode(fresh, true));
  } catch {
    // The list catches up on the next reload; the new link itself is already shown.
  }
  wireRevokeInvites();
  wireJurorButtons();
}

function setupReview(): void {
  for (const form of $$<HTMLFormElement>('form[data-form="review"]')) {
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const submitter = (e as SubmitEvent).submitter as HTMLButtonElement | null;
      const decision = submitter?.dataset.decision ?? "accept";
      const comment = field(form, "comment").value.trim();
      const error = $("[data-form-error]", form);
      if (decision === "return" && !comment) {
        say(error, "退回修改时请填写意见，单位会看到。");
        field(form, "comment").focus();
        return;
      }
      const res = await busy(submitter, () =>
        api("POST", `${apiBase}/nominations/${form.dataset.id}/${decision}`, { comment }),
      );
      if (res.ok) done("decided", `#queue-title`);
      // Decided meanwhile (another window or colleague): show the queue as it is now.
      else if (res.error?.code === "invalid_state") done("decided-meanwhile", `#queue-title`);
      else fail(error, res);
    });
  }
}

function setupJury(): void {
  const form = $<HTMLFormElement>('form[data-form="juror"]');
  const error = $("[data-jury-error]");
  form?.addEventListener("submit", async (e) => {
    e.preventDefault();
    const formError = $("[data-form-error]", form);
    const name = field(form, "name").value.trim();
    if (!name) {
      say(formError, "请填写评委姓名。");
      field(form, "name").focus();
      return;
    }
    const res = await busy($<HTMLButtonElement>('button[type="submit"]', form), () =>
      api("POST", `${apiBase}/jurors`, { name }),
    );
    if (!res.ok) return fail(formError, res);
    say(formError, "");
    field(form, "name").value = "";
    showJurorLink(String(res.body.name), String(res.body.url));
    await refreshPart("jurors");
  });
  wireJurorButtons();
  const scoring = $<HTMLButtonElement>("[data-scoring]");
  scoring?.addEventListener("click", async () => {
    const action = scoring.dataset.scoring;
    const question =
      action === "close"
        ? "结束评审后评委不能再修改分数，全部打分将汇总。确定结束？"
        : "重新开放后评委可以再修改分数。确定？";
    if (!confirm(question)) return;
    const res = await busy(scoring, () => api("POST", `${apiBase}/scoring/${action}`));
    if (res.ok) done(action === "close" ? "scoring-closed" : "scoring-reopened");
    else fail(error, res);
  });
}

function showJurorLink(name: string, url: string): void {
  showNewLink(`${name} 的打分链接（只显示这一次，请单独发送给本人）`, url, "juror");
}

function wireJurorButtons(): void {
  const error = $("[data-jury-error]");
  for (const b of $$<HTMLButtonElement>("[data-renew-juror]")) {
    if (b.dataset.wired) continue;
    b.dataset.wired = "1";
    b.addEventListener("click", async () => {
      if (!confirm("重新生成后，旧链接立即失效（已打的分数保留）。继续？")) return;
      const res = await busy(b, () =>
        api("POST", `${apiBase}/jurors/${b.dataset.renewJuror}/link`),
      );
      if (res.ok) showJurorLink(String(res.body.name), String(res.body.url));
      else fail(error, res);
    });
  }
  for (const b of $$<HTMLButtonElement>("[data-revoke-juror]")) {
    if (b.dataset.wired) continue;
    b.dataset.wired = "1";
    b.addEventListener("click", async () => {
      if (!confirm("移出评委会后，该评委的链接失效，其打分不再计入。确定？")) return;
      const res = await busy(b, () =>
        api("POST", `${apiBase}/jurors/${b.dataset.revokeJuror}/revoke`),
      );
      if (res.ok) done("juror-revoked");
      else fail(error, res);
    });
  }
}

function setupCombined(): void {
  const weights = $<HTMLFormElement>('form[data-form="weights"]');
  weights?.addEventListener("submit", async (e) => {
    e.preventDefault();
    const error = $("[data-form-error]", weights);
    const raw = field(weights, "weightPublic").value.trim();
    const weightPublic = Number(raw);
    if (raw === "" || !Number.isInteger(weightPublic) || weightPublic < 0 || weightPublic > 100) {
      say(error, "大众权重请填写 0–100 的整数。");
      field(weights, "weightPublic").focus();
      return;
    }
    const method = $<HTMLInputElement>('input[name="publicMethod"]:checked', weights)?.value;
    const res = await busy($<HTMLButtonElement>('button[type="submit"]', weights), () =>
      api("PATCH", `${apiBase}/selection`, { weightPublic, publicMethod: method }),
    );
    if (res.ok) done("weights-saved");
    else fail(error, res);
  });
  const honorees = $<HTMLFormElement>('form[data-form="honorees"]');
  honorees?.addEventListener("submit", async (e) => {
    e.preventDefault();
    const error = $("[data-form-error]", honorees);
    const numbers = $$<HTMLInputElement>('input[name="honoree"]', honorees)
      .filter((b) => b.checked)
      .map((b) => Number(b.value));
    if (missingReason(honorees, error)) return;
    const question = numbers.length
      ? `公布结果，${numbers.length} 人当选？公布后不能再开始投票，权重也不能再修改。`
      : "没有勾选任何当选者。仍要公布结果吗？";
    if (!confirm(question)) return;
    const res = await busy($<HTMLButtonElement>('button[type="submit"]', honorees), () =>
      api("POST", `${apiBase}/publish`, { honorees: numbers, ...republishReason(honorees) }),
    );
    if (res.ok) done("published");
    else fail(error, res);
  });
}

export function setupSelection(): void {
  if (data.page === "nominations") {
    setupSelectionSettings();
    setupInvitations();
    setupReview();
  }
  if (data.page === "jury") setupJury();
  if (data.page === "combined") setupCombined();
}
