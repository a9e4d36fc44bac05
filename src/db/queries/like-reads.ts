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

/** A like by its public receipt code, for the voter's own check (no voter or IP data). */
export async function findReceipt(db: Database, campaignId: number, receipt: string) {
  return db.$client
    .prepare(
      `SELECT l.receipt, l.status, l.void_reason AS voidReason, l.voided_at AS voidedAt,
              l.created_at AS createdAt, n.number, n.name
       FROM likes l JOIN nominees n ON n.id = l.nominee_id
       WHERE l.receipt = ?1 AND l.campaign_id = ?2`,
    )
    .bind(receipt, campaignId)
    .first<{
      receipt: string;
      status: "counted" | "held" | "voided";
      voidReason: string | null;
      voidedAt: number | null;
      createdAt: number;
      number: number;
      name: string;
    }>();
}

export type ReceiptRow = NonNullable<Awaited<ReturnType<typeof findReceipt>>>;

/**
 * The receipt answer of a like its shard holds and D1 does not have yet (issue 16): the shard's
 * status (never voided: a void flushes first), with the nominee's name from D1.
 */
export async function pendingReceipt(db: Database, like: ShardReceipt): Promise<ReceiptRow> {
  const nominee = await db.$client
    .prepare("SELECT number, name FROM nominees WHERE id = ?1")
    .bind(like.nomineeId)
    .first<{ number: number; name: string }>();
  return {
    receipt: like.receipt,
    status: like.status,
    voidReason: null,
    voidedAt: null,
    createdAt: like.createdAt,
    number: nominee?.number ?? like.number,
    name: nominee?.name ?? "",
  };
}
