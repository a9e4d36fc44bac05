import { AdminLayout } from "./layout";

/**
 * Sign-in: the script POSTs JSON to /api/admin/session and reloads; without JavaScript the form
 * posts to the page's own URL (handled in routes/admin/pages.tsx) and comes back signed in.
 * A personal account signs in with its account name (and a code when it has two-step
 * verification); leaving the account empty signs in with a built-in password.
 */
export function LoginPage(props: {
  error?: string;
  username?: string;
  name?: string;
  action?: string;
}) {
  return (
    <AdminLayout title="登录" organizer={null} page="login">
      <section class="login panel" aria-labelledby="login-title">
        <h1 id="login-title">登录评选管理后台</h1>
        <p class="muted">
          请用个人账号登录。管理员可以管理活动；观察员只能查看票数、日志和导出结果。
        </p>
        <form
          method="post"
          action={props.action ?? "/admin"}
          class="stack"
          data-form="login"
          novalidate
        >
          <div class="field">
            <label for="login-username">账号</label>
            <input
              id="login-username"
              name="username"
              type="text"
              autocomplete="username"
              autocapitalize="none"
              spellcheck={false}
              maxlength={64}
              value={props.username ?? ""}
              aria-describedby="login-username-hint"
            />
            <p class="hint" id="login-username-hint">
              使用内置的管理员或观察员口令登录时留空。
            </p>
          </div>
          <div class="field">
            <label for="login-password">密码</label>
            <input
              id="login-password"
              name="password"
              type="password"
              autocomplete="current-password"
              required
              maxlength={200}
              aria-describedby="login-error"
            />
          </div>
          <div class="field">
            <label for="login-code">
              动态验证码 <span class="optional">（开启了两步验证的账号填写）</span>
            </label>
            <input
              id="login-code"
              name="code"
              type="text"
              inputmode="numeric"
              autocomplete="one-time-code"
              pattern="[0-9 ]*"
              maxlength={8}
            />
          </div>
          <div class="field">
            <label for="login-name">
              姓名 <span class="optional">（选填，仅用内置口令时记入操作日志，注明为自报）</span>
            </label>
            <input
              id="login-name"
              name="name"
              type="text"
              autocomplete="name"
              maxlength={40}
              value={props.name ?? ""}
            />
          </div>
          <p class="form-error" id="login-error" role="alert" data-form-error>
            {props.error ?? ""}
          </p>
          <button type="submit" class="button">
            登录
          </button>
        </form>
      </section>
    </AdminLayout>
  );
}
