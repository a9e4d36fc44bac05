import { Hono } from "hono";
import { combinedResult } from "../../db/queries/combined";
import { tallies } from "../../db/queries/results";
import { rankByLikes } from "../../domain/ranking";
import { isoInZone } from "../../domain/time";
import { ApiError } from "../../errors";
import type { AppEnv } from "../../types";
import { publicView } from "../../views/api-json";
import { requireCampaign } from "./campaign-loader";

async function strongTag(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  const hex = [...new Uint8Array(digest).slice(0, 16)].map((b) => b.toString(16).padStart(2, "0"));
  return `"${hex.join("")}"`;
}

/** True when an If-None-Match header names `etag` (or is `*`). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(",")
    .map((t) => t.trim().replace(/^W\//, ""))
    .some((t) => t === etag || t === "*");
}

export const resultsApi = new Hono<AppEnv>().get("/:slug/results", async (c) => {
  const campaign = await requireCampaign(c, c.req.param("slug"));
  const now = Date.now();
  const view = publicView(campaign, now);
  if (!view.showLikes) {
    throw new ApiError(403, "results_hidden", "Results are not public yet.");
  }
  const ranked = rankByLikes(await tallies(c.var.db, campaign.id));
  // Once published, the combined result joins the likes (additive fields; issue 7).
  const result = view.status === "published" ? await combinedResult(c.var.db, campaign) : undefined;
  const combined = new Map(result?.scoringClosed ? result.rows.map((r) => [r.number, r]) : []);
  const candidates = ranked.map((r) => {
    const x = combined.get(r.number);
    return {
      rank: r.rank,
      number: r.number,
      name: r.name,
      unit: r.unit,
      group: r.group,
      likes: r.likes,
      voidedLikes: r.voidedLikes,
      ...(x && {
        publicScore: x.publicScore,
        committeeScore: x.committeeScore,
        combinedScore: x.combinedScore,
        combinedRank: x.rank,
        honoree: x.honoree,
      }),
    };
  });
  const method =
    result?.scoringClosed && combined.size
      ? {
          combined: {
            weights: {
              public: result.settings.weightPublic,
              committee: 100 - result.settings.weightPublic,
            },
            publicMethod: result.settings.publicMethod,
            method: result.method,
            methodEn: result.methodEn,
            tieBreak: ["committeeScore", "number"],
          },
        }
      : {};
  const totalLikes = candidates.reduce((sum, r) => sum + r.likes, 0);
  // The tag covers what can change, not generatedAt, so an unchanged tally answers 304.
  const etag = await strongTag(JSON.stringify([view.status, candidates, method]));
  c.header("ETag", etag);
  c.header("Cache-Control", "no-cache");
  if (matches(c.req.header("If-None-Match"), etag)) return c.body(null, 304);
  return c.json({
    slug: campaign.slug,
    status: view.status,
    generatedAt: isoInZone(now, campaign.timeZone),
    totalLikes,
    candidates,
    ...method,
  });
});
