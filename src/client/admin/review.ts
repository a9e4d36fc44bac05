/**
 * The anomaly review page: decide a flag (void its likes or clear it, with a reason), scan now,
 * seal the ledger now. Each answer reloads the page so the lists show the recorded state.
 */
import { $, $$, api, apiBase, busy, done, explain, field, say, submitButton } from "./shared";

export function setupReview(): void {
  for (const form of $$<HTMLFormElement>('form[data-form="flag"]')) {
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const error = $("[data-form-error]", form);
      say(error, "");
      const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | null;
      const decision = submitter?.value === "clear" ? "clear" : "void";
      const reason = field(form, "reason").value.trim();
      if (!reason) {
        say(error, "请填写处理理由。");
        field(form, "reason").focus();
        return;
      }
      if (decision === "void" && !confirm("确定核减这个标记中仍计入的全部点赞？")) return;
      const res = await busy(submitter, () =>
        api("POST", `${apiBase}/flags/${form.dataset.flag}/${decision}`, { reason }),
      );
      if (res.ok) done(decision === "void" ? "flagVoided" : "flagCleared");
      else say(error, explain(res.error ?? { code: "unknown", message: "" }));
    });
  }
  const held = $<HTMLFormElement>('form[data-form="held"]');
  held?.addEventListener("submit", async (event) => {
    event.preventDefault();
    const error = $("[data-form-error]", held);
    say(error, "");
    const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | null;
    const decision = submitter?.value === "void" ? "void" : "release";
    const reason = field(held, "reason").value.trim();
    if (!reason) {
      say(error, "请填写理由。");
      field(held, "reason").focus();
      return;
    }
    const select = field(held, "number") as HTMLSelectElement;
    const which = select.selectedOptions[0]?.textContent?.trim() ?? "";
    const verb = decision === "void" ? "核减" : "计入";
    if (!confirm(`确定${verb}：${which}？`)) return;
    const body: Record<string, unknown> = { reason };
    if (select.value) body.number = Number(select.value);
    const res = await busy(submitter, () => api("POST", `${apiBase}/held/${decision}`, body));
    if (res.ok) done(decision === "void" ? "heldVoided" : "heldReleased", "#held-title");
    else say(error, explain(res.error ?? { code: "unknown", message: "" }));
  });
  for (const form of $$<HTMLFormElement>('form[data-form="reinstate"]')) {
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const error = $("[data-form-error]", form);
      say(error, "");
      const reason = field(form, "reason").value.trim();
      if (!reason) {
        say(error, "请填写恢复的理由。");
        field(form, "reason").focus();
        return;
      }
      const res = await busy(submitButton(form), () =>
        api("POST", `${apiBase}/votes/reinstate`, { change: form.dataset.change, reason }),
      );
      if (res.ok) done("reinstated", "#changes-title");
      else say(error, explain(res.error ?? { code: "unknown", message: "" }));
    });
  }
  const scan = $<HTMLButtonElement>("[data-scan]");
  scan?.addEventListener("click", async () => {
    const res = await busy(scan, () => api("POST", `${apiBase}/flags/scan`, {}));
    if (res.ok) done("scanned");
    else say($("[data-scan-status]"), explain(res.error ?? { code: "unknown", message: "" }));
  });
  const seal = $<HTMLButtonElement>("[data-seal]");
  seal?.addEventListener("click", async () => {
    const res = await busy(seal, () => api("POST", `${apiBase}/ledger/seal`, {}));
    if (res.ok) done("sealed");
    else say($("[data-seal-status]"), explain(res.error ?? { code: "unknown", message: "" }));
  });
}
