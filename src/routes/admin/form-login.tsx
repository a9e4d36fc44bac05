import type { Context } from "hono";
import * as v from "valibot";
import { identifyOrganizer, startSession } from "../../middleware/organizer-auth";
import type { AppEnv } from "../../types";
import { LoginRequest } from "../../validators/accounts";
import { AdminMessagePage } from "../../views/admin/layout";
import { LoginPage } from "../../views/admin/login-page";
import { signIn } from "../shared/sign-in";
import { html } from "./console-frame";

/** The no-JavaScript sign-in: the same checks as POST /api/admin/session, then back to the page. */
export async function formLogin(c: Context<AppEnv>) {
  const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  if (typeof body.password !== "string") {
    return html(
      c,
      <AdminMessagePage
        title="需要启用 JavaScript"
        body="管理后台的修改操作需要浏览器启用 JavaScript。"
        organizer={await identifyOrganizer(c)}
      />,
      400,
    );
  }
  const text = (key: string) => (typeof body[key] === "string" ? (body[key] as string) : "");
  const values = { username: text("username"), name: text("name") };
  const page = (error: string, status: 400 | 401 | 429) =>
    html(c, <LoginPage action={c.req.path} {...values} error={error} />, status);
  const parsed = v.safeParse(LoginRequest, {
    password: body.password,
    ...(values.username && { username: values.username }),
    ...(text("code") && { code: text("code") }),
    ...(values.name && { name: values.name }),
  });
  if (!parsed.success) return page("请填写密码（姓名最多 40 个字）。", 400);
  const result = await signIn(c, parsed.output);
  if (!result.ok) {
    if (result.reason === "rate_limited") {
      c.header("Retry-After", "60");
      return page("尝试次数过多，请一分钟后再试。", 429);
    }
    if (result.reason === "totp_required") {
      return page("该账号已开启两步验证，请填写身份验证器中的 6 位动态验证码。", 401);
    }
    return page(values.username ? "账号、密码或动态验证码不正确。" : "密码错误。", 401);
  }
  await startSession(c, result.subject);
  return c.redirect(c.req.path, 303);
}
