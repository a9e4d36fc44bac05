import { sql } from "drizzle-orm";
import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { campaignRef, nominees } from "./campaigns";
import { campaignKey, serialId } from "./columns";

/**
 * The append-only likes ledger: one row per accepted like. Rows are never deleted; voiding flips
 * `status` and records why and by whom.
 */
export const likes = sqliteTable(
  "likes",
  {
    id: serialId(),
    campaignId: campaignRef(),
    nomineeId: integer("nominee_id")
      .notNull()
      .references(() => nominees.id),
    voterHash: text("voter_hash").notNull(),
    ipHash: text("ip_hash").notNull(),
    /** Calendar day in the campaign's time zone, YYYY-MM-DD. */
    day: text("day").notNull(),
    /** 1..likesPerCandidatePerDay: the n-th like of this voter for this nominee on this day. */
    slot: integer("slot").notNull().default(1),
    createdAt: integer("created_at").notNull(),
    status: text("status", { enum: ["counted", "held", "voided"] })
      .notNull()
      .default("counted"),
    voidReason: text("void_reason"),
    voidedBy: text("voided_by"),
    voidedAt: integer("voided_at"),
    /** Public receipt code the voter can look up later. */
    receipt: text("receipt").notNull(),
    /** The client's Idempotency-Key: a retried request finds this row instead of liking again. */
    idempotencyKey: text("idempotency_key"),
    /** Keyed hash of the IP prefix (IPv4 /24, IPv6 /64): an office shares one, a flood shows in it. */
    ipPrefixHash: text("ip_prefix_hash").notNull().default(""),
    /** Bit set of what the request looked like (domain/like-signals.ts), for the anomaly review. */
    signals: integer("signals").notNull().default(0),
    /**
     * The decision (ledger_changes.id) that set the current status; every status change needs a
     * new one (trigger), and the trigger turns the change into a ledger_events row.
     */
    statusChange: text("status_change"),
  },
  (t) => [
    // Makes "n likes per nominee per voter per day" exact, whatever the concurrency.
    uniqueIndex("likes_rule").on(t.campaignId, t.voterHash, t.day, t.nomineeId, t.slot),
    uniqueIndex("likes_receipt").on(t.receipt),
    index("likes_campaign_id").on(t.campaignId, t.id),
    index("likes_campaign_ip").on(t.campaignId, t.ipHash),
    index("likes_campaign_prefix_time").on(t.campaignId, t.ipPrefixHash, t.createdAt),
    index("likes_campaign_time").on(t.campaignId, t.createdAt),
    index("likes_status_change").on(t.statusChange).where(sql`${t.statusChange} IS NOT NULL`),
    index("likes_campaign_prefix_nominee_time").on(
      t.campaignId,
      t.ipPrefixHash,
      t.nomineeId,
      t.createdAt,
    ),
    index("likes_nominee_time").on(t.nomineeId, t.createdAt),
    uniqueIndex("likes_idempotency")
      .on(t.campaignId, t.voterHash, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} IS NOT NULL`),
  ],
);

/**
 * Counter of likes accepted per voter per campaign day, so the daily quota is a point lookup rather
 * than a count over the ledger. Voiding does not give quota back.
 */
export const voterDays = sqliteTable(
  "voter_days",
  {
    campaignId: campaignRef(),
    voterHash: text("voter_hash").notNull(),
    day: text("day").notNull(),
    used: integer("used").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.voterHash, t.day] })],
);

/**
 * Likes per campaign per hour (UTC hour start, ms), kept by the ledger trigger: the dashboard's
 * chart reads ≤ 24×days rows instead of counting the ledger.
 */
export const likeHours = sqliteTable(
  "like_hours",
  {
    campaignId: campaignKey(),
    hour: integer("hour").notNull(),
    likes: integer("likes").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.hour] })],
);

/** Refused like attempts per campaign, hour and reason, for the dashboard (best effort). */
export const rejections = sqliteTable(
  "rejections",
  {
    campaignId: campaignKey(),
    hour: integer("hour").notNull(),
    reason: text("reason").notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.hour, t.reason] })],
);

/**
 * Hash-chained checkpoints over the ledger: each seals the rows up to `lastLikeId`, and `hash` is
 * the chain value after the `rowCount`-th row (domain/ledger-chain.ts), so a recount of an export
 * can prove nothing was added, removed or changed.
 */
export const ledgerCheckpoints = sqliteTable(
  "ledger_checkpoints",
  {
    campaignId: campaignKey(),
    seq: integer("seq").notNull(),
    rowCount: integer("row_count").notNull(),
    lastLikeId: integer("last_like_id").notNull(),
    hash: text("hash").notNull(),
    prevHash: text("prev_hash").notNull(),
    createdAt: integer("created_at").notNull(),
    /** The status-change events sealed so far: the last one's id, how many, and their chain. */
    lastEventId: integer("last_event_id").notNull().default(0),
    eventCount: integer("event_count").notNull().default(0),
    eventHash: text("event_hash").notNull().default("0".repeat(64)),
    /** Counted likes in the sealed rows after the sealed events (null before migration 0007). */
    counted: integer("counted"),
    /** sha256 of the canonical counted total per nominee (domain/ledger-chain.ts `countsHash`). */
    countsHash: text("counts_hash"),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.seq] })],
);

/**
 * One organizer decision that changed ledger statuses (void, release, reinstate…): who, when,
 * why, and how many rows. Append-only.
 */
export const ledgerChanges = sqliteTable("ledger_changes", {
  id: text("id").primaryKey(),
  campaignId: campaignKey(),
  action: text("action").notNull(),
  reason: text("reason").notNull(),
  actor: text("actor").notNull(),
  rows: integer("rows").notNull().default(0),
  createdAt: integer("created_at").notNull(),
});

/**
 * One ledger row's status change, written by the `likes_after_status` trigger in the same statement
 * as the change (so no code path can skip it). Append-only; chained and sealed by checkpoints.
 */
export const ledgerEvents = sqliteTable(
  "ledger_events",
  {
    id: serialId(),
    campaignId: campaignKey(),
    likeId: integer("like_id").notNull(),
    fromStatus: text("from_status").notNull(),
    toStatus: text("to_status").notNull(),
    changeId: text("change_id").notNull(),
  },
  (t) => [
    index("ledger_events_campaign").on(t.campaignId, t.id),
    index("ledger_events_like").on(t.likeId, t.id),
  ],
);

/** Proof-of-work challenges already used: each buys exactly one like. Expired rows are swept. */
export const spentChallenges = sqliteTable("spent_challenges", {
  challenge: text("challenge").primaryKey(),
  receipt: text("receipt").notNull(),
  expiresAt: integer("expires_at").notNull(),
});

/**
 * Flushes of the like shards (issue 16): one row per (shard, sequence number), inserted first in
 * the flush's D1 batch, so a retried flush fails whole and nothing is counted twice.
 */
export const likeFlushes = sqliteTable(
  "like_flushes",
  {
    shard: text("shard").notNull(),
    seq: integer("seq").notNull(),
    campaignId: integer("campaign_id").notNull(),
    likes: integer("likes").notNull(),
    firstAckedAt: integer("first_acked_at").notNull(),
    committedAt: integer("committed_at").notNull(),
    /** The D1 batch that carried the flush (a LikeFlusher's batch carries many; migration 0015). */
    batch: text("batch"),
  },
  (t) => [
    primaryKey({ columns: [t.shard, t.seq] }),
    index("like_flushes_campaign").on(t.campaignId, t.committedAt),
  ],
);

/**
 * Subjects of a sharded campaign whose recent rate reached the lowest level that can matter (a
 * friction step or a hold), as of the flush that last saw them so (migration 0015): `kind`
 * `network` (network, 0), `pair` (network, nominee) or `nominee` ('', nominee). The Worker's like
 * path reads these once a second and their exact rates from the ledger (db/queries/like-state.ts).
 */
export const likeHot = sqliteTable(
  "like_hot",
  {
    campaignId: integer("campaign_id").notNull(),
    kind: text("kind", { enum: ["network", "pair", "nominee"] }).notNull(),
    network: text("network").notNull().default(""),
    nomineeId: integer("nominee_id").notNull().default(0),
    seenAt: integer("seen_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.kind, t.network, t.nomineeId] })],
);

export type Like = typeof likes.$inferSelect;
export type LedgerCheckpoint = typeof ledgerCheckpoints.$inferSelect;
