import * as v from "valibot";
import { MAX_NOMINATION_PHOTOS } from "../domain/media";
import { Instant, RequiredText, Text } from "./common";
import { NOMINEE_FIELDS, NOMINEE_LIMITS, Photo, Story } from "./nominee";

/** Input of the selection: nominations, invitations, review, jurors, scores, weights. */

/** The longest text each field takes (the console's and the juror page's maxlength read them). */
export const SELECTION_LIMITS = {
  unit: 100,
  group: 100,
  contact: 100,
  comment: 1000,
  jurorName: 40,
  note: 500,
  reopenReason: 1000,
} as const;
const L = SELECTION_LIMITS;

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
  unit: RequiredText(L.unit, "unit"),
  group: v.optional(Text(L.group, "group"), ""),
  contact: v.optional(Text(L.contact, "contact"), ""),
  quota: v.optional(WholeNumber("quota", 1, 50)),
  expiresAt: v.optional(Instant),
});

export const ReviewRequest = v.object({
  comment: v.optional(Text(L.comment, "comment"), ""),
});

export const SelectionPatch = v.object({
  nominationsCloseAt: v.optional(v.nullable(Instant)),
  defaultQuota: v.optional(WholeNumber("defaultQuota", 1, 50)),
  weightPublic: v.optional(WholeNumber("weightPublic", 0, 100)),
  publicMethod: v.optional(
    v.picklist(["share_of_max", "rank"], "publicMethod must be share_of_max or rank"),
  ),
});

export const JurorRequest = v.object({
  name: RequiredText(L.jurorName, "name"),
  expiresAt: v.optional(Instant),
});

export const ScoreRequest = v.object({
  score: WholeNumber("score", 0, 100),
  note: v.optional(Text(L.note, "note"), ""),
});

/** Reopening a declined nomination: the reason, which the unit reads. */
export const ReopenRequest = v.object({ reason: RequiredText(L.reopenReason, "reason") });
