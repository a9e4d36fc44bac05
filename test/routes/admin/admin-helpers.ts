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

/** Opens nominations for a campaign until `closeAt` (default: in a week). */
export async function openNominations(slug: string, closeAt = Date.now() + 7 * 86_400_000) {
  const res = await asCall("admin", `/api/admin/campaigns/${slug}/selection`, {
    ...json({ nominationsCloseAt: new Date(closeAt).toISOString().replace("Z", "+00:00") }),
    method: "PATCH",
  });
  if (res.status !== 200) throw new Error(`selection: ${res.status} ${await res.text()}`);
}

/** Creates an invitation for a unit; returns its id, token and URL. */
export async function invite(
  slug: string,
  body: { unit: string; group?: string; quota?: number; expiresAt?: string } = { unit: "临县" },
): Promise<{ id: number; token: string; url: string }> {
  const res = await asCall("admin", `/api/admin/campaigns/${slug}/invitations`, json(body));
  if (res.status !== 201) throw new Error(`invite: ${res.status} ${await res.text()}`);
  return res.json();
}

/** A complete nomination a unit can submit. */
export const COMPLETE_NOMINATION = {
  name: "陈某某",
  position: "信访局局长",
  unit: "临县信访局",
  group: "县市区",
  headline: "群众满意是对工作永远的追求",
  story: ["第一段事迹", "第二段事迹"],
};

/** Calls the unit API of a link. */
export function unitCall(token: string, path = "", init: RequestInit = {}) {
  return call(`/api/nominate/${token}${path}`, init);
}

/** A unit creates and submits a nomination; returns its id. */
export async function nominateAndSubmit(
  token: string,
  body = COMPLETE_NOMINATION,
): Promise<number> {
  const created = await unitCall(token, "/nominations", json(body));
  if (created.status !== 201)
    throw new Error(`nominate: ${created.status} ${await created.text()}`);
  const { id } = await created.json<{ id: number }>();
  const submitted = await unitCall(token, `/nominations/${id}/submit`, { method: "POST" });
  if (submitted.status !== 200)
    throw new Error(`submit: ${submitted.status} ${await submitted.text()}`);
  return id;
}
