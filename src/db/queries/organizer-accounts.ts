import { and, asc, desc, eq, inArray, isNull, lt, type SQL, sql } from "drizzle-orm";
import type { Organizer, Role } from "../../types";
import type { Database } from "../client";
import { auditLog, campaigns, organizerAccountCampaigns, organizerAccounts } from "../schema";
import { actorLabel, audited, auditStatement } from "./audit";
import { revokeAccountSessions } from "./organizer-sessions";

/**
 * Named organizer accounts: created, changed, disabled and reset by admins in the console. Every
 * change lands in one batch with its audit entry; a change that must end the account's sessions
 * (disable, password, 2FA reset) revokes them in the same batch.
 */

export async function findAccountByUsername(db: Database, username: string) {
  return db.select().from(organizerAccounts).where(eq(organizerAccounts.username, username)).get();
}

export async function findAccount(db: Database, id: number) {
  return db.select().from(organizerAccounts).where(eq(organizerAccounts.id, id)).get();
}

export interface AccountView {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  totp: boolean;
  campaigns: string[];
  createdAt: number;
  lastLoginAt: number | null;
}

/**
 * Every account (or only the one with id `only`) with the slugs of the campaigns it is limited to
 * (none = every campaign).
 */
export async function listAccounts(db: Database, only?: number): Promise<AccountView[]> {
  const [rows, scopes] = await Promise.all([
    db
      .select()
      .from(organizerAccounts)
      .where(only === undefined ? undefined : eq(organizerAccounts.id, only))
      .orderBy(asc(organizerAccounts.username)),
    db
      .select({ accountId: organizerAccountCampaigns.accountId, slug: campaigns.slug })
      .from(organizerAccountCampaigns)
      .innerJoin(campaigns, eq(campaigns.id, organizerAccountCampaigns.campaignId))
      .where(only === undefined ? undefined : eq(organizerAccountCampaigns.accountId, only))
      .orderBy(asc(campaigns.slug)),
  ]);
  return rows.map((a) => ({
    id: a.id,
    username: a.username,
    displayName: a.displayName,
    role: a.role,
    disabled: a.disabledAt !== null,
    totp: a.totpSecret !== null,
    campaigns: scopes.filter((s) => s.accountId === a.id).map((s) => s.slug),
    createdAt: a.createdAt,
    lastLoginAt: a.lastLoginAt,
  }));
}

/** One account as the console shows it, or undefined. */
export async function accountView(db: Database, id: number): Promise<AccountView | undefined> {
  return (await listAccounts(db, id))[0];
}

/** Campaign ids for slugs; the slugs that match no campaign come back in `unknown`. */
export async function campaignIdsForSlugs(db: Database, slugs: string[]) {
  if (slugs.length === 0) return { ids: [] as number[], unknown: [] as string[] };
  const rows = await db
    .select({ id: campaigns.id, slug: campaigns.slug })
    .from(campaigns)
    .where(inArray(campaigns.slug, slugs));
  const found = new Set(rows.map((r) => r.slug));
  return { ids: rows.map((r) => r.id), unknown: slugs.filter((s) => !found.has(s)) };
}

export interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  campaignIds: number[];
  campaignSlugs: string[];
}

/** Creates an account; null when the username is taken (the UNIQUE index rolls the batch back). */
export async function createAccount(
  db: Database,
  a: NewAccount,
  actor: Organizer,
  now: number,
): Promise<number | null> {
  try {
    const [inserted] = await db.batch([
      db
        .insert(organizerAccounts)
        .values({
          username: a.username,
          displayName: a.displayName,
          role: a.role,
          passwordHash: a.passwordHash,
          createdAt: now,
          updatedAt: now,
          createdBy: actorLabel(actor),
        })
        .returning({ id: organizerAccounts.id }),
      ...scopeStatements(
        db,
        sql`(SELECT id FROM organizer_accounts WHERE username = ${a.username})`,
        a.campaignIds,
      ),
      auditStatement(db, {
        campaignId: null,
        actor,
        action: "account.create",
        after: {
          username: a.username,
          displayName: a.displayName,
          role: a.role,
          campaigns: a.campaignSlugs,
        },
        now,
      }),
    ]);
    return inserted[0]?.id ?? null;
  } catch (error) {
    if (/UNIQUE constraint failed/i.test(String((error as Error)?.message ?? error))) return null;
    throw error;
  }
}

/** Inserts an account's campaign list (statements for a batch). */
function scopeStatements(db: Database, accountId: number | SQL, ids: number[]) {
  return ids.map((campaignId) =>
    db.insert(organizerAccountCampaigns).values({ accountId, campaignId }),
  );
}

export interface AccountPatch {
  displayName?: string;
  role?: Role;
  disabled?: boolean;
  campaignIds?: number[];
  campaignSlugs?: string[];
  passwordHash?: string;
  /** Removes the second factor (the owner enrols again). */
  resetTotp?: boolean;
}

/**
 * Applies an admin's change to an account with its audit entry. Disabling it, setting a new
 * password or removing its second factor also ends all its sessions, in the same batch.
 */
export async function updateAccount(
  db: Database,
  id: number,
  patch: AccountPatch,
  actor: Organizer,
  now: number,
): Promise<boolean> {
  const before = await findAccount(db, id);
  if (!before) return false;
  const endsSessions =
    patch.disabled === true || patch.passwordHash !== undefined || patch.resetTotp === true;
  const columns = {
    updatedAt: now,
    ...(patch.displayName !== undefined && { displayName: patch.displayName }),
    ...(patch.role !== undefined && { role: patch.role }),
    ...(patch.disabled !== undefined && { disabledAt: patch.disabled ? now : null }),
    ...(patch.passwordHash !== undefined && { passwordHash: patch.passwordHash }),
    ...(patch.resetTotp && { totpSecret: null, totpLastStep: 0 }),
  };
  const described = {
    ...(patch.displayName !== undefined && { displayName: patch.displayName }),
    ...(patch.role !== undefined && { role: patch.role }),
    ...(patch.disabled !== undefined && { disabled: patch.disabled }),
    ...(patch.campaignSlugs !== undefined && { campaigns: patch.campaignSlugs }),
    ...(patch.passwordHash !== undefined && { password: "reset" }),
    ...(patch.resetTotp && { totp: "removed" }),
  };
  await db.batch([
    db.update(organizerAccounts).set(columns).where(eq(organizerAccounts.id, id)),
    ...(patch.campaignIds !== undefined
      ? [
          db.delete(organizerAccountCampaigns).where(eq(organizerAccountCampaigns.accountId, id)),
          ...scopeStatements(db, id, patch.campaignIds),
        ]
      : []),
    ...(endsSessions ? [revokeAccountSessions(db, id, now)] : []),
    auditStatement(db, {
      campaignId: null,
      actor,
      action: "account.update",
      before: {
        username: before.username,
        displayName: before.displayName,
        role: before.role,
        disabled: before.disabledAt !== null,
      },
      after: { username: before.username, ...described },
      now,
    }),
  ]);
  return true;
}

/** The owner's own password change: new hash, every session ended, audit-logged. */
export async function changeOwnPassword(
  db: Database,
  actor: Organizer & { accountId: number },
  passwordHash: string,
  now: number,
) {
  await db.batch([
    db
      .update(organizerAccounts)
      .set({ passwordHash, updatedAt: now })
      .where(eq(organizerAccounts.id, actor.accountId)),
    revokeAccountSessions(db, actor.accountId, now),
    auditStatement(db, { campaignId: null, actor, action: "account.password", now }),
  ]);
}

/** Turns the second factor on (confirmed enrolment) or off (by its owner), audit-logged. */
export async function setOwnTotp(
  db: Database,
  actor: Organizer & { accountId: number },
  secret: string | null,
  step: number,
  now: number,
) {
  await audited(
    db,
    db
      .update(organizerAccounts)
      .set({ totpSecret: secret, totpLastStep: step, updatedAt: now })
      .where(eq(organizerAccounts.id, actor.accountId)),
    {
      campaignId: null,
      actor,
      action: secret ? "account.totp.enable" : "account.totp.disable",
      now,
    },
  );
}

/**
 * Records a TOTP step as used, only if it is newer than the last one: false when another sign-in
 * used this code (or a later one) first.
 */
export async function claimTotpStep(db: Database, id: number, step: number): Promise<boolean> {
  const rows = await db
    .update(organizerAccounts)
    .set({ totpLastStep: step })
    .where(and(eq(organizerAccounts.id, id), lt(organizerAccounts.totpLastStep, step)))
    .returning({ id: organizerAccounts.id });
  return rows.length === 1;
}

/** The sign-in time, for the accounts list. */
export function touchLogin(db: Database, id: number, now: number) {
  return db
    .update(organizerAccounts)
    .set({ lastLoginAt: now })
    .where(and(eq(organizerAccounts.id, id), isNull(organizerAccounts.disabledAt)));
}

/** The newest entries that belong to no campaign: sign-ins and account changes. */
export async function listAccountAudit(db: Database, limit: number) {
  return db
    .select({
      id: auditLog.id,
      actor: auditLog.actor,
      action: auditLog.action,
      after: auditLog.after,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .where(isNull(auditLog.campaignId))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}
