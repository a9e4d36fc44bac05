import { AdminLayout } from "./layout";

/**
 * Sign-in: the script POSTs JSON to /api/admin/session and reloads; without JavaScript the form
 * posts to the page's own URL (handled in routes/admin/pages.tsx) and comes back signed in.
 */
export function LoginPage(props: { error?: string; name?: string; action?: string }) {
  return (
    <AdminLayout title="登录" organizer={null} page="login">
      <section class="login panel" aria-labelledby="login-title">
        <h1 id="login-title">登录评选管理后台</h1>
        <p class="muted">
          使用管理员密码登录可以管理活动；使用观察员密码登录只能查看票数、日志和导出结果。
        </p>
        <form
          method="post"
          action={props.action ?? "/admin"}
          class="stack"
          data-form="login"
          novalidate
        >
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
            <label for="login-name">
              姓名 <span class="optional">（选填，记入操作日志）</span>
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
