import { and, asc, eq, gt, gte, lt, type SQL, sql } from "drizzle-orm";
import type { Organizer } from "../../types";
import type { Database } from "../client";
import { auditLog, likes, nominees } from "../schema";
import { actorLabel } from "./audit";

export interface LedgerRow {
  id: number;
  createdAt: number;
  number: number;
  voterHash: string;
  ipHash: string;
  status: "counted" | "voided";
  voidReason: string | null;
  voidedBy: string | null;
  receipt: string;
  day: string;
  ipPrefixHash: string;
  /** domain/like-signals.ts bits. */
  signals: number;
}

/**
 * One page of the ledger after `afterId`, oldest first: keyset pagination on the primary key, so
 * streaming a million rows reads each row once and holds one page at a time.
 */
export async function ledgerPage(
  db: Database,
  campaignId: number,
  afterId: number,
  limit: number,
): Promise<LedgerRow[]> {
  return db
    .select({
      id: likes.id,
      createdAt: likes.createdAt,
      number: nominees.number,
      voterHash: likes.voterHash,
      ipHash: likes.ipHash,
      status: likes.status,
      voidReason: likes.voidReason,
      voidedBy: likes.voidedBy,
      receipt: likes.receipt,
      day: likes.day,
      ipPrefixHash: likes.ipPrefixHash,
      signals: likes.signals,
    })
    .from(likes)
    .innerJoin(nominees, eq(nominees.id, likes.nomineeId))
    .where(and(eq(likes.campaignId, campaignId), gt(likes.id, afterId)))
    .orderBy(asc(likes.id))
    .limit(limit);
}

export interface VoidFilter {
  voterHash?: string;
  ipHash?: string;
  from?: number;
  to?: number;
  nomineeId?: number;
}

/**
 * Voids the counted likes matching every given filter, with a reason and who decided, and records
 * it in the audit log in the same transaction. Counters drop at once (ledger triggers). Repeating it
 * changes nothing: voided rows no longer match `status = 'counted'`.
 */
export async function voidLikes(
  db: Database,
  campaignId: number,
  filter: VoidFilter,
  reason: string,
  actor: Organizer,
  now: number,
): Promise<number> {
  const conditions: SQL[] = [eq(likes.campaignId, campaignId), eq(likes.status, "counted")];
  if (filter.voterHash) conditions.push(eq(likes.voterHash, filter.voterHash));
  if (filter.ipHash) conditions.push(eq(likes.ipHash, filter.ipHash));
  if (filter.from !== undefined) conditions.push(gte(likes.createdAt, filter.from));
  if (filter.to !== undefined) conditions.push(lt(likes.createdAt, filter.to));
  if (filter.nomineeId !== undefined) conditions.push(eq(likes.nomineeId, filter.nomineeId));
  const by = actorLabel(actor);
  const [updated] = await db.batch([
    db
      .update(likes)
      .set({ status: "voided", voidReason: reason, voidedBy: by, voidedAt: now })
      .where(and(...conditions))
      .returning({ id: likes.id }),
    // changes() is the number of ledger rows the UPDATE just voided (trigger writes excluded).
    db.insert(auditLog).values({
      campaignId,
      actor: by,
      action: "votes.void",
      before: { filter, reason },
      after: sql`json_object('voided', changes())`,
      createdAt: now,
    }),
  ]);
  return updated.length;
}
