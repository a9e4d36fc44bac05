/**
 * The console's words for named accounts (issue 14), kept apart from text.ts so the account pages
 * own their strings. The browser script uses ACCOUNT_ERROR_TEXT before the general ERROR_TEXT.
 */

export const ACCOUNT_ERROR_TEXT: Record<string, string> = {
  totp_required: "该账号已开启两步验证，请填写身份验证器中的 6 位动态验证码。",
  username_taken: "该账号名已被使用（停用的账号也占用账号名）。",
  own_account: "不能停用、降级或限定自己的账号，请由另一位管理员操作。",
  wrong_password: "当前密码不正确。",
  wrong_code: "动态验证码不正确，请核对手机时间后输入最新的 6 位数字。",
  totp_enabled: "两步验证已经开启。",
  account_not_found: "找不到该账号。",
  forbidden: "只有可管理全部活动的管理员才能管理账号。",
};

/** Field names in the account API's messages, in the console's words. */
export const ACCOUNT_FIELD_LABEL: Record<string, string> = {
  username: "账号名",
  displayName: "姓名",
  role: "角色",
  password: "密码",
  newPassword: "新密码",
  currentPassword: "当前密码",
  campaigns: "限定活动",
  code: "动态验证码",
};

/** One-line messages after an action on the account pages (`?done=<code>`). */
export const ACCOUNT_FLASH: Record<string, string> = {
  "account-created":
    "账号已创建。请把账号名和初始密码当面或通过单独渠道告知本人，并提醒其登录后修改密码。",
  "account-saved": "账号已保存。",
  "account-disabled": "账号已停用，该账号的所有登录已立即失效。",
  "account-enabled": "账号已启用。",
  "password-reset": "密码已重设，该账号的所有登录已立即失效。",
  "totp-reset": "已解除该账号的两步验证，其所有登录已立即失效。",
  "password-changed": "密码已修改。其他设备上的登录已全部失效。",
  "totp-on": "两步验证已开启。以后登录时需要输入身份验证器中的动态验证码。",
  "totp-off": "两步验证已关闭。",
};

/** Audit actions about accounts, for the accounts page's record. */
export const ACCOUNT_ACTION_LABEL: Record<string, string> = {
  "session.login": "登录",
  "account.create": "新建账号",
  "account.update": "修改账号",
  "account.password": "修改自己的密码",
  "account.totp.enable": "开启两步验证",
  "account.totp.disable": "关闭两步验证",
};

const VIA_LABEL: Record<string, string> = {
  account: "个人账号",
  session: "内置口令",
  token: "API 令牌",
};

/** "wang (admin, account)" → "wang · 管理员 · 个人账号"; anything else as it is. */
export function actorText(actor: string, roleLabel: Record<string, string>): string {
  const m = /^(.*) \((admin|observer), (session|token|account)\)$/.exec(actor);
  if (!m) return actor;
  const [, name = "", role = "", via = ""] = m;
  return `${name} · ${roleLabel[role] ?? role} · ${VIA_LABEL[via] ?? via}`;
}
