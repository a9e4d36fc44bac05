/**
 * 账号管理 and 我的账号: each form sends its change to the account API and reloads the page with a
 * fixed message (`?done=…`); errors appear next to the form, in Chinese, with the field marked.
 */
import { ACCOUNT_ERROR_TEXT } from "../../views/admin/account-text";
import { onEachClick, onSubmit, refuse } from "./forms";
import { $, $$, api, done, explain, field } from "./shared";

type ApiErrorLike = Parameters<typeof explain>[0];

/** The account API's errors in the console's words; a field's problem in the API's Chinese. */
function explainAccount(error: ApiErrorLike | undefined): string {
  if (!error) return "";
  return ACCOUNT_ERROR_TEXT[error.code] ?? explain(error);
}

const chosen = (form: HTMLFormElement) =>
  $$<HTMLInputElement>('input[name="campaigns"]', form)
    .filter((i) => i.checked)
    .map((i) => i.value);

/** Submits `form` as `body()` to `url`; on success goes to `?done=<code>`. */
function handle(
  form: HTMLFormElement,
  method: string,
  url: string,
  body: () => unknown,
  code: string,
): void {
  onSubmit(form, {
    body,
    send: (payload) => api(method, url, payload),
    ok: () => done(code),
    words: explainAccount,
  });
}

function setupManage(): void {
  const create = $<HTMLFormElement>('form[data-form="account-new"]');
  if (create) {
    handle(
      create,
      "POST",
      "/api/admin/accounts",
      () => ({
        username: field(create, "username").value.trim().toLowerCase(),
        displayName: field(create, "displayName").value.trim(),
        role: field(create, "role").value,
        password: field(create, "password").value,
        campaigns: chosen(create),
      }),
      "account-created",
    );
  }
  for (const form of $$<HTMLFormElement>('form[data-form="account-edit"]')) {
    const id = form.dataset.accountId ?? "";
    handle(
      form,
      "PATCH",
      `/api/admin/accounts/${id}`,
      () => ({
        displayName: field(form, "displayName").value.trim(),
        ...(form.elements.namedItem("role") && { role: field(form, "role").value }),
        ...($('input[name="campaigns"]', form) && { campaigns: chosen(form) }),
      }),
      "account-saved",
    );
  }
  for (const form of $$<HTMLFormElement>('form[data-form="account-password"]')) {
    const id = form.dataset.accountId ?? "";
    handle(
      form,
      "PATCH",
      `/api/admin/accounts/${id}`,
      () => {
        const password = field(form, "password").value;
        if (password.length < 10) return refuse(form, "password", "新密码至少 10 个字符。");
        return { password };
      },
      "password-reset",
    );
  }
  onEachClick("[data-account-disable]", (button) => {
    const disabled = button.dataset.accountDisable === "true";
    return {
      confirm: disabled ? "停用后，该账号的所有登录立即失效，且不能再登录。确定停用？" : undefined,
      send: () => api("PATCH", `/api/admin/accounts/${button.dataset.accountId}`, { disabled }),
      ok: () => done(disabled ? "account-disabled" : "account-enabled"),
      ...cardError(button),
    };
  });
  onEachClick("[data-account-totp-reset]", (button) => ({
    confirm: "解除后该账号只凭密码即可登录，其现有登录立即失效。确定解除？",
    send: () =>
      api("PATCH", `/api/admin/accounts/${button.dataset.accountId}`, { resetTotp: true }),
    ok: () => done("totp-reset"),
    ...cardError(button),
  }));
}

/** An account card's buttons say their errors in the card's error line. */
const cardError = (button: HTMLElement) => {
  const card = button.closest("[data-account]");
  return { error: card && $("[data-account-error]", card), words: explainAccount };
};

function setupOwn(): void {
  const password = $<HTMLFormElement>('form[data-form="my-password"]');
  if (password) {
    handle(
      password,
      "POST",
      "/api/admin/me/password",
      () => {
        const next = field(password, "newPassword").value;
        if (next.length < 10) return refuse(password, "newPassword", "新密码至少 10 个字符。");
        if (next !== field(password, "again").value)
          return refuse(password, "again", "两次输入的新密码不一致。");
        return { currentPassword: field(password, "currentPassword").value, newPassword: next };
      },
      "password-changed",
    );
  }
  const enable = $<HTMLFormElement>('form[data-form="totp-enable"]');
  if (enable)
    onSubmit(enable, {
      body: () => {
        const code = field(enable, "code").value.replace(/\s+/g, "");
        if (!/^\d{6}$/.test(code)) return refuse(enable, "code", "请输入 6 位数字。");
        return { secret: field(enable, "secret").value, code };
      },
      send: (body) => api("POST", "/api/admin/me/totp", body),
      ok: () => location.assign("/admin/account?done=totp-on"),
      words: explainAccount,
      mark: (f) => field(f, "code").focus(),
    });
  const disable = $<HTMLFormElement>('form[data-form="totp-disable"]');
  if (disable) {
    handle(
      disable,
      "DELETE",
      "/api/admin/me/totp",
      () => ({ password: field(disable, "password").value }),
      "totp-off",
    );
  }
}

export function setupAccounts(): void {
  setupManage();
  setupOwn();
}
