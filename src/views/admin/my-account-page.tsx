import type { Organizer } from "../../types";
import { ACCOUNT_LIMITS as L } from "../../validators/accounts";
import { Input, named, Password } from "./components/field";
import { Facts, FormEnd } from "./components/form";
import { AdminLayout } from "./layout";
import { CODE_TYPED } from "./login-page";
import { ROLE_LABEL } from "./text";

/**
 * 我的账号 (/admin/account): a named account's own password and two-step verification, for any
 * role. Enrolment (/admin/account/totp) shows a fresh secret as a QR code and as text; the
 * account confirms it with one code before it is switched on.
 */

export function MyAccountPage(props: {
  organizer: Organizer;
  account: { username: string; displayName: string; role: string; totp: boolean } | null;
  campaigns: string[] | null;
  flash?: string;
}) {
  const { account } = props;
  return (
    <AdminLayout title="我的账号" organizer={props.organizer} page="account" flash={props.flash}>
      <h1>我的账号</h1>
      {!account ? (
        <p>
          您是用内置口令登录的，没有个人账号，无法在这里修改密码或开启两步验证。请管理员为您新建个人账号。
        </p>
      ) : (
        <>
          <Facts
            class="account-meta"
            facts={[
              ["账号名", account.username],
              ["姓名", account.displayName],
              ["角色", ROLE_LABEL[account.role] ?? account.role],
              ["可见活动", props.campaigns ? props.campaigns.join("、") || "（无）" : "全部活动"],
            ]}
          />
          <section class="panel" aria-labelledby="password-title">
            <h2 id="password-title">修改密码</h2>
            <p class="muted">修改后，您在其他设备上的登录会全部失效。</p>
            <form class="stack" data-form="my-password" novalidate>
              <input
                type="text"
                name="username"
                autocomplete="username"
                value={account.username}
                hidden
                readonly
              />
              <Password id="my-current" name="currentPassword" label="当前密码" required />
              <Password
                id="my-new"
                name="newPassword"
                label="新密码"
                autocomplete="new-password"
                required
                minlength={L.passwordMin}
                hint={`至少 ${L.passwordMin} 个字符。`}
              />
              {/* Checked by the script only: no issue path. */}
              <Password
                {...named("my", "again")}
                label="再次输入新密码"
                autocomplete="new-password"
                required
                path={false}
              />
              <FormEnd submit="修改密码" />
            </form>
          </section>
          <section class="panel" aria-labelledby="totp-title">
            <h2 id="totp-title">两步验证</h2>
            {account.totp ? (
              <>
                <p>
                  <strong>已开启。</strong>
                  登录时除密码外，还需输入手机身份验证器中的 6 位动态验证码。
                </p>
                <form class="stack" data-form="totp-disable" novalidate>
                  <Password
                    {...named("totp-off", "password")}
                    label="输入当前密码以关闭两步验证"
                    required
                  />
                  <FormEnd submit="关闭两步验证" kind="secondary" />
                </form>
              </>
            ) : (
              <>
                <p>
                  未开启。开启后，即使密码泄露，没有您的手机也无法登录。可使用任意支持
                  TOTP（基于时间的动态验证码）标准的身份验证器应用。
                </p>
                <p>
                  <a class="button" href="/admin/account/totp">
                    开启两步验证
                  </a>
                </p>
              </>
            )}
          </section>
        </>
      )}
    </AdminLayout>
  );
}

/** Enrolment: scan or type the secret, then confirm with one code. */
export function TotpEnrolPage(props: { organizer: Organizer; secret: string; qrSvg: string }) {
  const grouped = props.secret.replace(/(.{4})/g, "$1 ").trim();
  return (
    <AdminLayout title="开启两步验证" organizer={props.organizer} page="totp">
      <h1>开启两步验证</h1>
      <ol class="stack enrol-steps">
        <li>
          <p>用手机上的身份验证器扫描下面的二维码：</p>
          <div
            class="totp-qr"
            role="img"
            aria-label="两步验证二维码（内容与下方密钥相同）"
            dangerouslySetInnerHTML={{ __html: props.qrSvg }}
          />
        </li>
        <li>
          <p>无法扫码时，在验证器中选择“手动输入密钥”，输入：</p>
          <p>
            <code class="code totp-secret" data-totp-secret>
              {grouped}
            </code>
          </p>
          <p class="hint">类型选“基于时间”，位数 6 位，间隔 30 秒。</p>
        </li>
        <li>
          <form class="stack" data-form="totp-enable" novalidate>
            <input type="hidden" name="secret" value={props.secret} />
            <Input
              {...named("totp", "code")}
              label="输入验证器显示的 6 位动态验证码"
              inputmode="numeric"
              autocomplete="one-time-code"
              pattern="[0-9 ]*"
              maxlength={CODE_TYPED}
              required
            />
            <FormEnd
              submit="确认开启"
              row="button-row"
              extra={
                <a class="button secondary" href="/admin/account">
                  取消
                </a>
              }
            />
          </form>
        </li>
      </ol>
    </AdminLayout>
  );
}
