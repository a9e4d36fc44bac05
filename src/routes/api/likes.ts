import { Hono } from "hono";
import * as v from "valibot";
import { castLike } from "../../db/queries/likes";
import { countsVisible } from "../../domain/campaign-status";
import { receiptCode } from "../../domain/identity";
import type { LikeRefusal } from "../../domain/like-rules";
import { nextLocalMidnight } from "../../domain/time";
import { ApiError } from "../../errors";
import { floodGuard } from "../../middleware/flood-guard";
import { identifyVoter } from "../../middleware/voter";
import type { AppEnv } from "../../types";
import { LikeRequest } from "../../validators/likes";
import { nomineeNumberOrNotFound } from "./candidates";

const REFUSALS: Record<LikeRefusal, { status: 403 | 404 | 409 | 429; message: string }> = {
  campaign_not_found: { status: 404, message: "No such campaign." },
  candidate_not_found: { status: 404, message: "No such nominee." },
  voting_not_open: { status: 403, message: "Voting has not opened yet." },
  voting_paused: { status: 403, message: "Voting is paused by the organizer." },
  voting_closed: { status: 403, message: "Voting has closed." },
  already_liked: { status: 409, message: "You have already liked this nominee today." },
  daily_quota_exhausted: { status: 429, message: "You have used all of today's likes." },
};

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
  floodGuard,
  identifyVoter,
  async (c) => {
    const number = nomineeNumberOrNotFound(c.req.param("number"));
    await likeBody(c.req.raw);
    const now = Date.now();
    const result = await castLike(c.var.db, {
      slug: c.req.param("slug"),
      number,
      voterHash: c.var.voter.hash,
      ipHash: c.var.voter.ipHash,
      receipt: receiptCode(),
      now,
    });
    if (!result.counted) {
      const { status, message } = REFUSALS[result.refusal];
      const headers: Record<string, string> = {};
      if (result.refusal === "daily_quota_exhausted") {
        const seconds = Math.ceil((nextLocalMidnight(now, result.timeZone) - now) / 1000);
        headers["Retry-After"] = String(Math.max(1, seconds));
      }
      throw new ApiError(status, result.refusal, message, headers);
    }
    // A like is only accepted while voting is open, so visibility follows from showCounts alone.
    const showLikes = countsVisible(result.showCounts, "open");
    return c.json(
      {
        counted: true as const,
        ...(showLikes ? { likes: result.likes } : {}),
        remainingToday: result.remainingToday,
        receipt: result.receipt,
      },
      201,
    );
  },
);
