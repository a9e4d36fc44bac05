import * as v from "valibot";
import { MAX_NOMINATION_PHOTOS } from "../domain/media";
import { Instant, RequiredText, Text } from "./common";
import { NOMINEE_FIELDS, NOMINEE_LIMITS, Photo, Story } from "./nominee";

/** Input of the selection: nominations, invitations, review, jurors, scores, weights. */

/** The selection's limits (characters; numbers inclusive): the one source for API and forms. */
export const SELECTION_LIMITS = {
  inviteUnit: NOMINEE_LIMITS.unit,
  inviteGroup: NOMINEE_LIMITS.group,
  contact: 100,
  quota: { min: 1, max: 50 },
  comment: 1000,
  weightPublic: { min: 0, max: 100 },
  jurorName: 40,
  score: { min: 0, max: 100 },
  note: 500,
  reopenReason: 1000,
} as const;
const S = SELECTION_LIMITS;

const WholeNumber = (label: string, min: number, max: number) =>
  v.pipe(
    v.number(`${label} must be a number`),
    v.integer(`${label} must be a whole number`),
    v.minValue(min, `${label} must be at least ${min}`),
    v.maxValue(max, `${label} must be at most ${max}`),
  );

/**
 * What a unit types: the nominee's own fields and limits (validators/nominee.ts), every one
 * optional and the name possibly blank, so a half-filled form can be saved as a draft.
 */
export const NominationContent = v.object({
  name: v.optional(Text(NOMINEE_LIMITS.name, "name")),
  position: v.optional(NOMINEE_FIELDS.position),
  unit: v.optional(NOMINEE_FIELDS.unit),
  group: v.optional(NOMINEE_FIELDS.group),
  headline: v.optional(NOMINEE_FIELDS.headline),
  story: v.optional(Story),
  /** Only photos already uploaded to this nomination (to remove or reorder them). */
  photos: v.optional(
    v.pipe(
      v.array(Photo),
      v.maxLength(MAX_NOMINATION_PHOTOS, `photos: at most ${MAX_NOMINATION_PHOTOS} photos`),
    ),
  ),
});
export type NominationContent = v.InferOutput<typeof NominationContent>;

export const InviteRequest = v.object({
  unit: RequiredText(S.inviteUnit, "unit"),
  group: v.optional(Text(S.inviteGroup, "group"), ""),
  contact: v.optional(Text(S.contact, "contact"), ""),
  quota: v.optional(WholeNumber("quota", S.quota.min, S.quota.max)),
  expiresAt: v.optional(Instant),
});

export const ReviewRequest = v.object({
  comment: v.optional(Text(S.comment, "comment"), ""),
});

export const SelectionPatch = v.object({
  nominationsCloseAt: v.optional(v.nullable(Instant)),
  defaultQuota: v.optional(WholeNumber("defaultQuota", S.quota.min, S.quota.max)),
  weightPublic: v.optional(WholeNumber("weightPublic", S.weightPublic.min, S.weightPublic.max)),
  publicMethod: v.optional(
    v.picklist(["share_of_max", "rank"], "publicMethod must be share_of_max or rank"),
  ),
});

export const JurorRequest = v.object({
  name: RequiredText(S.jurorName, "name"),
  expiresAt: v.optional(Instant),
});

export const ScoreRequest = v.object({
  score: WholeNumber("score", S.score.min, S.score.max),
  note: v.optional(Text(S.note, "note"), ""),
});

/** Reopening a declined nomination: the reason, which the unit reads. */
export const ReopenRequest = v.object({ reason: RequiredText(S.reopenReason, "reason") });
