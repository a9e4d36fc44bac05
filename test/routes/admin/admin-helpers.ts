import { call } from "../../helpers";

export type As = "none" | "token" | "bad-token" | "admin" | "observer" | "forged";

const cookies = new Map<string, string>();

/** A console session cookie for a role (logged in once per test file). */
export async function sessionCookie(role: "admin" | "observer"): Promise<string> {
  const cached = cookies.get(role);
  if (cached) return cached;
  const res = await call("/api/admin/session", {
    method: "POST",
    headers: { "Content-Type": "application/json", "CF-Connecting-IP": `10.9.${role.length}.1` },
    body: JSON.stringify({
      password: role === "admin" ? "test-admin-password" : "test-observer-password",
      name: role === "admin" ? "王主任" : "纪检李",
    }),
  });
  if (res.status !== 201) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = /by_admin=[^;]+/.exec(res.headers.get("Set-Cookie") ?? "")?.[0];
  if (!cookie) throw new Error("no session cookie");
  cookies.set(role, cookie);
  return cookie;
}

/** Calls the organizer API as someone. */
export async function asCall(as: As, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (as === "token") headers.set("Authorization", "Bearer test-admin-token");
  if (as === "bad-token") headers.set("Authorization", "Bearer nope");
  if (as === "admin" || as === "observer") headers.set("Cookie", await sessionCookie(as));
  if (as === "forged") headers.set("Cookie", "by_admin=admin.99999999999999.x.forged");
  return call(path, { ...init, headers });
}

export function json(body: unknown): RequestInit {
  return {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  };
}

export async function errorCode(res: Response): Promise<string> {
  return (await res.json<{ error: { code: string } }>()).error.code;
}
