/** The selection tabs: nomination settings, invitations, review, jurors, scoring, weights. */
import { localToIso as toIso } from "../../domain/time";
import { filled, onClick, onEachClick, onEachSubmit, onSubmit, refuse } from "./forms";
import { onPublish } from "./publication";
import { $, $$, api, apiBase, data, done, field } from "./shared";

function setupSelectionSettings(): void {
  const form = $<HTMLFormElement>('form[data-form="selection-settings"]');
  if (!form) return;
  onSubmit(form, {
    body: () => {
      const local = field(form, "nominationsCloseAt").value;
      const closeAt = local ? toIso(local, data.timeZone ?? "Asia/Shanghai") : null;
      if (local && !closeAt) return refuse(form, "nominationsCloseAt", "请填写完整的截止时间。");
      return {
        nominationsCloseAt: closeAt,
        defaultQuota: Number(field(form, "defaultQuota").value),
      };
    },
    send: (body) => api("PATCH", `${apiBase}/selection`, body),
    ok: () => done("selection-saved"),
  });
}

function setupInvitations(): void {
  const form = $<HTMLFormElement>('form[data-form="invite"]');
  if (!form) return;
  onSubmit(form, {
    body: () => {
      const unit = filled(form, "unit", "请填写推荐单位。");
      if (typeof unit !== "string") return unit;
      return {
        unit,
        group: field(form, "group").value.trim(),
        contact: field(form, "contact").value.trim(),
        quota: Number(field(form, "quota").value),
      };
    },
    send: (body) => api("POST", `${apiBase}/invitations`, body),
    ok: async (res) => {
      showNewLink(
        `新链接（只显示这一次）：${String(res.body.unit)}`,
        String(res.body.url),
        "invite",
      );
      // The next unit starts from an empty form (the group and quota usually stay the same).
      field(form, "unit").value = "";
      field(form, "contact").value = "";
      await refreshPart("invites");
    },
  });
  wireRevokeInvites();
}

function wireRevokeInvites(): void {
  onEachClick("[data-revoke-invite]", (b) => ({
    confirm: "停用后该单位的链接立即失效（已提交的提名保留）。确定停用？",
    send: () => api("POST", `${apiBase}/invitations/${b.dataset.revokeInvite}/revoke`),
    ok: () => done("invite-revoked"),
    error: "alert",
  }));
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
  onEachSubmit('form[data-form="review"]', (form) => {
    const decision = (s: HTMLButtonElement | null) => s?.dataset.decision ?? "accept";
    return {
      body: (submitter) => {
        const comment = field(form, "comment").value.trim();
        if (decision(submitter) === "return" && !comment)
          return refuse(form, "comment", "退回修改时请填写意见，单位会看到。");
        return { comment };
      },
      send: (body, submitter) =>
        api("POST", `${apiBase}/nominations/${form.dataset.id}/${decision(submitter)}`, body),
      ok: () => done("decided", "#queue-title"),
      // Decided meanwhile (another window or colleague): show the queue as it is now.
      handled: (e) => {
        if (e.code !== "invalid_state") return false;
        done("decided-meanwhile", "#queue-title");
        return true;
      },
    };
  });
}

function setupJury(): void {
  const form = $<HTMLFormElement>('form[data-form="juror"]');
  if (form)
    onSubmit(form, {
      body: () => filled(form, "name", "请填写评委姓名。"),
      send: (name) => api("POST", `${apiBase}/jurors`, { name }),
      ok: async (res) => {
        field(form, "name").value = "";
        showJurorLink(String(res.body.name), String(res.body.url));
        await refreshPart("jurors");
      },
    });
  wireJurorButtons();
  const scoring = $<HTMLButtonElement>("[data-scoring]");
  const action = scoring?.dataset.scoring;
  if (scoring)
    onClick(scoring, {
      confirm:
        action === "close"
          ? "结束评审后评委不能再修改分数，全部打分将汇总。确定结束？"
          : "重新开放后评委可以再修改分数。确定？",
      send: () => api("POST", `${apiBase}/scoring/${action}`),
      ok: () => done(action === "close" ? "scoring-closed" : "scoring-reopened"),
      error: $("[data-jury-error]"),
    });
}

function showJurorLink(name: string, url: string): void {
  showNewLink(`${name} 的打分链接（只显示这一次，请单独发送给本人）`, url, "juror");
}

function wireJurorButtons(): void {
  const error = $("[data-jury-error]");
  onEachClick("[data-renew-juror]", (b) => ({
    confirm: "重新生成后，旧链接立即失效（已打的分数保留）。继续？",
    send: () => api("POST", `${apiBase}/jurors/${b.dataset.renewJuror}/link`),
    ok: (res) => showJurorLink(String(res.body.name), String(res.body.url)),
    error,
  }));
  onEachClick("[data-revoke-juror]", (b) => ({
    confirm: "移出评委会后，该评委的链接失效，其打分不再计入。确定？",
    send: () => api("POST", `${apiBase}/jurors/${b.dataset.revokeJuror}/revoke`),
    ok: () => done("juror-revoked"),
    error,
  }));
}

function setupCombined(): void {
  const weights = $<HTMLFormElement>('form[data-form="weights"]');
  if (weights)
    onSubmit(weights, {
      body: () => {
        const raw = field(weights, "weightPublic").value.trim();
        const weightPublic = Number(raw);
        if (raw === "" || !Number.isInteger(weightPublic) || weightPublic < 0 || weightPublic > 100)
          return refuse(weights, "weightPublic", "大众权重请填写 0–100 的整数。");
        const method = $<HTMLInputElement>('input[name="publicMethod"]:checked', weights)?.value;
        return { weightPublic, publicMethod: method };
      },
      send: (body) => api("PATCH", `${apiBase}/selection`, body),
      ok: () => done("weights-saved"),
    });
  const honorees = $<HTMLFormElement>('form[data-form="honorees"]');
  if (honorees)
    onPublish(honorees, {
      ask: (n) =>
        n
          ? `公布结果，${n} 人当选？公布后不能再开始投票，权重也不能再修改。`
          : "没有勾选任何当选者。仍要公布结果吗？",
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
