import { Hono } from "hono";
import * as v from "valibot";
import { ApiError } from "../../errors";
import { identifyVoter } from "../../middleware/voter";
import type { AppEnv } from "../../types";
import { LikeRequest } from "../../validators/likes";
import { likeAction } from "../like-action";
import { nomineeNumberOrNotFound } from "../shared/campaign";

/** Reads the optional JSON body; an empty body is `{}`. */
async function likeBody(req: Request): Promise<LikeRequest> {
  const bytes = await req.arrayBuffer();
  if (bytes.byteLength === 0) return {};
  let json: unknown;
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    if (text.trim() === "") return {};
    json = JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_body", "The body must be JSON (or empty).");
  }
  if (Array.isArray(json))
    throw new ApiError(400, "invalid_body", "The body must be a JSON object.");
  const parsed = v.safeParse(LikeRequest, json);
  if (!parsed.success) {
    throw new ApiError(400, "invalid_body", `Invalid like request: ${parsed.issues[0].message}`);
  }
  return parsed.output;
}

export const likesApi = new Hono<AppEnv>().post(
  "/:slug/candidates/:number/likes",
  identifyVoter,
  async (c) => {
    const number = nomineeNumberOrNotFound(c.req.param("number"));
    const body = await likeBody(c.req.raw);
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
