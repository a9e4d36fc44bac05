import * as v from "valibot";
import { MAX_NOMINEE_PHOTOS } from "../domain/media";
import { Text } from "./common";

/**
 * The nominee's field limits: the one source for the API, the import and the forms' maxlength.
 * Lengths are in characters as valibot counts them (UTF-16 units).
 */
export const NOMINEE_LIMITS = {
  number: 999_999_999,
  name: 50,
  position: 100,
  unit: 100,
  group: 100,
  headline: 200,
  storyParagraph: 20_000,
  storyParagraphs: 200,
  photoUrl: 500,
  caption: 200,
  photos: MAX_NOMINEE_PHOTOS,
  nominatingUnit: 100,
} as const;
const L = NOMINEE_LIMITS;

export const Photo = v.object({
  // Our own files (/media/…, /portraits/…) or an https address, as the import accepts.
  url: v.pipe(
    v.string(),
    v.maxLength(L.photoUrl),
    v.regex(
      /^(\/(?!\/)\S*|https:\/\/\S+)$/,
      "photo url must be a path on this site or an https:// address",
    ),
  ),
  caption: v.optional(Text(L.caption, "caption"), ""),
});

const fields = {
  number: v.pipe(
    v.number("number must be a number"),
    v.integer("number must be a whole number"),
    v.minValue(1),
    v.maxValue(L.number),
  ),
  name: v.pipe(Text(L.name, "name"), v.minLength(1, "name is required")),
  position: Text(L.position, "position"),
  unit: Text(L.unit, "unit"),
  group: Text(L.group, "group"),
  headline: Text(L.headline, "headline"),
  story: v.pipe(v.array(Text(L.storyParagraph, "story paragraph")), v.maxLength(L.storyParagraphs)),
  photos: v.pipe(v.array(Photo), v.maxLength(L.photos, `photos: at most ${L.photos} photos`)),
  nominatingUnit: Text(L.nominatingUnit, "nominatingUnit"),
  honoree: v.boolean(),
};

export const NomineeInput = v.object({
  ...fields,
  number: v.optional(fields.number),
  position: v.optional(fields.position, ""),
  unit: v.optional(fields.unit, ""),
  group: v.optional(fields.group, ""),
  headline: v.optional(fields.headline, ""),
  story: v.optional(fields.story, []),
  photos: v.optional(fields.photos, []),
  nominatingUnit: v.optional(fields.nominatingUnit, ""),
  honoree: v.optional(fields.honoree, false),
});
export type NomineeInput = v.InferOutput<typeof NomineeInput>;

export const NomineePatch = v.partial(v.object(fields));
export type NomineePatch = v.InferOutput<typeof NomineePatch>;

export const ReorderRequest = v.object({
  order: v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(1))), v.minLength(1)),
});
