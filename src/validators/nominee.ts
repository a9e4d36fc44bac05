import * as v from "valibot";
import { MAX_NOMINEE_PHOTOS } from "../domain/media";
import { chars, maxChars, Text } from "./common";

/**
 * The nominee's field limits: the one source for the API, the import, the unit's nomination and
 * the forms' maxlength. Text lengths are in characters (code points, see `chars` in ./common), so
 * a Chinese character counts as one wherever it comes from.
 */
export const NOMINEE_LIMITS = {
  number: 999_999_999,
  name: 50,
  position: 100,
  unit: 100,
  group: 100,
  headline: 200,
  /** The whole story, its paragraphs together. */
  story: 20_000,
  storyParagraph: 20_000,
  storyParagraphs: 200,
  photoUrl: 2048,
  caption: 200,
  photos: MAX_NOMINEE_PHOTOS,
  nominatingUnit: 100,
} as const;
const L = NOMINEE_LIMITS;

/**
 * Photos are shown with `<img src>`: a path on this site (our uploads under /media/, the seed's
 * /portraits/) or an https address. No `javascript:`, `data:`, `http:` or protocol-relative
 * `//host` (nor `/\host`, which browsers read as `//host`), and no blanks.
 */
export const PHOTO_URL = /^(?:\/(?![/\\])\S*|https:\/\/\S+)$/;

export const PhotoUrl = v.pipe(
  v.string("photo url must be text"),
  maxChars(L.photoUrl, `photo url must be at most ${L.photoUrl} characters`),
  v.regex(PHOTO_URL, "photo url must be a path on this site or an https:// address"),
);

export const Photo = v.object({
  url: PhotoUrl,
  caption: v.optional(Text(L.caption, "caption"), ""),
});

const storyLength = (story: string[]) => story.reduce((sum, p) => sum + chars(p), 0);

/** Paragraphs; the limit is on the whole story. */
export const Story = v.pipe(
  v.array(Text(L.storyParagraph, "story paragraph"), "story must be a list of paragraphs"),
  v.maxLength(L.storyParagraphs, `story: at most ${L.storyParagraphs} paragraphs`),
  v.check(
    (story) => storyLength(story) <= L.story,
    `story must be at most ${L.story} characters in all`,
  ),
);

/** The nominee number (编号) as the API and the import take it. */
export const NomineeNumber = v.pipe(
  v.number("number must be a number"),
  v.integer("number must be a whole number"),
  v.minValue(1, "number must be at least 1"),
  v.maxValue(L.number, `number must be at most ${L.number}`),
);

/** Each field of a nominee, as stored and as every path (API, import, nomination, seed) checks it. */
export const NOMINEE_FIELDS = {
  number: NomineeNumber,
  name: v.pipe(Text(L.name, "name"), v.minLength(1, "name is required")),
  position: Text(L.position, "position"),
  unit: Text(L.unit, "unit"),
  group: Text(L.group, "group"),
  headline: Text(L.headline, "headline"),
  story: Story,
  photos: v.pipe(v.array(Photo), v.maxLength(L.photos, `photos: at most ${L.photos} photos`)),
  nominatingUnit: Text(L.nominatingUnit, "nominatingUnit"),
  honoree: v.boolean("honoree must be true or false"),
};
const fields = NOMINEE_FIELDS;

/** A whole nominee, every field present: the seed's nominees, the console's rows. */
export const NomineeRecord = v.object(fields);
export type NomineeRecord = v.InferOutput<typeof NomineeRecord>;

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
