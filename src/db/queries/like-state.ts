import {
  NETWORK_WINDOW_MS,
  NOMINEE_WINDOW_MS,
  PAIR_WINDOW_MS,
  type RatesRow,
} from "../../domain/friction";
import type { LikeSettingsRow } from "../../domain/like-rules";
import type { Database } from "../client";
import { BUSY_COUNT_CAP } from "./friction-sql";

/**
 * What the sharded like path (issue 16) knows of a campaign before it asks the voter's shard: the
 * campaign's state and rules, its nominees, the rates of its hot subjects (like-hot.ts) and its
 * open flags. Read from D1 in one batch per campaign at most every `LIKE_STATE_CACHE_MS` (1 s by
 * default) in each isolate, whatever the number of likes, networks or nominees: no D1 read per
 * like. A subject that is not hot has a rate below every level that can act, and counts as 0.
 * What a reuse can miss is the last second (1.5 s while a slow read of the next one is under way):
 * a pause, a new flag, the rates' latest likes
 * (docs/scaling.md, docs/abuse.md). Closing voting does not depend on it (the close route marks
 * every shard closed first).
 */
export interface LikeCampaignState extends LikeSettingsRow, RatesRow {
  campaignId: number;
  shards: number;
  ingestSince: number;
  holdFlagged: number;
  flagged: number;
  /** When the snapshot these figures come from was read. */
  readAt: number;
}

type CampaignRow = Omit<
  LikeCampaignState,
  | "nomineeId"
  | "likes"
  | "prefixRecent"
  | "pairRecent"
  | "nomineeRecent"
  | "nomineeTotal"
  | "openFor"
  | "flagged"
  | "readAt"
>;

/** One campaign as an isolate holds it for ≤ 1 s. */
export interface LikeSnapshot {
  /** The clock when it was read: likes acknowledged after it are not in it. */
  readAt: number;
  campaign: CampaignRow;
  /** By 编号: the nominee's id, counter and counted + voided likes. */
  nominees: Map<number, { id: number; likes: number; total: number }>;
  /** Recent likes of the hot subjects, keyed `network`, `network\0nomineeId`, `#nomineeId`. */
  rates: Map<string, number>;
  /** Open flags: `prefix_burst\0network` or `nominee_burst\0编号` → their windows. */
  flags: Map<string, { start: number; end: number }[]>;
}

const CAMPAIGN_SQL = `SELECT c.id AS campaignId, c.time_zone AS timeZone,
    c.identity_mode AS identityMode, c.ingest AS ingest, c.shards AS shards,
    c.ingest_since AS ingestSince, c.opens_at AS opensAt, c.closes_at AS closesAt,
    c.paused AS paused, c.closed_at AS closedAt, c.published_at AS publishedAt,
    c.likes_per_candidate_per_day AS perCandidate, c.likes_per_voter_per_day AS perVoter,
    c.show_counts AS showCounts, c.challenge_prefix_per_minute AS prefixLimit,
    c.challenge_voter_per_minute AS voterLimit, c.challenge_difficulty AS difficulty,
    c.hold_flagged AS holdFlagged
  FROM campaigns c WHERE c.id = ?1 AND c.draft = 0`;

const NOMINEES_SQL = `SELECT number, id, likes, likes + voided_likes AS total
  FROM nominees WHERE campaign_id = ?1`;

/** The hot subjects still inside their window, each with its rate counted from the ledger now. */
const capped = (where: string, window: number) =>
  `(SELECT COUNT(*) FROM (SELECT 1 FROM likes l WHERE ${where}
     AND l.created_at > ?2 - ${window} LIMIT ${BUSY_COUNT_CAP}))`;
const RATES_SQL = `SELECT h.kind AS kind, h.network AS network, h.nominee_id AS nomineeId,
    CASE h.kind
      WHEN 'network' THEN ${capped("l.campaign_id = ?1 AND l.ip_prefix_hash = h.network", NETWORK_WINDOW_MS)}
      WHEN 'pair' THEN ${capped("l.campaign_id = ?1 AND l.ip_prefix_hash = h.network AND l.nominee_id = h.nominee_id", PAIR_WINDOW_MS)}
      ELSE ${capped("l.nominee_id = h.nominee_id", NOMINEE_WINDOW_MS)}
    END AS recent
  FROM like_hot h
  WHERE h.campaign_id = ?1
    AND h.seen_at > ?2 - (CASE h.kind WHEN 'pair' THEN ${PAIR_WINDOW_MS} ELSE ${NETWORK_WINDOW_MS} END)`;

const FLAGS_SQL = `SELECT kind, subject, window_start AS start, window_end AS "end"
  FROM anomaly_flags WHERE campaign_id = ?1 AND status = 'open' AND window_end > ?2`;

const rateKey = {
  network: (network: string) => network,
  pair: (network: string, nomineeId: number) => `${network}\u0000${nomineeId}`,
  nominee: (nomineeId: number) => `#${nomineeId}`,
};

/**
 * Per campaign: the last snapshot read and when. Only a read that has finished is kept as a
 * snapshot. A Worker request is cancelled when its client goes away (a phone losing its signal),
 * and I/O it started then never settles: a like that awaited that read without a bound would hang
 * until the runtime gave it a 500 ("the script will never generate a response"). docs/scaling.md.
 */
const cache = new Map<number, { at: number; snapshot: LikeSnapshot | null }>();
/** Per campaign: the read one request has under way, and when it started. */
const reading = new Map<number, { since: number; read: Promise<LikeSnapshot | null> }>();
/**
 * How long other likes rely on a read another request has under way: with a last snapshot they
 * keep it meanwhile; without one (a new isolate) they await that read, but no longer than this.
 * Past it (that request was cancelled, or D1 is slow) a like reads for itself.
 */
export const REFRESH_GRACE_MS = 500;

const TIMED_OUT = Symbol("timed out");

/** The read, or TIMED_OUT after `ms` (or if it fails): a bounded wait on another request's I/O. */
function within<T>(read: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), Math.max(0, ms));
  });
  const settled = read.catch((): typeof TIMED_OUT => TIMED_OUT);
  return Promise.race<T | typeof TIMED_OUT>([settled, late]).finally(() => clearTimeout(timer));
}

/** The campaign as D1 has it now: one batch of four reads. Null for no campaign or a draft. */
export async function readLikeSnapshot(
  db: Database,
  campaignId: number,
  now: number,
): Promise<LikeSnapshot | null> {
  // The clock when the read leaves: likes acknowledged after it are not in it (noteOwnLike).
  const readAt = Date.now();
  const [campaign, nominees, rates, flags] = await db.$client.batch<unknown>([
    db.$client.prepare(CAMPAIGN_SQL).bind(campaignId),
    db.$client.prepare(NOMINEES_SQL).bind(campaignId),
    db.$client.prepare(RATES_SQL).bind(campaignId, now),
    db.$client.prepare(FLAGS_SQL).bind(campaignId, now),
  ]);
  const row = campaign?.results[0] as CampaignRow | undefined;
  if (!row) return null;
  const snapshot: LikeSnapshot = {
    readAt,
    campaign: row,
    nominees: new Map(),
    rates: new Map(),
    flags: new Map(),
  };
  for (const n of (nominees?.results ?? []) as {
    number: number;
    id: number;
    likes: number;
    total: number;
  }[]) {
    snapshot.nominees.set(n.number, { id: n.id, likes: n.likes, total: n.total });
  }
  for (const r of (rates?.results ?? []) as {
    kind: "network" | "pair" | "nominee";
    network: string;
    nomineeId: number;
    recent: number;
  }[]) {
    const key =
      r.kind === "network"
        ? rateKey.network(r.network)
        : r.kind === "pair"
          ? rateKey.pair(r.network, r.nomineeId)
          : rateKey.nominee(r.nomineeId);
    snapshot.rates.set(key, r.recent);
  }
  for (const f of (flags?.results ?? []) as {
    kind: string;
    subject: string;
    start: number;
    end: number;
  }[]) {
    const key = `${f.kind}\u0000${f.subject}`;
    snapshot.flags.set(key, [...(snapshot.flags.get(key) ?? []), { start: f.start, end: f.end }]);
  }
  return snapshot;
}

/**
 * The likes this isolate acknowledged in the last seconds, per campaign: a burst from one network
 * shows in its rates at once, not only after the shards' flush and the next snapshot (≤ ~2 s
 * later, when a script from one network can have sent a few hundred likes).
 */
interface OwnLike {
  /** When this isolate had the shard's answer (the clock, as `LikeSnapshot.readAt`). */
  at: number;
  network: string;
  nomineeId: number;
  /** Counted (not held): it moves the nominee's public count. */
  counted: boolean;
  /** The voter's shard index. */
  shard: number;
}
const own = new Map<number, OwnLike[]>();
/** Own likes are kept this long: past the longest flush lag, so they overlap a snapshot's rates. */
const OWN_KEPT_MS = 5000;

/** Notes a like this isolate had acknowledged (counted or held, not a replay). */
export function noteOwnLike(campaignId: number, like: OwnLike): void {
  const list = own.get(campaignId) ?? [];
  let drop = 0;
  while (drop < list.length && (list[drop] as OwnLike).at <= like.at - OWN_KEPT_MS) drop++;
  if (drop > 0) list.splice(0, drop);
  list.push(like);
  own.set(campaignId, list);
}

/**
 * This isolate's counted likes of the nominee acknowledged since the snapshot was read: D1's
 * counter in the snapshot does not have them yet. Likes of `pendingShard` are left out when that
 * shard adds its own unflushed likes itself (`flushedAtOnce`: shards flush before they answer,
 * so it has none pending and they are all missing from the snapshot).
 */
export function ownCountedSince(
  campaignId: number,
  nomineeId: number,
  since: number,
  pendingShard: number,
  flushedAtOnce: boolean,
): number {
  let n = 0;
  for (const like of own.get(campaignId) ?? []) {
    if (like.at <= since || !like.counted || like.nomineeId !== nomineeId) continue;
    if (like.shard === pendingShard && !flushedAtOnce) continue;
    n++;
  }
  return n;
}

/**
 * The like's view of a snapshot: nominee `number`, from network `networkHash`, at `now`. To the
 * snapshot's rates it adds the likes this isolate acknowledged from `overlapMs` before the read
 * on: those the read cannot have seen yet (not flushed), and — conservatively — some it did.
 * `overlapMs` is the flush lag's bound (0 when shards flush before they answer, as in the tests).
 */
export function stateFor(
  snapshot: LikeSnapshot,
  number: number,
  networkHash: string,
  now: number,
  overlapMs = 0,
): LikeCampaignState {
  const c = snapshot.campaign;
  const nominee = snapshot.nominees.get(number) ?? null;
  let ownNetwork = 0;
  let ownPair = 0;
  let ownNominee = 0;
  if (overlapMs > 0) {
    for (const like of own.get(c.campaignId) ?? []) {
      if (like.at <= snapshot.readAt - overlapMs || like.at > now) continue;
      const sameNominee = nominee !== null && like.nomineeId === nominee.id;
      if (like.network === networkHash) {
        ownNetwork++;
        if (sameNominee) ownPair++;
      }
      if (sameNominee) ownNominee++;
    }
  }
  const covers = (key: string) =>
    (snapshot.flags.get(key) ?? []).some((w) => w.start <= now && w.end > now);
  const flagged =
    c.holdFlagged === 1 &&
    nominee !== null &&
    (covers(`prefix_burst\u0000${networkHash}`) || covers(`nominee_burst\u0000${number}`));
  return {
    ...c,
    nomineeId: nominee?.id ?? null,
    likes: nominee?.likes ?? null,
    prefixRecent: (snapshot.rates.get(rateKey.network(networkHash)) ?? 0) + ownNetwork,
    pairRecent: nominee
      ? (snapshot.rates.get(rateKey.pair(networkHash, nominee.id)) ?? 0) + ownPair
      : 0,
    nomineeRecent: nominee
      ? (snapshot.rates.get(rateKey.nominee(nominee.id)) ?? 0) + ownNominee
      : 0,
    nomineeTotal: nominee?.total ?? null,
    openFor: now - c.opensAt,
    flagged: flagged ? 1 : 0,
    readAt: snapshot.readAt,
  };
}

/**
 * The state for a like of nominee `number` from network `networkHash`: from this isolate's
 * snapshot of the campaign when it is under `maxAgeMs` old, else from a fresh one. One like reads
 * the fresh one; the likes that arrive meanwhile keep the last snapshot for up to
 * `REFRESH_GRACE_MS` more (their own likes since are counted on top of it, stateFor), or, when
 * there is none yet, share that read for at most as long; then they read for themselves.
 */
export async function likeState(
  db: Database,
  campaignId: number,
  number: number,
  networkHash: string,
  now: number,
  maxAgeMs: number,
  overlapMs = 0,
): Promise<LikeCampaignState | null> {
  const view = (snapshot: LikeSnapshot | null) =>
    snapshot && stateFor(snapshot, number, networkHash, now, overlapMs);
  const hit = maxAgeMs > 0 ? cache.get(campaignId) : undefined;
  const age = hit && now >= hit.at ? now - hit.at : Number.POSITIVE_INFINITY;
  if (hit && age < maxAgeMs) return view(hit.snapshot);
  const other = maxAgeMs > 0 ? reading.get(campaignId) : undefined;
  const left = other && now >= other.since ? REFRESH_GRACE_MS - (now - other.since) : 0;
  if (other && left > 0) {
    if (hit && age < maxAgeMs + REFRESH_GRACE_MS) return view(hit.snapshot);
    const shared = await within(other.read, left);
    if (shared !== TIMED_OUT) return view(shared);
  }
  const read = readLikeSnapshot(db, campaignId, now);
  if (maxAgeMs > 0) reading.set(campaignId, { since: now, read });
  try {
    const snapshot = await read;
    const latest = cache.get(campaignId);
    if (maxAgeMs > 0 && (!latest || latest.at <= now)) cache.set(campaignId, { at: now, snapshot });
    return view(snapshot);
  } finally {
    // A failed read is not kept: the next like reads again.
    if (reading.get(campaignId)?.read === read) reading.delete(campaignId);
  }
}

/** Forgets what this isolate read about a campaign (its organizer just changed it here). */
export function forgetLikeState(campaignId: number): void {
  cache.delete(campaignId);
  reading.delete(campaignId);
}

/**
 * Sharded campaigns whose shards may hold likes, for the Cron's flush before it seals: voting has
 * opened, did not end more than a day ago, and the campaign's shards flushed in the last two
 * minutes (two Cron periods). A shard flushes itself on the tick after its likes and its alarm
 * retries a failed flush, so a campaign with no recent flush has nothing the Cron would add;
 * waking all 16 shards of every open campaign every minute took ~17 s of a local run with 228
 * open campaigns (the e2e database) and blocked every other request meanwhile. Barriers (close,
 * exports, voids, retention) flush a campaign's shards whatever this says.
 */
export async function campaignsToFlush(db: Database, now: number): Promise<number[]> {
  const { results } = await db.$client
    .prepare(
      `SELECT id FROM campaigns c WHERE ingest = 'sharded' AND draft = 0 AND opens_at <= ?1
         AND closes_at > ?1 - 86400000 AND (closed_at IS NULL OR closed_at > ?1 - 86400000)
         AND EXISTS (SELECT 1 FROM like_flushes f
                     WHERE f.campaign_id = c.id AND f.committed_at > ?1 - 120000)`,
    )
    .bind(now)
    .all<{ id: number }>();
  return results.map((r) => r.id);
}
