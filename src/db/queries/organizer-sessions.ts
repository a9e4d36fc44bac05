import { and, eq, isNull, lt, sql } from "drizzle-orm";
import type { Organizer, Role } from "../../types";
import type { Database } from "../client";
import { organizerSessions } from "../schema";

/**
 * Console sessions on the server (issue 14). Each organizer request reads one row (joined with its
 * account, if any, and that account's campaigns): one small indexed SELECT on organizer paths
 * only; the public pages and the like path never come here.
 */

export interface NewSession {
  idHash: string;
  accountId: number | null;
  role: Role;
  name: string;
  /** For a built-in password's session: the tag of the configured password. */
  secretTag: string | null;
  now: number;
  expiresAt: number;
}

/** The session's row, and (same batch) a sweep of sessions that ended more than a day ago. */
export function createSessionStatements(db: Database, s: NewSession) {
  return [
    db.insert(organizerSessions).values({
      idHash: s.idHash,
      accountId: s.accountId,
      role: s.role,
      name: s.name,
      secretTag: s.secretTag,
      createdAt: s.now,
      expiresAt: s.expiresAt,
    }),
    db.delete(organizerSessions).where(lt(organizerSessions.expiresAt, s.now - 86_400_000)),
  ] as const;
}

interface SessionRow {
  role: Role;
  name: string;
  secret_tag: string | null;
  account_id: number | null;
  username: string | null;
  display_name: string | null;
  account_role: Role | null;
  disabled_at: number | null;
  scope: string | null;
}

/**
 * The organizer behind a live session, or null when it is unknown, revoked, expired, or its account
 * is disabled, or (a built-in password's session) `currentTag` says the password has changed since.
 * A named account's role and campaigns are read now, not at sign-in, so an admin's change applies
 * to sessions already open.
 */
export async function findSessionOrganizer(
  db: Database,
  idHash: string,
  now: number,
  currentTag: (role: Role) => Promise<string | null>,
): Promise<Organizer | null> {
  const row = await db.get<SessionRow | undefined>(sql`
    SELECT s.role, s.name, s.secret_tag, s.account_id, a.username, a.display_name, a.role AS account_role,
      a.disabled_at,
      (SELECT group_concat(ac.campaign_id) FROM organizer_account_campaigns ac
        WHERE ac.account_id = s.account_id) AS scope
    FROM organizer_sessions s LEFT JOIN organizer_accounts a ON a.id = s.account_id
    WHERE s.id_hash = ${idHash} AND s.revoked_at IS NULL AND s.expires_at > ${now}`);
  if (!row) return null;
  if (row.account_id === null) {
    const tag = await currentTag(row.role);
    if (tag === null || tag !== row.secret_tag) return null;
    return { role: row.role, name: row.name, via: "session", sessionHash: idHash };
  }
  if (row.disabled_at !== null || !row.username || !row.account_role) return null;
  return {
    role: row.account_role,
    name: row.username,
    via: "account",
    accountId: row.account_id,
    displayName: row.display_name ?? row.username,
    campaignIds: row.scope ? row.scope.split(",").map(Number) : undefined,
    sessionHash: idHash,
  };
}

/** Ends one session (sign-out). */
export function revokeSession(db: Database, idHash: string, now: number) {
  return db
    .update(organizerSessions)
    .set({ revokedAt: now })
    .where(and(eq(organizerSessions.idHash, idHash), isNull(organizerSessions.revokedAt)));
}

/** Ends every session of an account (disabled, password changed or reset, 2FA reset). */
export function revokeAccountSessions(db: Database, accountId: number, now: number) {
  return db
    .update(organizerSessions)
    .set({ revokedAt: now })
    .where(and(eq(organizerSessions.accountId, accountId), isNull(organizerSessions.revokedAt)));
}
