import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { emptyText, profileColumns, serialId, timestamps } from "./columns";

export const campaigns = sqliteTable("campaigns", {
  id: serialId(),
  slug: text("slug").notNull().unique(),
  title: text("title").notNull(),
  organizer: text("organizer").notNull(),
  /** 编者按, paragraphs separated by a blank line. */
  description: emptyText("description"),
  timeZone: text("time_zone").notNull().default("Asia/Shanghai"),
  opensAt: integer("opens_at").notNull(),
  closesAt: integer("closes_at").notNull(),
  likesPerCandidatePerDay: integer("likes_per_candidate_per_day").notNull().default(1),
  /** null = no daily cap across nominees. */
  likesPerVoterPerDay: integer("likes_per_voter_per_day").default(5),
  showCounts: text("show_counts", { enum: ["always", "after_close", "never"] })
    .notNull()
    .default("always"),
  /** Grid order for the public: by number, or a stable shuffle per voter (fairness for long lists). */
  nomineeOrder: text("nominee_order", { enum: ["number", "shuffle"] })
    .notNull()
    .default("number"),
  /** Drafts are invisible to the public. */
  draft: integer("draft", { mode: "boolean" }).notNull().default(false),
  paused: integer("paused", { mode: "boolean" }).notNull().default(false),
  /** Set when an organizer closes voting by hand before closesAt. */
  closedAt: integer("closed_at"),
  publishedAt: integer("published_at"),
  /**
   * Friction only when busy: a proof-of-work challenge is asked for once an IP prefix (IPv4 /24,
   * IPv6 /64) or a voter has had this many likes counted in the last minute. null = never.
   */
  challengePrefixPerMinute: integer("challenge_prefix_per_minute").default(30),
  challengeVoterPerMinute: integer("challenge_voter_per_minute").default(6),
  /** Proof-of-work size: the solver tries up to this many numbers (half on average). */
  challengeDifficulty: integer("challenge_difficulty").notNull().default(50000),
  /**
   * Hold likes while an anomaly flag covers their network or nominee (status `held`: recorded and
   * in the voter's quota, not in public counts until an organizer releases them). On for new
   * campaigns (validators/campaign.ts) and the seed; 0 for rows from before migration 0008.
   */
  holdFlagged: integer("hold_flagged", { mode: "boolean" }).notNull().default(false),
  /** Days after publication to keep who-liked detail (voter/IP hashes); null = keep. */
  retentionDays: integer("retention_days"),
  /** When that detail was dropped (counts, receipts and checkpoints stay). */
  detailPurgedAt: integer("detail_purged_at"),
  /**
   * Who a voter is: the signed voter cookie (default), or a WeChat account (微信网页授权, the
   * openid's HMAC as the voter hash): one WeChat account, one voter (issue 13 item 5).
   */
  identityMode: text("identity_mode", { enum: ["cookie", "wechat"] })
    .notNull()
    .default("cookie"),
  /**
   * Where likes are written (issue 16): `sharded` = the voter's LikeShard Durable Object, flushed
   * to the ledger in batches (the default); `direct` = one D1 batch per like.
   */
  ingest: text("ingest", { enum: ["direct", "sharded"] })
    .notNull()
    .default("sharded"),
  /** N, the number of like shards (shard = hash(voter) mod N). */
  shards: integer("shards").notNull().default(16),
  /** When `ingest` last changed (ms; 0 = never): that day, a shard reads a voter's day from D1. */
  ingestSince: integer("ingest_since").notNull().default(0),
  /** Up to when the anomaly scan has looked (ms); it rescans a margin before this. */
  anomalyScannedAt: integer("anomaly_scanned_at"),
  /**
   * The honoree numbers as published (JSON array), null while unpublished. The wall and every
   * public honoree mark follow publication; trigger `nominees_honoree_frozen` keeps the flags
   * equal to this list until the publication is withdrawn (migration 0011).
   */
  publishedHonorees: text("published_honorees", { mode: "json" }).$type<number[]>(),
  /** When the publication was last withdrawn (撤回公布): republishing then needs a reason. */
  publicationWithdrawnAt: integer("publication_withdrawn_at"),
  /** 公示期: when the public notice of the result runs (ms); null = not set. */
  noticeStartsAt: integer("notice_starts_at"),
  noticeEndsAt: integer("notice_ends_at"),
  /** Where objections to the result go during the 公示期 (受理单位, 电话, 邮箱). */
  objectionUnit: emptyText("objection_unit"),
  objectionPhone: emptyText("objection_phone"),
  objectionEmail: emptyText("objection_email"),
  ...timestamps(),
});

/**
 * The campaign a row belongs to, as a foreign key; `cascade` where the row means nothing without
 * its campaign (drafts, settings, links), none where it is evidence (the ledger).
 */
export const campaignRef = (onDelete?: "cascade") =>
  integer("campaign_id")
    .notNull()
    .references(() => campaigns.id, onDelete ? { onDelete } : {});

export const nominees = sqliteTable(
  "nominees",
  {
    id: serialId(),
    campaignId: campaignRef("cascade"),
    /** 编号: unique in the campaign, used in URLs. */
    number: integer("number").notNull(),
    name: text("name").notNull(),
    ...profileColumns(),
    honoree: integer("honoree", { mode: "boolean" }).notNull().default(false),
    nominatingUnit: emptyText("nominating_unit"),
    /** Counter: always equals the nominee's `counted` ledger rows (reconciled in tests). */
    likes: integer("likes").notNull().default(0),
    /** Counter: the nominee's `voided` ledger rows (已核减). */
    voidedLikes: integer("voided_likes").notNull().default(0),
    /** Counter: the nominee's `held` ledger rows (待核验): recorded, not counted until released. */
    heldLikes: integer("held_likes").notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("nominees_campaign_number").on(t.campaignId, t.number),
    index("nominees_campaign_likes").on(t.campaignId, t.likes),
  ],
);

export type Campaign = typeof campaigns.$inferSelect;
export type Nominee = typeof nominees.$inferSelect;
