import * as v from "valibot";

/** A count the public sees only while counts are visible (showCounts). */
const VisibleCount = v.pipe(
  v.number(),
  v.description("只在计数公开时出现 Only while counts are visible."),
);
const Remaining = v.nullable(
  v.pipe(
    v.number(),
    v.description("今日剩余可点赞数，null 表示不限 Likes left today; null: no daily cap."),
  ),
);

export { Challenge } from "./common";

import {
  CampaignName,
  CampaignSchedule,
  CampaignStatus,
  Checkpoint,
  CombinedMethod,
  IdentityMode,
  IsoTime,
  NomineeListing,
  NomineeProfile,
  Notice,
  NullableTime,
  RankedNominee,
} from "./common";

/** The public API's answers (DESIGN §3). `likes` fields only where counts are visible. */

export const CampaignSummary = v.object({
  slug: v.string(),
  title: v.string(),
  status: CampaignStatus,
  opensAt: IsoTime,
  closesAt: IsoTime,
});

export const CampaignList = v.object({ campaigns: v.array(CampaignSummary) });

export const CampaignDetail = v.object({
  ...CampaignName,
  description: v.string(),
  status: CampaignStatus,
  ...CampaignSchedule,
  identityMode: IdentityMode,
  candidateCount: v.number(),
  totalLikes: v.optional(VisibleCount),
  notice: v.optional(Notice),
});

export const CandidateItem = v.object({
  number: v.number(),
  ...NomineeListing,
  photoUrl: v.nullable(v.string()),
  honoree: v.boolean(),
  likes: v.optional(VisibleCount),
});

export const CandidateList = v.object({ items: v.array(CandidateItem), total: v.number() });

export const CandidateDetail = v.object({
  number: v.number(),
  ...NomineeProfile,
  honoree: v.boolean(),
  likes: v.optional(VisibleCount),
});

/** A counted like (201). */
export const LikeCounted = v.object({
  counted: v.literal(true),
  likes: v.optional(v.number()),
  remainingToday: Remaining,
  receipt: v.pipe(v.string(), v.description("点赞回执码 Receipt code, XXXX-XXXX-XXXX.")),
});

/** A held like (202): recorded, counted only if an organizer releases it. */
export const LikeHeld = v.object({
  counted: v.literal(false),
  held: v.literal(true),
  remainingToday: Remaining,
  receipt: v.pipe(v.string(), v.description("点赞回执码 Receipt code, XXXX-XXXX-XXXX.")),
});

/** One row of the public ranking: rank shared by ties (1, 2, 2, 4). */
export const ResultRow = v.object({
  ...RankedNominee,
  voidedLikes: v.number(),
  heldLikes: v.pipe(
    v.number(),
    v.description("待核验：已记录，组织者放行后才计入 Held: recorded, counted only once released."),
  ),
  publicScore: v.optional(v.number()),
  committeeScore: v.optional(v.nullable(v.number())),
  combinedScore: v.optional(v.number()),
  combinedRank: v.optional(v.number()),
  honoree: v.optional(v.boolean()),
});
export type ResultRow = v.InferOutput<typeof ResultRow>;
/** A ranking row as the tallies give it, before ranks are assigned. */
export type TallyRow = Pick<
  ResultRow,
  "number" | "name" | "unit" | "group" | "likes" | "voidedLikes" | "heldLikes"
>;
/** The few fields a screen or a page shows of a ranking row. */
export type RankedLikes = Pick<ResultRow, "rank" | "number" | "name" | "unit" | "likes">;

export const Results = v.object({
  slug: v.string(),
  status: CampaignStatus,
  generatedAt: IsoTime,
  totalLikes: v.number(),
  candidates: v.array(ResultRow),
  combined: v.optional(v.object({ ...CombinedMethod, tieBreak: v.array(v.string()) })),
});
export type Results = v.InferOutput<typeof Results>;

export const Receipt = v.object({
  receipt: v.string(),
  status: v.picklist(["counted", "held", "voided"]),
  statusText: v.string(),
  number: v.number(),
  name: v.string(),
  likedAt: IsoTime,
  voidReason: v.optional(v.nullable(v.string())),
  voidedAt: v.optional(NullableTime),
});

/** The public head of the ledger's hash chain, and a page of checkpoints with `?history=1`. */
export const Ledger = v.object({
  slug: v.string(),
  algorithm: v.string(),
  eventAlgorithm: v.string(),
  countsAlgorithm: v.string(),
  ...v.partial(v.omit(Checkpoint, ["time"])).entries,
  time: v.optional(NullableTime),
  checkpoints: v.optional(v.array(Checkpoint)),
  next: v.optional(v.nullable(v.string())),
});
