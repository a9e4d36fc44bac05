import type { Context } from "hono";
import { deleteCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { auditStatement } from "../db/queries/audit";
import { secretsEqual } from "../domain/passwords";
import { ApiError } from "../errors";
import type { AppEnv, Organizer, Role } from "../types";
import { readSignedCookie, writeSignedCookie } from "./signed-cookie";
import { isLocalHost } from "./voter";

export const ORGANIZER_COOKIE = "by_admin";
/** A console session lasts a working day. */
export const SESSION_SECONDS = 8 * 60 * 60;

/**
 * Sessions are signed with a key derived for this purpose, not the voter cookie's. Without a real
 * SESSION_SECRET there is no key at all: a missing secret must never make cookies forgeable.
 */
function sessionKey(c: Context<AppEnv>): string | null {
  const secret = c.env.SESSION_SECRET;
  if (!secret || secret.length < 16) {
    console.error(
      "SESSION_SECRET is missing or shorter than 16 characters: console sessions are off",
    );
    return null;
  }
  return `organizer-session:${secret}`;
}

/** Starts a console session: a signed, HttpOnly, SameSite=Strict cookie with its own expiry. */
export async function startSession(c: Context<AppEnv>, role: Role, name: string): Promise<number> {
  const key = sessionKey(c);
  if (!key)
    throw new ApiError(
      503,
      "not_configured",
      "Console sign-in is not configured (SESSION_SECRET).",
    );
  const expiresAt = Date.now() + SESSION_SECONDS * 1000;
  // Dots separate the fields (and the signature), so the name is encoded without any.
  const value = [role, expiresAt, encodeURIComponent(name).replaceAll(".", "%2E")].join(".");
  await writeSignedCookie(c, ORGANIZER_COOKIE, value, key, {
    path: "/",
    httpOnly: true,
    secure: !isLocalHost(c.req.url),
    sameSite: "Strict",
    maxAge: SESSION_SECONDS,
  });
  // Who signed in, and when, is part of the audit trail too.
  await auditStatement(c.var.db, {
    campaignId: null,
    actor: { role, name, via: "session" },
    action: "session.login",
    after: { expiresAt: new Date(expiresAt).toISOString() },
    now: expiresAt - SESSION_SECONDS * 1000,
  });
  return expiresAt;
}

export function endSession(c: Context<AppEnv>): void {
  deleteCookie(c, ORGANIZER_COOKIE, { path: "/", secure: !isLocalHost(c.req.url) });
}

/** Who is calling: the bearer token (scripts) or a console session; null if neither is valid. */
export async function identifyOrganizer(c: Context<AppEnv>): Promise<Organizer | null> {
  const auth = c.req.header("Authorization");
  if (auth?.startsWith("Bearer ")) {
    const token = auth.slice(7).trim();
    if (c.env.ADMIN_TOKEN && token && (await secretsEqual(token, c.env.ADMIN_TOKEN))) {
      return { role: "admin", name: "token", via: "token" };
    }
    return null;
  }
  const key = sessionKey(c);
  if (!key) return null;
  const value = await readSignedCookie(c, key, ORGANIZER_COOKIE);
  if (!value) return null;
  const [role, expires, name] = value.split(".");
  if ((role !== "admin" && role !== "observer") || !(Number(expires) > Date.now())) return null;
  let display = role;
  try {
    display = decodeURIComponent(name ?? "") || role;
  } catch {
    /* keep the role as the name */
  }
  return { role, name: display, via: "session" };
}

/**
 * Everything under /api/admin and /admin needs an organizer: 401 `unauthorized` without one, and
 * 403 `forbidden` when an observer (read-only) tries to change anything. Sets `c.var.organizer`.
 */
export const requireOrganizer = createMiddleware<AppEnv>(async (c, next) => {
  const organizer = await identifyOrganizer(c);
  if (!organizer)
    throw new ApiError(
      401,
      "unauthorized",
      "Sign in, or send Authorization: Bearer <ADMIN_TOKEN>.",
    );
  const reading = c.req.method === "GET" || c.req.method === "HEAD";
  if (!reading && organizer.role !== "admin") {
    throw new ApiError(403, "forbidden", "Observers have read-only access.");
  }
  c.set("organizer", organizer);
  await next();
});
