import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Organizer } from "../../types";
import type { Database } from "../client";
import { ledgerEvents, likes, nominees } from "../schema";
import { changeStatus, type LedgerFilter } from "./ledger-status";

export interface LedgerRow {
  id: number;
  createdAt: number;
  number: number;
  voterHash: string;
  ipHash: string;
  status: "counted" | "held" | "voided";
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
  return ledgerPageQuery(db, campaignId, afterId, limit);
}

function ledgerPageQuery(db: Database, campaignId: number, afterId: number, limit: number) {
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

export type VoidFilter = LedgerFilter;

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
  const { rows } = await changeStatus(db, campaignId, {
    action: "void",
    filter,
    reason,
    actor,
    now,
  });
  return rows;
}

/**
 * A ledger page and the newest status-change event at the same instant (one batch, one
 * transaction): the page's statuses are exactly the result of the events up to `asOfEvent`, which
 * is what lets a verifier replay the events and check every row's status (votes.csv writes it
 * before the page as `#as_of_event`).
 */
export async function ledgerPageAsOf(
  db: Database,
  campaignId: number,
  afterId: number,
  limit: number,
): Promise<{ rows: LedgerRow[]; asOfEvent: number }> {
  const [rows, last] = await db.batch([
    ledgerPageQuery(db, campaignId, afterId, limit),
    db
      .select({ id: sql<number>`COALESCE(MAX(${ledgerEvents.id}), 0)` })
      .from(ledgerEvents)
      .where(eq(ledgerEvents.campaignId, campaignId)),
  ]);
  return { rows, asOfEvent: last[0]?.id ?? 0 };
}
