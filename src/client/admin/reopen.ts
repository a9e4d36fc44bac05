/** 重新初选: a declined nomination back to the review queue, with a reason the unit reads. */
import { $, $$, api, apiBase, busy, done, explain, markInvalid, say, submitButton } from "./shared";

export function setupReopen(): void {
  for (const form of $$<HTMLFormElement>('form[data-form="reopen"]')) {
    const error = $("[data-form-error]", form);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      say(error, "");
      const box = form.elements.namedItem("reason") as HTMLTextAreaElement | null;
      const reason = box?.value.trim() ?? "";
      if (!reason) {
        say(error, "请填写重新初选的理由，单位会看到。");
        markInvalid(form, "reason");
        return;
      }
      const res = await busy(submitButton(form), () =>
        api("POST", `${apiBase}/nominations/${form.dataset.id}/reopen`, { reason }),
      );
      // No anchor: the same URL with only a new hash would not reload the page.
      if (res.ok) done("reopened");
      else say(error, explain(res.error ?? { code: "unknown", message: "" }));
    });
  }
}
