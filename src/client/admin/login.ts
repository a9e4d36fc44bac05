/** Signing in and out. */
import { ACCOUNT_ERROR_TEXT } from "../../views/admin/account-text";
import { ERROR_TEXT } from "../../views/admin/text";
import { $, $$, api, busy, explain, field, go, say, submitButton } from "./shared";

export function setupLogin(): void {
  const form = $<HTMLFormElement>('form[data-form="login"]');
  if (!form) return;
  const error = $("[data-form-error]", form);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const password = field(form, "password").value;
    const username = field(form, "username").value.trim();
    const code = field(form, "code").value.replace(/\s+/g, "");
    const name = field(form, "name").value.trim();
    if (!password) {
      say(error, "请输入密码。");
      field(form, "password").focus();
      return;
    }
    say(error, "");
    const res = await busy(submitButton(form), () =>
      api("POST", "/api/admin/session", {
        password,
        ...(username && { username }),
        ...(code && { code }),
        ...(name && !username && { name }),
      }),
    );
    if (res.ok) {
      location.reload();
      return;
    }
    if (res.error?.code === "totp_required") {
      say(error, ACCOUNT_ERROR_TEXT.totp_required ?? "");
      field(form, "code").focus();
      return;
    }
    if (res.status === 401) say(error, username ? "账号、密码或动态验证码不正确。" : "密码错误。");
    else if (res.status === 429) say(error, ERROR_TEXT.rate_limited ?? "");
    else if (res.error) say(error, explain(res.error));
    field(form, "password").focus();
  });
}

export function setupLogout(): void {
  for (const button of $$<HTMLButtonElement>("[data-logout]")) {
    button.addEventListener("click", async () => {
      await busy(button, () => api("DELETE", "/api/admin/session"));
      go("/admin");
    });
  }
}
