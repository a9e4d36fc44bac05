/**
 * 账号管理 and 我的账号: each form sends its change to the account API and reloads the page with a
 * fixed message (`?done=…`); errors appear next to the form, in Chinese, with the field marked.
 */
import { ACCOUNT_ERROR_TEXT, ACCOUNT_FIELD_LABEL } from "../../views/admin/account-text";
import { $, $$, api, busy, done, explain, field, say, submitButton } from "./shared";

interface ApiErrorLike {
  code: string;
  message: string;
}

/** The account API's errors in the console's words; validation names the field in Chinese. */
function explainAccount(error: ApiErrorLike | undefined): string {
  if (!error) return "";
  const own = ACCOUNT_ERROR_TEXT[error.code];
  if (own) return own;
  if (error.code === "invalid_body") {
    const names = Object.keys(ACCOUNT_FIELD_LABEL).filter((k) =>
      new RegExp(`(^|[^A-Za-z])${k}([^A-Za-z]|$)`).test(error.message),
    );
    if (names.length) {
      const labels = names.map((k) => ACCOUNT_FIELD_LABEL[k]).join("、");
      if (/at least/.test(error.message)) return `请检查：${labels}（密码至少 10 个字符）。`;
      if (/username must be/.test(error.message))
        return "请检查：账号名（3–32 位小写字母、数字、点、横线或下划线）。";
      if (/no campaign/.test(error.message)) return "请检查：限定活动（有活动已不存在）。";
      return `请检查：${labels}。`;
    }
  }
  return explain(error);
}

/** Marks the named inputs invalid (aria-invalid) and focuses the first. */
function mark(form: HTMLFormElement, message: string): void {
  for (const el of $$("[aria-invalid]", form)) el.removeAttribute("aria-invalid");
  let first: HTMLElement | null = null;
  for (const name of Object.keys(ACCOUNT_FIELD_LABEL)) {
    if (!new RegExp(`(^|[^A-Za-z])${name}([^A-Za-z]|$)`).test(message)) continue;
    const el = form.elements.namedItem(name);
    if (el instanceof HTMLElement) {
      el.setAttribute("aria-invalid", "true");
      first ??= el;
    }
  }
  first?.focus();
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
  body: () => unknown | string,
  code: string,
): void {
  const error = $("[data-form-error]", form);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const payload = body();
    if (typeof payload === "string") {
      say(error, payload);
      return;
    }
    say(error, "");
    const res = await busy(submitButton(form), () => api(method, url, payload));
    if (res.ok) {
      done(code);
      return;
    }
    say(error, explainAccount(res.error));
    mark(form, res.error?.message ?? "");
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
        if (password.length < 10) {
          field(form, "password").setAttribute("aria-invalid", "true");
          field(form, "password").focus();
          return "新密码至少 10 个字符。";
        }
        return { password };
      },
      "password-reset",
    );
  }
  for (const button of $$<HTMLButtonElement>("[data-account-disable]")) {
    const disabled = button.dataset.accountDisable === "true";
    const card = button.closest("[data-account]");
    button.addEventListener("click", async () => {
      if (disabled && !confirm("停用后，该账号的所有登录立即失效，且不能再登录。确定停用？"))
        return;
      const res = await busy(button, () =>
        api("PATCH", `/api/admin/accounts/${button.dataset.accountId}`, { disabled }),
      );
      if (res.ok) done(disabled ? "account-disabled" : "account-enabled");
      else say(card && $("[data-account-error]", card), explainAccount(res.error));
    });
  }
  for (const button of $$<HTMLButtonElement>("[data-account-totp-reset]")) {
    const card = button.closest("[data-account]");
    button.addEventListener("click", async () => {
      if (!confirm("解除后该账号只凭密码即可登录，其现有登录立即失效。确定解除？")) return;
      const res = await busy(button, () =>
        api("PATCH", `/api/admin/accounts/${button.dataset.accountId}`, { resetTotp: true }),
      );
      if (res.ok) done("totp-reset");
      else say(card && $("[data-account-error]", card), explainAccount(res.error));
    });
  }
}

function setupOwn(): void {
  const password = $<HTMLFormElement>('form[data-form="my-password"]');
  if (password) {
    handle(
      password,
      "POST",
      "/api/admin/me/password",
      () => {
        const next = field(password, "newPassword").value;
        if (next.length < 10) {
          field(password, "newPassword").setAttribute("aria-invalid", "true");
          field(password, "newPassword").focus();
          return "新密码至少 10 个字符。";
        }
        if (next !== field(password, "again").value) {
          field(password, "again").setAttribute("aria-invalid", "true");
          field(password, "again").focus();
          return "两次输入的新密码不一致。";
        }
        return { currentPassword: field(password, "currentPassword").value, newPassword: next };
      },
      "password-changed",
    );
  }
  const enable = $<HTMLFormElement>('form[data-form="totp-enable"]');
  if (enable) {
    const error = $("[data-form-error]", enable);
    enable.addEventListener("submit", async (event) => {
      event.preventDefault();
      const code = field(enable, "code").value.replace(/\s+/g, "");
      if (!/^\d{6}$/.test(code)) {
        say(error, "请输入 6 位数字。");
        field(enable, "code").focus();
        return;
      }
      const res = await busy(submitButton(enable), () =>
        api("POST", "/api/admin/me/totp", { secret: field(enable, "secret").value, code }),
      );
      if (res.ok) location.assign("/admin/account?done=totp-on");
      else {
        say(error, explainAccount(res.error));
        field(enable, "code").focus();
      }
    });
  }
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
