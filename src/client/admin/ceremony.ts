/** 颁奖 tab: the certificate settings and the seal image. */
import { chosenFile, onClick, onSubmit, upload, uploadWords } from "./forms";
import { $, $$, api, apiBase, done, field } from "./shared";

const MB = 1024 * 1024;

export function setupCeremony(): void {
  const form = $<HTMLFormElement>('form[data-form="certificate"]');
  if (form)
    onSubmit(form, {
      body: () => ({
        honourTitle: field(form, "honourTitle").value.trim(),
        issuer: field(form, "issuer").value.trim(),
        issuedOn: field(form, "issuedOn").value,
      }),
      send: (body) => api("PUT", `${apiBase}/certificate`, body),
      ok: () => done("certificate-saved"),
    });

  const seal = $<HTMLFormElement>('form[data-form="seal"]');
  if (seal)
    onSubmit<File>(seal, {
      body: () =>
        chosenFile(seal, "file", 5 * MB, {
          missing: "请选择印章图片。",
          tooBig: "图片超过 5 MB，请压缩后再上传。",
        }),
      send: (file) => api("POST", `${apiBase}/certificate/seal`, undefined, upload(file)),
      ok: () => done("seal-uploaded"),
      words: uploadWords("图片"),
    });

  for (const button of $$<HTMLButtonElement>("[data-remove-seal]"))
    onClick(button, {
      send: () => api("DELETE", `${apiBase}/certificate/seal`),
      ok: () => done("seal-removed"),
      error: $("[data-form-error]", seal ?? document),
    });
}
