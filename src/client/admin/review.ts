/**
 * The anomaly review page: decide a flag (void its likes or clear it, with a reason), scan now,
 * seal the ledger now. Each answer reloads the page so the lists show the recorded state.
 */
import { filled, onClick, onEachSubmit, onSubmit } from "./forms";
import { $, api, apiBase, done, field } from "./shared";

export function setupReview(): void {
  onEachSubmit('form[data-form="flag"]', (form) => ({
    body: () => filled(form, "reason", "请填写处理理由。"),
    confirm: (_, submitter) =>
      submitter?.value === "clear" ? null : "确定核减这个标记中仍计入的全部点赞？",
    send: (reason, submitter) =>
      api("POST", `${apiBase}/flags/${form.dataset.flag}/${decision(submitter)}`, { reason }),
    ok: (_, __, submitter) => done(decision(submitter) === "void" ? "flagVoided" : "flagCleared"),
  }));
  const held = $<HTMLFormElement>('form[data-form="held"]');
  if (held) {
    const select = field(held, "number") as HTMLSelectElement;
    const verb = (s: HTMLButtonElement | null) => (s?.value === "void" ? "void" : "release");
    onSubmit(held, {
      body: () => {
        const reason = filled(held, "reason", "请填写理由。");
        if (typeof reason !== "string") return reason;
        return select.value ? { reason, number: Number(select.value) } : { reason };
      },
      confirm: (_, s) =>
        `确定${verb(s) === "void" ? "核减" : "计入"}：${select.selectedOptions[0]?.textContent?.trim() ?? ""}？`,
      send: (body, s) => api("POST", `${apiBase}/held/${verb(s)}`, body),
      ok: (_, __, s) => done(verb(s) === "void" ? "heldVoided" : "heldReleased", "#held-title"),
    });
  }
  onEachSubmit('form[data-form="reinstate"]', (form) => ({
    body: () => filled(form, "reason", "请填写恢复的理由。"),
    send: (reason) =>
      api("POST", `${apiBase}/votes/reinstate`, { change: form.dataset.change, reason }),
    ok: () => done("reinstated", "#changes-title"),
  }));
  for (const [selector, path, code, status] of [
    ["[data-scan]", "flags/scan", "scanned", "[data-scan-status]"],
    ["[data-seal]", "ledger/seal", "sealed", "[data-seal-status]"],
  ] as const) {
    const button = $<HTMLButtonElement>(selector);
    if (button)
      onClick(button, {
        send: () => api("POST", `${apiBase}/${path}`, {}),
        ok: () => done(code),
        error: $(status),
      });
  }
}

/** A flag's decision is the button pressed: 排除标记 clears it, the other voids. */
const decision = (submitter: HTMLButtonElement | null) =>
  submitter?.value === "clear" ? "clear" : "void";
