/** 颁奖 tab: the certificate settings and the seal image. */
import {
  $,
  $$,
  api,
  apiBase,
  busy,
  done,
  explain,
  field,
  markInvalid,
  say,
  submitButton,
} from "./shared";

export function setupCeremony(): void {
  const form = $<HTMLFormElement>('form[data-form="certificate"]');
  if (form) {
    const error = $("[data-form-error]", form);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      say(error, "");
      const body = {
        honourTitle: field(form, "honourTitle").value.trim(),
        issuer: field(form, "issuer").value.trim(),
        issuedOn: field(form, "issuedOn").value,
      };
      const res = await busy(submitButton(form), () => api("PUT", `${apiBase}/certificate`, body));
      if (res.ok) done("certificate-saved");
      else {
        const e = res.error ?? { code: "unknown", message: "" };
        say(error, explain(e));
        markInvalid(form, e.message);
      }
    });
  }

  const seal = $<HTMLFormElement>('form[data-form="seal"]');
  if (seal) {
    const error = $("[data-form-error]", seal);
    seal.addEventListener("submit", async (event) => {
      event.preventDefault();
      say(error, "");
      const file = (field(seal, "file") as HTMLInputElement).files?.[0];
      if (!file) {
        say(error, "请选择印章图片。");
        field(seal, "file").focus();
        return;
      }
      if (file.size > 5 * 1024 * 1024) {
        say(error, "图片超过 5 MB，请压缩后再上传。");
        return;
      }
      const res = await busy(submitButton(seal), () =>
        api("POST", `${apiBase}/certificate/seal`, undefined, {
          bytes: file,
          type: file.type || "application/octet-stream",
        }),
      );
      if (res.ok) done("seal-uploaded");
      else {
        const e = res.error ?? { code: "unknown", message: "" };
        say(
          error,
          e.code === "unsupported_media_type"
            ? "只接受 JPEG、PNG 或 WebP 格式的图片。"
            : explain(e),
        );
      }
    });
  }

  for (const button of $$<HTMLButtonElement>("[data-remove-seal]")) {
    button.addEventListener("click", async () => {
      const res = await busy(button, () => api("DELETE", `${apiBase}/certificate/seal`));
      if (res.ok) done("seal-removed");
    });
  }
}
