import * as v from "valibot";

/**
 * Shapes the API answers with, as valibot schemas: the one source for the OpenAPI document's
 * response schemas (src/openapi), the conformance tests, and the types that server and client
 * share (`import type`). Add fields, never rename or drop (DESIGN §3/§4).
 */

/** An ISO 8601 time with its offset, in the campaign's time zone. */
export const IsoTime = v.pipe(v.string(), v.isoTimestamp());
export const NullableTime = v.nullable(IsoTime);

export const CampaignStatus = v.picklist(["upcoming", "open", "paused", "closed", "published"]);
export const ShowCounts = v.picklist(["always", "after_close", "never"]);
export const IdentityMode = v.picklist(["cookie", "wechat"]);

export const Rules = v.object({
  likesPerCandidatePerDay: v.nullable(v.number()),
  likesPerVoterPerDay: v.nullable(v.number()),
});

export const Photo = v.object({ url: v.string(), caption: v.string() });

/** A self-hosted proof-of-work challenge (ALTCHA's format), sent with 428 `challenge_required`. */
export const Challenge = v.object({
  algorithm: v.literal("SHA-256"),
  challenge: v.string(),
  maxnumber: v.number(),
  salt: v.string(),
  signature: v.string(),
});
export type Challenge = v.InferOutput<typeof Challenge>;

/** A field a validation error names, and what is wrong with it (DESIGN §3). */
export const Issue = v.object({ path: v.string(), message: v.string() });

/**
 * The error envelope of every failure under /api. Some errors add fields next to `code` and
 * `message` (the challenge to solve, a sign-in URL, the validation `issues`).
 */
export const ErrorBody = v.object({
  error: v.looseObject({
    code: v.string(),
    message: v.string(),
    /** Which fields a validation error is about (400). */
    issues: v.optional(v.array(Issue)),
    /** The proof of work to solve and send with the like (428 `challenge_required`). */
    challenge: v.optional(Challenge),
    /** With a challenge, when the campaign also asks for Cloudflare Turnstile. */
    turnstileSiteKey: v.optional(v.string()),
    /** Where a WeChat-only campaign's voter signs in (403 `wechat_identity_required`). */
    signInUrl: v.optional(v.string()),
  }),
});
export type ErrorBody = v.InferOutput<typeof ErrorBody>;

/** 公示期 and where objections go (issue 14). */
export const Notice = v.object({
  startsAt: NullableTime,
  endsAt: NullableTime,
  objectionUnit: v.string(),
  objectionPhone: v.string(),
  objectionEmail: v.string(),
});

/** A ledger checkpoint (public: counts left out while counts are hidden). */
export const Checkpoint = v.object({
  seq: v.number(),
  count: v.optional(v.number()),
  lastLikeId: v.optional(v.number()),
  hash: v.string(),
  prevHash: v.optional(v.string()),
  time: NullableTime,
  events: v.number(),
  eventHash: v.string(),
  counted: v.optional(v.number()),
  countsHash: v.optional(v.string()),
  lastEventId: v.optional(v.number()),
});

/** The public vote's and the committee's shares of a combined score. */
export const Weights = v.object({ public: v.number(), committee: v.number() });

/** How a combined score is made (the combined result and the public results say the same). */
export const CombinedMethod = {
  weights: Weights,
  publicMethod: v.string(),
  method: v.string(),
  methodEn: v.string(),
};

/** Which campaign: on a unit's link, a juror's sheet and an export. */
export const CampaignName = {
  slug: v.string(),
  title: v.string(),
  organizer: v.string(),
};

/** When a campaign runs, by what rules, and whether counts show. */
export const CampaignSchedule = {
  timeZone: v.string(),
  opensAt: IsoTime,
  closesAt: IsoTime,
  rules: Rules,
  showCounts: ShowCounts,
};

/** A nominee as a list shows them. */
export const NomineeListing = {
  name: v.string(),
  position: v.string(),
  unit: v.string(),
  group: v.string(),
  headline: v.string(),
};

/** A nominee as their own page shows them. */
export const NomineeProfile = {
  ...NomineeListing,
  story: v.array(v.string()),
  photos: v.array(Photo),
};

/** The head of a ranking row: rank shared by ties (1, 2, 2, 4). */
export const RankedNominee = {
  rank: v.number(),
  number: v.number(),
  name: v.string(),
  unit: v.string(),
  group: v.string(),
  likes: v.number(),
};
