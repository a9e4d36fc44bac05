import * as v from "valibot";
import { CampaignName, NomineeProfile, NullableTime, Weights } from "./common";

/** The selection's answers (issues 6/7): settings, units' links and nominations, the jury. */

const LinkState = v.picklist(["ok", "expired", "revoked"]);

export const SelectionSettings = v.object({
  nominationsCloseAt: NullableTime,
  nominationsOpen: v.boolean(),
  defaultQuota: v.number(),
  weights: Weights,
  publicMethod: v.picklist(["share_of_max", "rank"]),
  scoringClosed: v.boolean(),
  scoringClosedAt: NullableTime,
});

/** A unit's nomination link (the token and URL only in the answer that creates it). */
export const Invitation = v.object({
  id: v.number(),
  unit: v.string(),
  group: v.string(),
  contact: v.string(),
  quota: v.number(),
  used: v.optional(v.number()),
  submitted: v.optional(v.number()),
  state: LinkState,
  expiresAt: NullableTime,
  revokedAt: NullableTime,
  createdAt: NullableTime,
  token: v.optional(v.string()),
  url: v.optional(v.string()),
});
export const InvitationList = v.object({ items: v.array(Invitation) });

/** A nomination as its unit sees it; in the review queue also who nominated and decided. */
export const Nomination = v.object({
  id: v.number(),
  status: v.picklist(["draft", "submitted", "returned", "accepted", "declined"]),
  ...NomineeProfile,
  reviewComment: v.string(),
  number: v.nullable(v.number()),
  submittedAt: NullableTime,
  decidedAt: NullableTime,
  updatedAt: NullableTime,
  nominatingUnit: v.optional(v.string()),
  decidedBy: v.optional(v.nullable(v.string())),
});
export const NominationList = v.object({ items: v.array(Nomination) });

/** A juror and their progress (the token and URL only when a link is made). */
export const Juror = v.object({
  id: v.number(),
  name: v.string(),
  state: LinkState,
  scored: v.number(),
  missing: v.number(),
  expiresAt: NullableTime,
  revokedAt: NullableTime,
  token: v.optional(v.string()),
  url: v.optional(v.string()),
});

export const JuryProgress = v.object({
  scoringClosed: v.boolean(),
  nomineeCount: v.number(),
  jurors: v.array(Juror),
  missing: v.array(
    v.object({ juror: v.string(), jurorId: v.number(), number: v.number(), name: v.string() }),
  ),
});

export const JurorLink = v.object({
  id: v.number(),
  name: v.string(),
  expiresAt: NullableTime,
  token: v.string(),
  url: v.string(),
});

/** What a unit's link shows: the campaign, its quota and its own nominations. */
export const UnitOverview = v.object({
  unit: v.string(),
  group: v.string(),
  campaign: v.object(CampaignName),
  quota: v.number(),
  used: v.number(),
  remaining: v.number(),
  nominationsOpen: v.boolean(),
  nominationsCloseAt: NullableTime,
  expiresAt: NullableTime,
  nominations: v.array(Nomination),
});

/** A juror's own sheet (every juror's scores in `panel` once scoring is closed). */
export const JurorSheet = v.object({
  juror: v.object({ name: v.string() }),
  campaign: v.object(CampaignName),
  scoringClosed: v.boolean(),
  scored: v.number(),
  nominees: v.array(v.looseObject({ number: v.number(), name: v.string() })),
});
