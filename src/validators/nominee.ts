import * as v from "valibot";
import { MAX_NOMINEE_PHOTOS } from "../domain/media";
import { Text } from "./common";

export const Photo = v.object({
  // Our own files (/media/…, /portraits/…) or an https address, as the import accepts.
  url: v.pipe(
    v.string(),
    v.maxLength(500),
    v.regex(
      /^(\/(?!\/)\S*|https:\/\/\S+)$/,
      "photo url must be a path on this site or an https:// address",
    ),
  ),
  caption: v.optional(Text(200, "caption"), ""),
});

const fields = {
  number: v.pipe(
    v.number("number must be a number"),
    v.integer("number must be a whole number"),
    v.minValue(1),
    v.maxValue(999_999_999),
  ),
  name: v.pipe(Text(50, "name"), v.minLength(1, "name is required")),
  position: Text(100, "position"),
  unit: Text(100, "unit"),
  group: Text(100, "group"),
  headline: Text(200, "headline"),
  story: v.pipe(v.array(Text(20000, "story paragraph")), v.maxLength(200)),
  photos: v.pipe(
    v.array(Photo),
    v.maxLength(MAX_NOMINEE_PHOTOS, `photos: at most ${MAX_NOMINEE_PHOTOS} photos`),
  ),
  nominatingUnit: Text(100, "nominatingUnit"),
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
