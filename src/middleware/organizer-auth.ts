import type { Context } from "hono";
import { deleteCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { findCampaign } from "../db/queries/admin-campaigns";
import { auditStatement } from "../db/queries/audit";
import { touchLogin } from "../db/queries/organizer-accounts";
import {
  createSessionStatements,
  findSessionOrganizer,
  revokeSession,
} from "../db/queries/organizer-sessions";
import { builtInSecretTag, mayAccessCampaign } from "../domain/organizer-accounts";
import { secretsEqual } from "../domain/passwords";
import { hashLinkToken, isWellFormedToken, newLinkToken } from "../domain/selection-links";
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

/** Who a new session is for: a named account, or a built-in password (accountId null). */
export interface SessionSubject {
  role: Role;
  name: string;
  accountId: number | null;
  displayName?: string;
}

/**
 * Starts a console session: a row on the server (the key is the SHA-256 of a random id) and a
 * signed, HttpOnly, SameSite=Strict cookie carrying the id. Signing out or revoking the row ends
 * the session whatever the cookie says. The sign-in is audit-logged in the same batch.
 */
export async function startSession(c: Context<AppEnv>, who: SessionSubject): Promise<number> {
  const key = sessionKey(c);
  if (!key)
    throw new ApiError(
      503,
      "not_configured",
      "Console sign-in is not configured (SESSION_SECRET).",
    );
  const now = Date.now();
  const expiresAt = now + SESSION_SECONDS * 1000;
  const id = newLinkToken();
  const idHash = await hashLinkToken(id);
  const db = c.var.db;
  const secretTag = who.accountId === null ? await builtInTag(c, key, who.role) : null;
  const actor: Organizer = {
    role: who.role,
    name: who.name,
    via: who.accountId === null ? "session" : "account",
  };
  await db.batch([
    ...createSessionStatements(db, {
      idHash,
      accountId: who.accountId,
      role: who.role,
      name: who.name,
      secretTag,
      now,
      expiresAt,
    }),
    ...(who.accountId === null ? [] : [touchLogin(db, who.accountId, now)]),
    // Who signed in, and when, is part of the audit trail too.
    auditStatement(db, {
      campaignId: null,
      actor,
      action: "session.login",
      after: { expiresAt: new Date(expiresAt).toISOString() },
      now,
    }),
  ]);
  await writeSignedCookie(c, ORGANIZER_COOKIE, id, key, {
    path: "/",
    httpOnly: true,
    secure: !isLocalHost(c.req.url),
    sameSite: "Strict",
    maxAge: SESSION_SECONDS,
  });
  return expiresAt;
}

/** The tag of the built-in password a role signs in with now; null when it is not configured. */
function builtInTag(c: Context<AppEnv>, key: string, role: Role): Promise<string | null> {
  const configured = role === "admin" ? c.env.ADMIN_PASSWORD : c.env.OBSERVER_PASSWORD;
  return configured ? builtInSecretTag(key, configured) : Promise.resolve(null);
}

/** The session id's hash from a validly signed cookie, or null. */
async function cookieSessionHash(c: Context<AppEnv>, key: string | null): Promise<string | null> {
  if (!key) return null;
  const id = await readSignedCookie(c, key, ORGANIZER_COOKIE);
  // Cookies from before server-side sessions (role.expiry.name) are not ids: refused.
  if (!id || !isWellFormedToken(id)) return null;
  return hashLinkToken(id);
}

/** Signs out: revokes this session on the server (a copy of the cookie stops working too). */
export async function endSession(c: Context<AppEnv>): Promise<void> {
  const idHash = await cookieSessionHash(c, sessionKey(c));
  if (idHash) await revokeSession(c.var.db, idHash, Date.now());
  deleteCookie(c, ORGANIZER_COOKIE, { path: "/", secure: !isLocalHost(c.req.url) });
}

/**
 * Who is calling: the bearer token (scripts) or a live console session; null if neither is valid.
 * A session costs one indexed read, on organizer paths only.
 */
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
  const idHash = await cookieSessionHash(c, key);
  if (!key || !idHash) return null;
  return findSessionOrganizer(c.var.db, idHash, Date.now(), (role) => builtInTag(c, key, role));
}

const CAMPAIGN_PATH = /^\/api\/admin\/campaigns\/([^/]+)/;

/**
 * Everything under /api/admin and /admin needs an organizer: 401 `unauthorized` without one, and
 * 403 `forbidden` when an observer (read-only) tries to change anything. An account limited to
 * some campaigns gets 404 `campaign_not_found` for any other campaign's path (as if it did not
 * exist) and 403 `forbidden` for creating campaigns. Sets `c.var.organizer`.
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
  if (organizer.campaignIds) {
    const slug = CAMPAIGN_PATH.exec(c.req.path)?.[1];
    if (slug) {
      let name = slug;
      try {
        name = decodeURIComponent(slug);
      } catch {
        /* a malformed escape matches no campaign */
      }
      const campaign = await findCampaign(c.var.db, name);
      if (!campaign || !mayAccessCampaign(organizer, campaign.id)) {
        throw new ApiError(404, "campaign_not_found", "No such campaign.");
      }
    } else if (!reading && /^\/api\/admin\/campaigns\/?$/.test(c.req.path)) {
      throw new ApiError(403, "forbidden", "This account is limited to some campaigns.");
    }
  }
  c.set("organizer", organizer);
  await next();
});
