import { and, asc, desc, eq, gt } from "drizzle-orm";
import { type ChainRow, extendChain, GENESIS } from "../../domain/ledger-chain";
import type { Database } from "../client";
import { type LedgerCheckpoint, ledgerCheckpoints } from "../schema";

/**
 * Sealing the ledger into hash-chained checkpoints (domain/ledger-chain.ts). Run by the Cron
 * Trigger every minute and by an organizer on demand; two sealers racing cannot fork the chain:
 * (campaign, seq) is the primary key, so the second one's checkpoint is simply not written.
 */

/** The newest checkpoint, or null before the first. */
export async function ledgerHead(
  db: Database,
  campaignId: number,
): Promise<LedgerCheckpoint | null> {
  const row = await db
    .select()
    .from(ledgerCheckpoints)
    .where(eq(ledgerCheckpoints.campaignId, campaignId))
    .orderBy(desc(ledgerCheckpoints.seq))
    .limit(1)
    .get();
  return row ?? null;
}

export async function listCheckpoints(
  db: Database,
  campaignId: number,
): Promise<LedgerCheckpoint[]> {
  return db
    .select()
    .from(ledgerCheckpoints)
    .where(eq(ledgerCheckpoints.campaignId, campaignId))
    .orderBy(ledgerCheckpoints.seq);
}

/**
 * One page of checkpoints, oldest first: those with `seq > after`, at most `limit` (keyset on the
 * primary key, so a page costs the same at seq 40,000 as at 1). Every column is read, so a column
 * added to the table reaches the view without touching this query.
 */
export async function checkpointPage(
  db: Database,
  campaignId: number,
  after: number,
  limit: number,
): Promise<LedgerCheckpoint[]> {
  return db
    .select()
    .from(ledgerCheckpoints)
    .where(and(eq(ledgerCheckpoints.campaignId, campaignId), gt(ledgerCheckpoints.seq, after)))
    .orderBy(asc(ledgerCheckpoints.seq))
    .limit(limit);
}

/** The chain fields of ledger rows after `afterId`, oldest first (keyset pagination). */
export async function chainRows(
  db: Database,
  campaignId: number,
  afterId: number,
  limit: number,
): Promise<ChainRow[]> {
  const { results } = await db.$client
    .prepare(
      `SELECT l.id, l.created_at / 1000 AS seconds, n.number, l.voter_hash AS voterHash,
              l.ip_hash AS ipHash, l.receipt, l.day
       FROM likes l JOIN nominees n ON n.id = l.nominee_id
       WHERE l.campaign_id = ?1 AND l.id > ?2
       ORDER BY l.id LIMIT ?3`,
    )
    .bind(campaignId, afterId, limit)
    .all<ChainRow>();
  return results;
}

const PAGE = 5000;

/**
 * Seals the rows written since the last checkpoint (at most `maxRows`) into a new checkpoint.
 * Returns it, or null when there was nothing new or another sealer got there first.
 */
export async function sealLedger(
  db: Database,
  campaignId: number,
  now: number,
  maxRows = 50_000,
): Promise<LedgerCheckpoint | null> {
  const head = await ledgerHead(db, campaignId);
  const prevHash = head?.hash ?? GENESIS;
  let hash = prevHash;
  let lastId = head?.lastLikeId ?? 0;
  let rows = 0;
  while (rows < maxRows) {
    const page = await chainRows(db, campaignId, lastId, Math.min(PAGE, maxRows - rows));
    if (page.length === 0) break;
    hash = extendChain(hash, page);
    rows += page.length;
    lastId = page[page.length - 1]?.id ?? lastId;
  }
  if (rows === 0) return null;
  const checkpoint: LedgerCheckpoint = {
    campaignId,
    seq: (head?.seq ?? 0) + 1,
    rowCount: (head?.rowCount ?? 0) + rows,
    lastLikeId: lastId,
    hash,
    prevHash,
    createdAt: now,
  };
  const written = await db
    .insert(ledgerCheckpoints)
    .values(checkpoint)
    .onConflictDoNothing()
    .returning({ seq: ledgerCheckpoints.seq });
  return written.length > 0 ? checkpoint : null;
}

/** Campaigns whose ledger has rows past their last checkpoint. */
export async function campaignsToSeal(db: Database): Promise<number[]> {
  const { results } = await db.$client
    .prepare(
      `SELECT c.id FROM campaigns c
       WHERE EXISTS (SELECT 1 FROM likes l WHERE l.campaign_id = c.id
                     AND l.id > COALESCE((SELECT MAX(last_like_id) FROM ledger_checkpoints k
                                          WHERE k.campaign_id = c.id), 0))`,
    )
    .all<{ id: number }>();
  return results.map((r) => r.id);
}

/** Seals every campaign that needs it, within a time budget (the next run picks up the rest). */
export async function sealAll(db: Database, now: () => number, budgetMs: number): Promise<number> {
  const start = now();
  let sealed = 0;
  for (const id of await campaignsToSeal(db)) {
    while (now() - start < budgetMs) {
      const checkpoint = await sealLedger(db, id, now());
      if (!checkpoint) break;
      sealed++;
    }
  }
  return sealed;
}

/** Rows in the ledger (counted and voided), from the counters rather than a count over the ledger. */
export async function ledgerSize(db: Database, campaignId: number): Promise<number> {
  const row = await db.$client
    .prepare(
      "SELECT COALESCE(SUM(likes + voided_likes), 0) AS n FROM nominees WHERE campaign_id = ?1",
    )
    .bind(campaignId)
    .first<{ n: number }>();
  return row?.n ?? 0;
}
