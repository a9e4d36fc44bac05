import { sql } from "drizzle-orm";
import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

/**
 * Times are stored as integer milliseconds since the epoch (UTC) and turned into ISO strings with
 * the campaign's offset at the edge. Days ("2026-11-29") are calendar days in the campaign's zone.
 */

export const campaigns = sqliteTable("campaigns", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  title: text("title").notNull(),
  organizer: text("organizer").notNull(),
  /** 编者按, paragraphs separated by a blank line. */
  description: text("description").notNull().default(""),
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
  objectionUnit: text("objection_unit").notNull().default(""),
  objectionPhone: text("objection_phone").notNull().default(""),
  objectionEmail: text("objection_email").notNull().default(""),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

export const nominees = sqliteTable(
  "nominees",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    /** 编号: unique in the campaign, used in URLs. */
    number: integer("number").notNull(),
    name: text("name").notNull(),
    position: text("position").notNull().default(""),
    unit: text("unit").notNull().default(""),
    groupName: text("group_name").notNull().default(""),
    headline: text("headline").notNull().default(""),
    /** JSON array of paragraphs. */
    story: text("story", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    /** JSON array of {url, caption}. */
    photos: text("photos", { mode: "json" })
      .$type<{ url: string; caption: string }[]>()
      .notNull()
      .default(sql`'[]'`),
    honoree: integer("honoree", { mode: "boolean" }).notNull().default(false),
    nominatingUnit: text("nominating_unit").notNull().default(""),
    /** Counter: always equals the nominee's `counted` ledger rows (reconciled in tests). */
    likes: integer("likes").notNull().default(0),
    /** Counter: the nominee's `voided` ledger rows (已核减). */
    voidedLikes: integer("voided_likes").notNull().default(0),
    /** Counter: the nominee's `held` ledger rows (待核验): recorded, not counted until released. */
    heldLikes: integer("held_likes").notNull().default(0),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("nominees_campaign_number").on(t.campaignId, t.number),
    index("nominees_campaign_likes").on(t.campaignId, t.likes),
  ],
);

/**
 * The append-only likes ledger: one row per accepted like. Rows are never deleted; voiding flips
 * `status` and records why and by whom.
 */
export const likes = sqliteTable(
  "likes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id),
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
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id),
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
    campaignId: integer("campaign_id").notNull(),
    hour: integer("hour").notNull(),
    likes: integer("likes").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.hour] })],
);

/** Refused like attempts per campaign, hour and reason, for the dashboard (best effort). */
export const rejections = sqliteTable(
  "rejections",
  {
    campaignId: integer("campaign_id").notNull(),
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
    campaignId: integer("campaign_id").notNull(),
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
  campaignId: integer("campaign_id").notNull(),
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
    id: integer("id").primaryKey({ autoIncrement: true }),
    campaignId: integer("campaign_id").notNull(),
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
 * Patterns worth an organizer's look (bursts, clients that never loaded a page, machine timing).
 * A flag is decided with a reason — its likes voided, or the flag cleared — and never deleted.
 */
export const anomalyFlags = sqliteTable(
  "anomaly_flags",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    campaignId: integer("campaign_id").notNull(),
    kind: text("kind", {
      enum: ["nominee_burst", "prefix_burst", "voter_burst", "no_page_load", "machine_timing"],
    }).notNull(),
    /** Nominee number, IP prefix hash or voter hash, by kind. */
    subject: text("subject").notNull(),
    windowStart: integer("window_start").notNull(),
    windowEnd: integer("window_end").notNull(),
    likes: integer("likes").notNull(),
    /** JSON: what was seen (e.g. the usual rate it is compared with). */
    detail: text("detail", { mode: "json" }).$type<Record<string, unknown>>(),
    status: text("status", { enum: ["open", "voided", "cleared"] })
      .notNull()
      .default("open"),
    decisionReason: text("decision_reason"),
    decidedBy: text("decided_by"),
    decidedAt: integer("decided_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("anomaly_flags_window").on(t.campaignId, t.kind, t.subject, t.windowStart),
    index("anomaly_flags_status").on(t.campaignId, t.status, t.id),
  ],
);

/** Every organizer action: who, when, what, before/after. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    campaignId: integer("campaign_id"),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    /** JSON snapshots; null where there is nothing before (create) or after (delete). */
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("audit_log_campaign").on(t.campaignId, t.id)],
);

export type Campaign = typeof campaigns.$inferSelect;
export type Nominee = typeof nominees.$inferSelect;
export type Like = typeof likes.$inferSelect;
export type AnomalyFlag = typeof anomalyFlags.$inferSelect;
export type LedgerCheckpoint = typeof ledgerCheckpoints.$inferSelect;

/*
 * The selection around the vote (issue 7): units nominate through invitation links, organizers
 * review (初选), jurors score (审定), and a weighted combination of likes and scores informs the
 * honorees. Links are bearer secrets: only their SHA-256 is stored.
 */

/** How a campaign turns likes and committee scores into one combined score (domain/combined-score). */
export const selectionSettings = sqliteTable("selection_settings", {
  campaignId: integer("campaign_id")
    .primaryKey()
    .references(() => campaigns.id, { onDelete: "cascade" }),
  /** Units may submit until this time (ms); null = nominations are not open. */
  nominationsCloseAt: integer("nominations_close_at"),
  /** Default quota of a new invitation. */
  defaultQuota: integer("default_quota").notNull().default(3),
  /** Weight of the public's likes in percent; the committee has the rest. */
  weightPublic: integer("weight_public").notNull().default(30),
  publicMethod: text("public_method", { enum: ["share_of_max", "rank"] })
    .notNull()
    .default("share_of_max"),
  /** Set when the organizer closes scoring: jurors can no longer write and see the panel. */
  scoringClosedAt: integer("scoring_closed_at"),
  updatedAt: integer("updated_at").notNull(),
});

/** One invitation link per nominating unit. */
export const nominationInvites = sqliteTable(
  "nomination_invites",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    /** The nominating unit (推荐单位), e.g. 临县 or 市人社局. */
    unit: text("unit").notNull(),
    /** Default group of its nominees (县市区 / 市直单位). */
    groupName: text("group_name").notNull().default(""),
    contact: text("contact").notNull().default(""),
    /** SHA-256 (hex) of the link's token; the token itself is shown once and never stored. */
    tokenHash: text("token_hash").notNull(),
    quota: integer("quota").notNull().default(3),
    expiresAt: integer("expires_at").notNull(),
    revokedAt: integer("revoked_at"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("nomination_invites_token").on(t.tokenHash),
    index("nomination_invites_campaign").on(t.campaignId, t.id),
  ],
);

/** A unit's nomination: a draft until submitted, then reviewed (初选). */
export const nominations = sqliteTable(
  "nominations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    inviteId: integer("invite_id")
      .notNull()
      .references(() => nominationInvites.id),
    status: text("status", {
      enum: ["draft", "submitted", "returned", "accepted", "declined"],
    })
      .notNull()
      .default("draft"),
    name: text("name").notNull().default(""),
    position: text("position").notNull().default(""),
    unit: text("unit").notNull().default(""),
    groupName: text("group_name").notNull().default(""),
    headline: text("headline").notNull().default(""),
    story: text("story", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    photos: text("photos", { mode: "json" })
      .$type<{ url: string; caption: string }[]>()
      .notNull()
      .default(sql`'[]'`),
    /** The reviewer's comment to the unit (why returned or declined). */
    reviewComment: text("review_comment").notNull().default(""),
    /** The nominee created on acceptance. */
    nomineeId: integer("nominee_id"),
    submittedAt: integer("submitted_at"),
    decidedAt: integer("decided_at"),
    decidedBy: text("decided_by"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("nominations_invite").on(t.inviteId, t.id),
    index("nominations_campaign_status").on(t.campaignId, t.status, t.id),
  ],
);

/** A member of the joint meeting (联席会议) who scores nominees through a personal link. */
export const jurors = sqliteTable(
  "jurors",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: integer("expires_at").notNull(),
    revokedAt: integer("revoked_at"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("jurors_token").on(t.tokenHash),
    index("jurors_campaign").on(t.campaignId, t.id),
  ],
);

/** One juror's score (0–100) for one nominee, with an optional note. */
export const jurorScores = sqliteTable(
  "juror_scores",
  {
    jurorId: integer("juror_id")
      .notNull()
      .references(() => jurors.id, { onDelete: "cascade" }),
    nomineeId: integer("nominee_id")
      .notNull()
      .references(() => nominees.id, { onDelete: "cascade" }),
    campaignId: integer("campaign_id").notNull(),
    score: integer("score").notNull(),
    note: text("note").notNull().default(""),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.jurorId, t.nomineeId] }),
    index("juror_scores_campaign").on(t.campaignId),
  ],
);

export type SelectionSettings = typeof selectionSettings.$inferSelect;
export type NominationInvite = typeof nominationInvites.$inferSelect;
export type Nomination = typeof nominations.$inferSelect;
export type Juror = typeof jurors.$inferSelect;
export type JurorScore = typeof jurorScores.$inferSelect;

/*
 * Named organizer accounts and their console sessions (issue 14). Accounts are disabled, never
 * deleted, so a username in the audit log always names the same person. Sessions are rows, not
 * only signed cookies: the cookie carries a random id whose SHA-256 is `idHash`, and a session
 * ends the moment its row is revoked.
 */
export const organizerAccounts = sqliteTable(
  "organizer_accounts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Compared without case (COLLATE NOCASE in the migration). */
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: ["admin", "observer"] }).notNull(),
    /** PBKDF2, as domain/passwords.ts makes it. */
    passwordHash: text("password_hash").notNull(),
    /** Base32 TOTP secret once enrolment is confirmed; null = no second factor. */
    totpSecret: text("totp_secret"),
    /** The last 30-second step a code was accepted for: a code is good once. */
    totpLastStep: integer("totp_last_step").notNull().default(0),
    disabledAt: integer("disabled_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    lastLoginAt: integer("last_login_at"),
    /** Audit label of who created it. */
    createdBy: text("created_by").notNull(),
  },
  (t) => [uniqueIndex("organizer_accounts_username").on(t.username)],
);

/** An account with rows here sees only these campaigns; with none, every campaign. */
export const organizerAccountCampaigns = sqliteTable(
  "organizer_account_campaigns",
  {
    accountId: integer("account_id")
      .notNull()
      .references(() => organizerAccounts.id, { onDelete: "cascade" }),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.campaignId] })],
);

export const organizerSessions = sqliteTable(
  "organizer_sessions",
  {
    idHash: text("id_hash").primaryKey(),
    /** null for a session opened with a built-in password. */
    accountId: integer("account_id").references(() => organizerAccounts.id, {
      onDelete: "cascade",
    }),
    role: text("role", { enum: ["admin", "observer"] }).notNull(),
    /** The audit label's name at sign-in. */
    name: text("name").notNull(),
    /**
     * Built-in password sessions: a digest of the configured password they were opened with, so
     * changing the secret ends them (domain/organizer-accounts.ts `builtInSecretTag`).
     */
    secretTag: text("secret_tag"),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    revokedAt: integer("revoked_at"),
  },
  (t) => [
    index("organizer_sessions_account").on(t.accountId),
    index("organizer_sessions_expiry").on(t.expiresAt),
  ],
);

export type OrganizerAccount = typeof organizerAccounts.$inferSelect;

/**
 * 荣誉证书 settings, one row per campaign (issue 17): the honour's title printed on each
 * certificate (empty = derived from the campaign's title), the issuer line (empty = the
 * organizer), the date line (empty = the publication day) and an optional seal image in R2.
 */
export const certificateSettings = sqliteTable("certificate_settings", {
  campaignId: integer("campaign_id")
    .primaryKey()
    .references(() => campaigns.id, { onDelete: "cascade" }),
  honourTitle: text("honour_title").notNull().default(""),
  issuer: text("issuer").notNull().default(""),
  /** YYYY-MM-DD, or empty. */
  issuedOn: text("issued_on").notNull().default(""),
  /** `/media/seals/…` or null. */
  sealUrl: text("seal_url"),
  updatedAt: integer("updated_at").notNull(),
});

/**
 * WeChat's access_token and jsapi_ticket (kind `access_token` | `jsapi_ticket`), shared by every
 * isolate until they expire (both last 2 h; WeChat limits how often they may be fetched).
 */
export const wechatCredentials = sqliteTable("wechat_credentials", {
  kind: text("kind").primaryKey(),
  appId: text("app_id").notNull(),
  value: text("value").notNull(),
  expiresAt: integer("expires_at").notNull(),
});

export type CertificateSettings = typeof certificateSettings.$inferSelect;
