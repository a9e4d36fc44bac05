import type { ShardReceipt } from "../../shards/types";
import type { Database } from "../client";

/** A voter's own reads of the ledger, off the like's write path. */

/** What a voter did today, for the profile page's like button: one indexed read. */
export async function voterToday(
  db: Database,
  campaignId: number,
  nomineeId: number,
  voterHash: string,
  day: string,
): Promise<{ usedToday: number; likedNominee: boolean }> {
  const row = await db.$client
    .prepare(
      `SELECT (SELECT used FROM voter_days WHERE campaign_id = ?1 AND voter_hash = ?3 AND day = ?4) AS used,
              EXISTS (SELECT 1 FROM likes WHERE campaign_id = ?1 AND voter_hash = ?3 AND day = ?4
                      AND nominee_id = ?2) AS liked`,
    )
    .bind(campaignId, nomineeId, voterHash, day)
    .first<{ used: number | null; liked: number }>();
  return { usedToday: row?.used ?? 0, likedNominee: row?.liked === 1 };
}

const RECEIPT_SQL = `SELECT l.receipt, l.status, l.void_reason AS voidReason,
         l.voided_at AS voidedAt, l.created_at AS createdAt, n.number, n.name
  FROM likes l JOIN nominees n ON n.id = l.nominee_id
  WHERE l.receipt = ?1 AND l.campaign_id = ?2`;

export interface ReceiptRow {
  receipt: string;
  status: "counted" | "held" | "voided";
  voidReason: string | null;
  voidedAt: number | null;
  createdAt: number;
  number: number;
  name: string;
}

/** A like by its public receipt code, for the voter's own check (no voter or IP data). */
export async function findReceipt(
  db: Database,
  campaignId: number,
  receipt: string,
): Promise<ReceiptRow | null> {
  return db.$client.prepare(RECEIPT_SQL).bind(receipt, campaignId).first<ReceiptRow>();
}

/**
 * The receipt answer of a like its shard holds (issue 16), in one D1 round trip: D1's row if a
 * flush has just put it there, else the shard's status (never voided: a void flushes first) with
 * the nominee's name from D1.
 */
export async function pendingReceipt(
  db: Database,
  campaignId: number,
  like: ShardReceipt,
): Promise<ReceiptRow> {
  const [inD1, nominee] = await db.$client.batch<ReceiptRow | { number: number; name: string }>([
    db.$client.prepare(RECEIPT_SQL).bind(like.receipt, campaignId),
    db.$client.prepare("SELECT number, name FROM nominees WHERE id = ?1").bind(like.nomineeId),
  ]);
  const flushed = inD1?.results[0] as ReceiptRow | undefined;
  if (flushed) return flushed;
  const n = nominee?.results[0] as { number: number; name: string } | undefined;
  return {
    receipt: like.receipt,
    status: like.status,
    voidReason: null,
    voidedAt: null,
    createdAt: like.createdAt,
    number: n?.number ?? like.number,
    name: n?.name ?? "",
  };
}
