import * as v from "valibot";

/**
 * The like POST's optional body: proof of work or a Turnstile token when friction is asked for.
 * Unknown fields are ignored.
 */
const LikeFields = v.object({
  challenge: v.optional(v.pipe(v.string(), v.maxLength(2048))),
  turnstileToken: v.optional(v.pipe(v.string(), v.maxLength(2048))),
});

/** The body as the route reads it: absent or empty is a plain like; a JSON array is refused. */
export const LikeRequest = v.optional(
  v.pipe(
    v.unknown(),
    v.check((body) => !Array.isArray(body), "The body must be a JSON object."),
    LikeFields,
  ),
  {},
);

export type LikeRequest = v.InferOutput<typeof LikeFields>;
