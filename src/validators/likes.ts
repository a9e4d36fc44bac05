import * as v from "valibot";

/**
 * The like POST's optional body: proof of work or a Turnstile token when friction is asked for.
 * Unknown fields are ignored.
 */
export const LikeRequest = v.object({
  challenge: v.optional(v.pipe(v.string(), v.maxLength(2048))),
  turnstileToken: v.optional(v.pipe(v.string(), v.maxLength(2048))),
});

export type LikeRequest = v.InferOutput<typeof LikeRequest>;
