import * as v from "valibot";
import { isValidTimeZone, parseInstant } from "../domain/time";
import { Instant, RequiredText, Text } from "./common";
import { bilingual } from "./messages";
import { CampaignNotice } from "./notice";

/** The campaign's text limits: the one source for the API and the forms' maxlength. */
export const CAMPAIGN_LIMITS = {
  slug: 63,
  title: 200,
  organizer: 200,
  description: 20_000,
  reason: 500,
} as const;

export const Slug = v.pipe(
  v.string("slug must be text"),
  v.regex(
    new RegExp(`^[a-z0-9][a-z0-9-]{1,${CAMPAIGN_LIMITS.slug - 1}}$`),
    `slug: 2–${CAMPAIGN_LIMITS.slug} lowercase letters, digits or hyphens, e.g. zuimei-xinfang`,
  ),
);

/**
 * The campaign's number ranges (inclusive): the one source for the API and the forms' min/max.
 * `null` is also accepted where the field says so (no cap, never ask, keep forever).
 */
export const CAMPAIGN_RANGES = {
  likesPerCandidatePerDay: { min: 1, max: 100 },
  likesPerVoterPerDay: { min: 1, max: 10_000 },
  challengePrefixPerMinute: { min: 0, max: 1000 },
  challengeVoterPerMinute: { min: 0, max: 1000 },
  challengeDifficulty: { min: 1000, max: 5_000_000 },
  retentionDays: { min: 0, max: 3650 },
} as const;

/** A whole number in the field's range; `orNull` and `minNote` only change the messages. */
const Whole = (label: keyof typeof CAMPAIGN_RANGES, orNull = "", minNote = "") => {
  const { min, max } = CAMPAIGN_RANGES[label];
  return v.pipe(
    v.number(`${label} must be a number${orNull}`),
    v.integer(`${label} must be a whole number`),
    v.minValue(min, `${label} must be at least ${min}${minNote}`),
    v.maxValue(max, `${label} must be at most ${max}`),
  );
};

export const CampaignRules = v.object({
  likesPerCandidatePerDay: Whole("likesPerCandidatePerDay"),
  likesPerVoterPerDay: v.nullable(
    Whole("likesPerVoterPerDay", " or null", " (or null for no cap)"),
  ),
});

const PerMinute = (label: "challengePrefixPerMinute" | "challengeVoterPerMinute") =>
  v.nullable(Whole(label, " or null", " (0 = always ask, null = never)"));

/** Abuse friction and privacy: when to ask for a proof of work, how hard, how long to keep detail. */
export const CampaignProtection = v.object({
  challengePrefixPerMinute: PerMinute("challengePrefixPerMinute"),
  challengeVoterPerMinute: PerMinute("challengeVoterPerMinute"),
  challengeDifficulty: Whole("challengeDifficulty"),
  /** Hold likes an open anomaly flag covers (recorded, not counted until released). */
  holdFlagged: v.optional(v.boolean("holdFlagged must be true or false"), true),
  retentionDays: v.nullable(Whole("retentionDays", " or null")),
});

export const DEFAULT_PROTECTION = {
  challengePrefixPerMinute: 30,
  challengeVoterPerMinute: 6,
  challengeDifficulty: 50_000,
  holdFlagged: true,
  retentionDays: null,
};

const fields = {
  title: RequiredText(CAMPAIGN_LIMITS.title, "title"),
  organizer: RequiredText(CAMPAIGN_LIMITS.organizer, "organizer"),
  description: Text(CAMPAIGN_LIMITS.description, "description"),
  timeZone: v.pipe(
    v.string(),
    v.check(isValidTimeZone, "timeZone must be an IANA time zone such as Asia/Shanghai"),
  ),
  opensAt: Instant,
  closesAt: Instant,
  rules: CampaignRules,
  showCounts: v.picklist(
    ["always", "after_close", "never"],
    "showCounts must be always, after_close or never",
  ),
  nomineeOrder: v.picklist(["number", "shuffle"], "nomineeOrder must be number or shuffle"),
  draft: v.boolean("draft must be true or false"),
  protection: CampaignProtection,
  // Issue 13 item 5: who a voter is (cookie, or one WeChat account = one voter).
  identityMode: v.picklist(["cookie", "wechat"], "identityMode must be cookie or wechat"),
  // Issue 16: where likes are written (the voter's like shard, or one D1 batch per like).
  ingest: v.picklist(["direct", "sharded"], "ingest must be direct or sharded"),
  /** 公示期 and the objection contact (validators/notice.ts). */
  notice: CampaignNotice,
};

const windowInOrder = (c: { opensAt?: string; closesAt?: string }) =>
  c.opensAt === undefined ||
  c.closesAt === undefined ||
  (parseInstant(c.closesAt) ?? 0) > (parseInstant(c.opensAt) ?? 0);

const WINDOW_MESSAGE = bilingual("closesAt must be after opensAt", "结束时间须晚于开始时间。");

/** A new campaign. Drafts are the default: nothing is public until the organizer says so. */
export const CampaignSettings = v.pipe(
  v.object({
    slug: Slug,
    ...fields,
    description: v.optional(fields.description, ""),
    timeZone: v.optional(fields.timeZone, "Asia/Shanghai"),
    rules: v.optional(fields.rules, { likesPerCandidatePerDay: 1, likesPerVoterPerDay: 5 }),
    showCounts: v.optional(fields.showCounts, "always"),
    nomineeOrder: v.optional(fields.nomineeOrder, "number"),
    draft: v.optional(fields.draft, true),
    protection: v.optional(fields.protection, DEFAULT_PROTECTION),
    identityMode: v.optional(fields.identityMode, "cookie"),
    ingest: v.optional(fields.ingest, "sharded"),
    /** N like shards (set once: a voter's shard is hash(voter) mod N). */
    shards: v.optional(
      v.pipe(
        v.number("shards must be a number"),
        v.integer("shards must be a whole number"),
        v.minValue(1, "shards must be at least 1"),
        v.maxValue(256, "shards must be at most 256"),
      ),
      16,
    ),
    notice: v.optional(fields.notice),
  }),
  v.forward(
    v.check((c) => windowInOrder(c), WINDOW_MESSAGE),
    ["closesAt"],
  ),
);
export type CampaignSettings = v.InferOutput<typeof CampaignSettings>;

/** A partial update: only the fields sent change. */
export const CampaignPatch = v.pipe(
  v.partial(
    v.object({
      slug: Slug,
      ...fields,
      protection: v.partial(CampaignProtection),
      // Set once, on create: a voter's shard is hash(voter) mod N, so a new N would move voters
      // away from the shard that holds their likes of the day. Said, not silently dropped.
      shards: v.never("shards is set when a campaign is created and cannot change"),
    }),
  ),
  v.forward(
    v.check((c) => windowInOrder(c), WINDOW_MESSAGE),
    ["closesAt"],
  ),
);
export type CampaignPatch = v.InferOutput<typeof CampaignPatch>;

export const VoidRequest = v.pipe(
  v.object({
    voterHash: v.optional(
      v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/, "voterHash must be 32 hex characters")),
    ),
    ipHash: v.optional(
      v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/, "ipHash must be 32 hex characters")),
    ),
    /** The network (ip_prefix_hash, as the review queue and votes.csv show it). */
    network: v.optional(
      v.pipe(v.string(), v.regex(/^[0-9a-z-]{1,80}$/, "network must be a network hash")),
    ),
    from: v.optional(Instant),
    to: v.optional(Instant),
    number: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
    reason: RequiredText(CAMPAIGN_LIMITS.reason, "reason"),
  }),
  v.check(
    (r) =>
      r.voterHash !== undefined ||
      r.ipHash !== undefined ||
      r.network !== undefined ||
      r.from !== undefined ||
      r.to !== undefined,
    bilingual(
      "give at least one of voterHash, ipHash, network, from, to",
      "请至少填写一个条件：投票人哈希、IP 哈希、网段、起或止。",
    ),
  ),
);
export type VoidRequest = v.InferOutput<typeof VoidRequest>;

export const PublishRequest = v.object({
  honorees: v.pipe(
    v.array(v.pipe(v.number(), v.integer(), v.minValue(1)), "honorees must be a list of numbers"),
    v.maxLength(1000),
  ),
  /** Required when republishing after a withdrawal (撤回公布). */
  reason: v.optional(Text(CAMPAIGN_LIMITS.reason, "reason")),
});

/** 撤回公布: why the published honoree list is taken back. */
export const WithdrawRequest = v.object({ reason: RequiredText(CAMPAIGN_LIMITS.reason, "reason") });

/** Copy a campaign into a new draft (issue 14): its new slug, optionally a title and nominees. */
export const CopyRequest = v.object({
  slug: Slug,
  title: v.optional(RequiredText(CAMPAIGN_LIMITS.title, "title")),
  includeNominees: v.optional(v.boolean("includeNominees must be true or false"), false),
});
