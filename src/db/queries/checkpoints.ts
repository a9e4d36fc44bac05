import { and, asc, desc, eq, gt } from "drizzle-orm";
import {
  type ChainEvent,
  type ChainRow,
  countsHash,
  extendChain,
  extendEventChain,
  GENESIS,
} from "../../domain/ledger-chain";
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

/** The chain fields of status-change events after `afterId` up to `lastId`, oldest first. */
export async function chainEvents(
  db: Database,
  campaignId: number,
  afterId: number,
  lastId: number,
  limit: number,
): Promise<ChainEvent[]> {
  const { results } = await db.$client
    .prepare(
      `SELECT e.id, e.like_id AS likeId, e.from_status AS "from", e.to_status AS "to",
              e.change_id AS change, COALESCE(c.created_at, 0) / 1000 AS seconds,
              COALESCE(c.actor, '') AS actor, COALESCE(c.reason, '') AS reason
       FROM ledger_events e LEFT JOIN ledger_changes c ON c.id = e.change_id
       WHERE e.campaign_id = ?1 AND e.id > ?2 AND e.id <= ?3
       ORDER BY e.id LIMIT ?4`,
    )
    .bind(campaignId, afterId, lastId, limit)
    .all<ChainEvent>();
  return results;
}

/**
 * What a checkpoint seals, read in one batch (one transaction, so one instant): the last row it
 * covers (at most `maxRows` new ones), the last event, and each nominee's counted total over the
 * covered rows after those events. The totals come from the counters (exact: the triggers move
 * them in the statement that changes a row) minus the rows past the checkpoint, so sealing never
 * counts over the whole ledger.
 */
async function sealSnapshot(
  db: Database,
  campaignId: number,
  afterId: number,
  maxRows: number,
): Promise<{ lastId: number; lastEventId: number; counts: [number, number][] }> {
  const d1 = db.$client;
  const last = `COALESCE((SELECT id FROM likes WHERE campaign_id = ?1 AND id > ?2 ORDER BY id
                          LIMIT 1 OFFSET ?3),
                         (SELECT MAX(id) FROM likes WHERE campaign_id = ?1), 0)`;
  const [ids, counts] = await d1.batch([
    d1
      .prepare(
        `SELECT ${last} AS lastId,
                (SELECT COALESCE(MAX(id), 0) FROM ledger_events WHERE campaign_id = ?1) AS lastEventId`,
      )
      .bind(campaignId, afterId, maxRows - 1),
    d1
      .prepare(
        `SELECT n.number, n.likes - COALESCE(x.counted, 0) AS counted,
                n.likes + n.held_likes + n.voided_likes - COALESCE(x.total, 0) AS total
         FROM nominees n
         LEFT JOIN (SELECT nominee_id, SUM(status = 'counted') AS counted, COUNT(*) AS total
                    FROM likes WHERE campaign_id = ?1 AND id > ${last}
                    GROUP BY nominee_id) x ON x.nominee_id = n.id
         WHERE n.campaign_id = ?1`,
      )
      .bind(campaignId, afterId, maxRows - 1),
  ]);
  const head = (ids?.results?.[0] ?? { lastId: 0, lastEventId: 0 }) as {
    lastId: number;
    lastEventId: number;
  };
  const rows = (counts?.results ?? []) as { number: number; counted: number; total: number }[];
  return {
    lastId: Math.max(head.lastId, afterId),
    lastEventId: head.lastEventId,
    counts: rows.filter((r) => r.total > 0).map((r) => [r.number, r.counted]),
  };
}

/**
 * Seals the rows written since the last checkpoint (at most `maxRows`) and the status changes
 * since then into a new checkpoint, with the counted total per nominee (its hash and sum).
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
  const afterId = head?.lastLikeId ?? 0;
  const afterEvent = head?.lastEventId ?? 0;
  const snap = await sealSnapshot(db, campaignId, afterId, maxRows);
  if (snap.lastId <= afterId && snap.lastEventId <= afterEvent) return null;
  let hash = prevHash;
  let lastId = afterId;
  let rows = 0;
  while (lastId < snap.lastId) {
    const page = await chainRows(db, campaignId, lastId, PAGE);
    const mine = page.filter((r) => r.id <= snap.lastId);
    if (mine.length === 0) break;
    hash = extendChain(hash, mine);
    rows += mine.length;
    lastId = mine[mine.length - 1]?.id ?? lastId;
  }
  let eventHash = head?.eventHash ?? GENESIS;
  let lastEventId = afterEvent;
  let events = 0;
  while (lastEventId < snap.lastEventId) {
    const page = await chainEvents(db, campaignId, lastEventId, snap.lastEventId, PAGE);
    if (page.length === 0) break;
    eventHash = extendEventChain(eventHash, page);
    events += page.length;
    lastEventId = page[page.length - 1]?.id ?? lastEventId;
  }
  const checkpoint: LedgerCheckpoint = {
    campaignId,
    seq: (head?.seq ?? 0) + 1,
    rowCount: (head?.rowCount ?? 0) + rows,
    lastLikeId: lastId,
    hash,
    prevHash,
    createdAt: now,
    lastEventId,
    eventCount: (head?.eventCount ?? 0) + events,
    eventHash,
    counted: snap.counts.reduce((s, [, n]) => s + n, 0),
    countsHash: countsHash(snap.counts),
  };
  const written = await db
    .insert(ledgerCheckpoints)
    .values(checkpoint)
    .onConflictDoNothing()
    .returning({ seq: ledgerCheckpoints.seq });
  return written.length > 0 ? checkpoint : null;
}

/** Campaigns whose ledger has rows or status changes past their last checkpoint. */
export async function campaignsToSeal(db: Database): Promise<number[]> {
  const { results } = await db.$client
    .prepare(
      `SELECT c.id FROM campaigns c
       WHERE EXISTS (SELECT 1 FROM likes l WHERE l.campaign_id = c.id
                     AND l.id > COALESCE((SELECT MAX(last_like_id) FROM ledger_checkpoints k
                                          WHERE k.campaign_id = c.id), 0))
          OR EXISTS (SELECT 1 FROM ledger_events e WHERE e.campaign_id = c.id
                     AND e.id > COALESCE((SELECT MAX(last_event_id) FROM ledger_checkpoints k
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

/** Rows in the ledger (any status), from the counters rather than a count over the ledger. */
export async function ledgerSize(db: Database, campaignId: number): Promise<number> {
  const row = await db.$client
    .prepare(
      "SELECT COALESCE(SUM(likes + held_likes + voided_likes), 0) AS n FROM nominees WHERE campaign_id = ?1",
    )
    .bind(campaignId)
    .first<{ n: number }>();
  return row?.n ?? 0;
}
