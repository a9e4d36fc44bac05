import { type Context, Hono } from "hono";
import { closedCombinedByNumber, combinedResult } from "../../db/queries/combined";
import { tallies } from "../../db/queries/results";
import { etagMatches, strongTag } from "../../domain/etag";
import { rankByLikes } from "../../domain/ranking";
import { isoInZone } from "../../domain/time";
import { publicCacheMs, TtlCache } from "../../domain/ttl-cache";
import { ApiError } from "../../errors";
import {
  type HeaderVariant,
  headerVariant,
  securityHeaderList,
} from "../../middleware/security-headers";
import type { AppEnv } from "../../types";
import { publicView } from "../../views/api-json";
import { requireCampaign } from "../shared/campaign";

/**
 * The public results of each campaign, kept per isolate for a couple of seconds (PUBLIC_CACHE_MS):
 * at reveal time thousands of phones poll the same ranking, and a hit answers without touching D1
 * (no campaign read, no 1,000-row tally, no JSON, hash or gzip work). Counts may lag by the TTL,
 * or up to three TTLs while one request refreshes an expired entry. Only visible results are kept, so hidden counts are never served beyond it.
 */
interface CachedResults {
  etag: string;
  /** UTF-8, encoded once: encoding ~100 KB of mostly Chinese text was a hit's largest cost. */
  body: ArrayBuffer;
  /** The same, gzipped once (1,000 nominees: 125 KB → 8 KB), for clients that accept it. */
  gzip: ArrayBuffer;
  /**
   * Each kind of answer's headers, built once: filling a Headers from a list was most of a hit's
   * cost, copying a built one is not.
   */
  headers: Map<string, Headers>;
}
const cache = new TtlCache<CachedResults>(1000);

/** A cached ranking as an answer: 304 for a known tag, else the body (gzipped when accepted). */
type AnswerKind = "304" | "gzip" | "plain";

function headersFor(entry: CachedResults, kind: AnswerKind, security?: HeaderVariant): Headers {
  // /api headers vary only with HSTS (headerVariant: Turnstile concerns pages).
  const key = security ? `${kind}:${security.hsts}` : kind;
  let headers = entry.headers.get(key);
  if (!headers) {
    headers = new Headers([
      ...(security ? securityHeaderList(security) : []),
      ["ETag", entry.etag],
      ["Cache-Control", "no-cache"],
      ["Vary", "Accept-Encoding"],
      ...(kind === "304" ? [] : [["Content-Type", "application/json"] as [string, string]]),
      ...(kind === "gzip" ? [["Content-Encoding", "gzip"] as [string, string]] : []),
    ]);
    entry.headers.set(key, headers);
  }
  return headers;
}

/**
 * A cached ranking as an answer: 304 for a known tag, else the body (gzipped when accepted).
 * `security`: the security headers to include (the middleware adds them on the normal way).
 */
function answer(
  entry: CachedResults,
  ifNoneMatch: string | null | undefined,
  acceptEncoding: string | null | undefined,
  security?: HeaderVariant,
): Response {
  // Each Response gets its own copy of the headers, so the middleware may still add to it.
  if (etagMatches(ifNoneMatch ?? undefined, entry.etag)) {
    return new Response(null, { status: 304, headers: headersFor(entry, "304", security) });
  }
  if (acceptEncoding && /\bgzip\b/.test(acceptEncoding)) {
    const headers = headersFor(entry, "gzip", security);
    // Already compressed: workerd must send these bytes as they are.
    return new Response(entry.gzip, { status: 200, headers, encodeBody: "manual" });
  }
  return new Response(entry.body, { status: 200, headers: headersFor(entry, "plain", security) });
}

/** The cached ranking of `slug` if it may be served now (stale-while-refresh, TtlCache). */
const usable = (slug: string, now: number, ttl: number) =>
  ttl > 0 ? cache.servable(slug, now, ttl) : undefined;

/** The route, mounted at the root so that the fast path below matches this very path. */
const RESULTS_ROUTE = "/api/campaigns/:slug/results";
const RESULTS_PATH = new RegExp(`^${RESULTS_ROUTE.replace(":slug", "([^/]+)")}$`);

/**
 * A cache hit answered before the router and the middleware: at reveal time thousands of phones
 * poll the ranking every few seconds, and for a hit all the middleware would do is add the
 * security headers (a GET has no body to limit, is never cross-site refused, and needs no
 * database). So this sends exactly the answer the route would, built in one go; anything else
 * (a miss, HEAD, an odd path) returns null and takes the normal way.
 */
export function cachedResultsAnswer(request: Request, env: CloudflareBindings): Response | null {
  if (request.method !== "GET") return null;
  const url = request.url;
  const start = url.indexOf("/", url.indexOf("//") + 2);
  if (start < 0) return null;
  const query = url.indexOf("?", start);
  const path = query < 0 ? url.slice(start) : url.slice(start, query);
  const slug = RESULTS_PATH.exec(path)?.[1];
  if (!slug) return null;
  const entry = usable(slug, Date.now(), publicCacheMs(env));
  if (!entry) return null;
  const headers = request.headers;
  return answer(
    entry,
    headers.get("If-None-Match"),
    headers.get("Accept-Encoding"),
    headerVariant(url, path, env),
  );
}

async function gzip(text: string): Promise<ArrayBuffer> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Response(stream).arrayBuffer();
}

export const resultsApi = new Hono<AppEnv>().get(RESULTS_ROUTE, async (c) => {
  const slug = c.req.param("slug");
  const now = Date.now();
  const ttl = publicCacheMs(c.env);
  const entry = usable(slug, now, ttl);
  if (entry) return answer(entry, c.req.header("If-None-Match"), c.req.header("Accept-Encoding"));
  return ttl > 0
    ? cache.refresh(slug, now, () => fresh(c, slug, now, ttl))
    : fresh(c, slug, now, ttl);
});

async function fresh(c: Context<AppEnv>, slug: string, now: number, ttl: number) {
  const campaign = await requireCampaign(c, slug);
  const view = publicView(campaign, now);
  if (!view.showLikes) {
    throw new ApiError(403, "results_hidden", "Results are not public yet.");
  }
  const ranked = rankByLikes(await tallies(c.var.db, campaign.id));
  // Once published, the combined result joins the likes (additive fields; issue 7).
  const result = view.status === "published" ? await combinedResult(c.var.db, campaign) : undefined;
  const combined = closedCombinedByNumber(result);
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
      heldLikes: r.heldLikes,
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
  const json = JSON.stringify({
    slug: campaign.slug,
    status: view.status,
    generatedAt: isoInZone(now, campaign.timeZone),
    totalLikes,
    candidates,
    ...method,
  });
  const entry: CachedResults = {
    etag,
    body: await new Response(json).arrayBuffer(),
    gzip: await gzip(json),
    headers: new Map(),
  };
  if (ttl > 0) {
    // Only slugs of public campaigns get here.
    cache.set(slug, entry, now + ttl);
  }
  return answer(entry, c.req.header("If-None-Match"), c.req.header("Accept-Encoding"));
}
