/** 重新初选: a declined nomination back to the review queue, with a reason the unit reads. */
import { filled, onEachSubmit } from "./forms";
import { api, apiBase, done } from "./shared";

export function setupReopen(): void {
  onEachSubmit('form[data-form="reopen"]', (form) => ({
    body: () => filled(form, "reason", "请填写重新初选的理由，单位会看到。"),
    send: (reason) => api("POST", `${apiBase}/nominations/${form.dataset.id}/reopen`, { reason }),
    // No anchor: the same URL with only a new hash would not reload the page.
    ok: () => done("reopened"),
  }));
}
