/** 撤回公布 on the dashboard, and the republication's reason in either publish form. */
import { $, api, apiBase, busy, done, explain, markInvalid, say, submitButton } from "./shared";

/** `{reason}` when the form asks for one (after a withdrawal), else nothing. */
export function republishReason(form: HTMLFormElement): { reason?: string } {
  const box = form.elements.namedItem("reason");
  if (!(box instanceof HTMLTextAreaElement)) return {};
  return { reason: box.value.trim() };
}

/** Refuses a republication without its reason before asking the API. */
export function missingReason(form: HTMLFormElement, error: Element | null): boolean {
  const { reason } = republishReason(form);
  if (reason !== "") return false;
  say(error, "请填写重新公布的理由。");
  markInvalid(form, "reason");
  return true;
}

export function setupWithdraw(): void {
  const form = $<HTMLFormElement>('form[data-form="withdraw"]');
  if (!form) return;
  const error = $("[data-form-error]", form);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    say(error, "");
    const reason = republishReason(form).reason ?? "";
    if (!reason) {
      say(error, "请填写撤回理由。");
      markInvalid(form, "reason");
      return;
    }
    if (!confirm("撤回公布？公众页面将不再显示当选名单，直到重新公布。")) return;
    const res = await busy(submitButton(form), () =>
      api("POST", `${apiBase}/withdraw`, { reason }),
    );
    if (res.ok) done("withdrawn");
    else say(error, explain(res.error ?? { code: "unknown", message: "" }));
  });
}
