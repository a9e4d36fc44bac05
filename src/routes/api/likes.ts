import { Hono } from "hono";
import { ApiError } from "../../errors";
import { identifyVoter } from "../../middleware/voter";
import type { AppEnv } from "../../types";
import { validate } from "../../validators/hook";
import { LikeRequest } from "../../validators/likes";
import { likeAction } from "../like-action";
import { nomineeNumberOrNotFound } from "../shared/campaign";

export const likesApi = new Hono<AppEnv>().post(
  "/:slug/candidates/:number/likes",
  identifyVoter,
  validate("json", LikeRequest),
  async (c) => {
    const number = nomineeNumberOrNotFound(c.req.param("number"));
    const body = c.req.valid("json");
    const outcome = await likeAction(c, c.req.param("slug"), number, body);
    if (!outcome.ok) {
      const headers: Record<string, string> =
        outcome.retryAfter !== undefined ? { "Retry-After": String(outcome.retryAfter) } : {};
      const extra = outcome.challenge
        ? {
            challenge: outcome.challenge,
            ...(outcome.turnstileSiteKey ? { turnstileSiteKey: outcome.turnstileSiteKey } : {}),
          }
        : outcome.signInUrl
          ? { signInUrl: outcome.signInUrl }
          : {};
      throw new ApiError(outcome.status, outcome.code, outcome.message, headers, extra);
    }
    if (outcome.replayed) c.header("Idempotent-Replayed", "true");
    if (outcome.held) {
      // Recorded, with a receipt, but not counted until an organizer releases it (DESIGN §3).
      return c.json(
        {
          counted: false as const,
          held: true as const,
          remainingToday: outcome.remainingToday,
          receipt: outcome.receipt,
        },
        202,
      );
    }
    return c.json(
      {
        counted: true as const,
        ...(outcome.likes !== null ? { likes: outcome.likes } : {}),
        remainingToday: outcome.remainingToday,
        receipt: outcome.receipt,
      },
      201,
    );
  },
);
