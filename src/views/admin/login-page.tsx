import { ACCOUNT_LIMITS as L } from "../../validators/accounts";
import { CodeInput, Input, named } from "./components/field";
import { AdminLayout } from "./layout";

/** What a person types for a 6-digit code, spaces included (the API takes up to 16). */
export const CODE_TYPED = 8;

const optional = (label: string, note: string) => (
  <>
    {label} <span class="optional">（{note}）</span>
  </>
);

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
          <CodeInput
            {...named("login", "username")}
            label="账号"
            autocomplete="username"
            limit={L.loginUsername}
            value={props.username ?? ""}
            hint="使用内置的管理员或观察员口令登录时留空。"
          />
          <Input
            {...named("login", "password")}
            label="密码"
            type="password"
            autocomplete="current-password"
            required
            limit={L.password}
            aria-describedby="login-error"
          />
          <Input
            {...named("login", "code")}
            label={optional("动态验证码", "开启了两步验证的账号填写")}
            inputmode="numeric"
            autocomplete="one-time-code"
            pattern="[0-9 ]*"
            maxlength={CODE_TYPED}
          />
          <Input
            {...named("login", "name")}
            label={optional("姓名", "选填，仅用内置口令时记入操作日志，注明为自报")}
            autocomplete="name"
            limit={L.name}
            value={props.name ?? ""}
          />
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
