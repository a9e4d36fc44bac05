/** 撤回公布 on the dashboard, and the republication's reason in either publish form. */
import { filled, onSubmit, refuse } from "./forms";
import { $, $$, api, apiBase, done } from "./shared";

/** `{reason}` when the form asks for one (after a withdrawal), else nothing. */
export function republishReason(form: HTMLFormElement): { reason?: string } {
  const box = form.elements.namedItem("reason");
  if (!(box instanceof HTMLTextAreaElement)) return {};
  return { reason: box.value.trim() };
}

/**
 * A publish form (the dashboard's and the 综合结果 tab's): the ticked honorees, the reason of a
 * republication (refused when empty), a confirmation naming how many, then POST …/publish.
 */
export function onPublish(form: HTMLFormElement, o: { ask: (count: number) => string }): void {
  onSubmit(form, {
    body: () => {
      const honorees = $$<HTMLInputElement>('input[name="honoree"]', form)
        .filter((b) => b.checked)
        .map((b) => Number(b.value));
      const { reason } = republishReason(form);
      if (reason === "") return refuse(form, "reason", "请填写重新公布的理由。");
      return { honorees, ...(reason === undefined ? {} : { reason }) };
    },
    confirm: (body) => o.ask(body.honorees.length),
    send: (body) => api("POST", `${apiBase}/publish`, body),
    ok: () => done("published"),
  });
}

export function setupWithdraw(): void {
  const form = $<HTMLFormElement>('form[data-form="withdraw"]');
  if (!form) return;
  onSubmit(form, {
    body: () => filled(form, "reason", "请填写撤回理由。"),
    confirm: () => "撤回公布？公众页面将不再显示当选名单，直到重新公布。",
    send: (reason) => api("POST", `${apiBase}/withdraw`, { reason }),
    ok: () => done("withdrawn"),
  });
}
