import { Hono } from "hono";
import { checkpointPage, ledgerHead } from "../../db/queries/checkpoints";
import { etagMatches, strongTag } from "../../domain/etag";
import type { AppEnv } from "../../types";
import { validate } from "../../validators/hook";
import { LEDGER_PAGE_MAX, LedgerQuery } from "../../validators/ledger";
import { publicView } from "../../views/api-json";
import { checkpointJson, headJson } from "../../views/ledger-json";
import { publicCampaign } from "../shared/campaign";

const ALGORITHM =
  "sha256 chain over votes.csv rows: h = sha256(prev + '\\n' + id|seconds|number|voter_hash|ip_hash|receipt|day)";

/**
 * A full page of checkpoints never changes (sealed checkpoints are immutable and new ones get a
 * higher seq), so caches may keep it for a day. Not forever: the campaign's count visibility or
 * time zone, which shape the page, may still change.
 */
const FULL_PAGE_CACHE = "public, max-age=86400";

/**
 * GET /api/campaigns/:slug/ledger — the public head of the ledger's hash chain: how many rows are
 * sealed, the chain value after them, and when. `?history=1` adds the checkpoints a page at a
 * time, oldest first, with a `next` link while the page is full. A page asked for with `after`
 * leaves the head out, so a full one is the same forever and cacheable. While counts are hidden
 * from the public the row counts are left out (they would tell the total), but the hashes are
 * still published, so nothing can be changed unseen before the reveal.
 */
const EVENT_ALGORITHM =
  "sha256 chain over status changes (#event lines of votes.csv): e = sha256(prev + '\\n' + JSON([id, like_id, from, to, change, seconds, actor, reason]))";
const COUNTS_ALGORITHM =
  "countsHash = sha256(JSON([[number, counted], ...])) by number, over nominees with a sealed row";

export const ledgerApi = new Hono<AppEnv>().get(
  "/:slug/ledger",
  publicCampaign,
  validate("query", LedgerQuery, "invalid_query"),
  async (c) => {
    const query = c.req.valid("query");
    const campaign = c.var.campaign;
    const showCount = publicView(campaign, Date.now()).showLikes;
    const history = query.history === "1";
    const limit = query.limit ?? LEDGER_PAGE_MAX;
    const withHead = !history || query.after === undefined;
    const [head, page] = await Promise.all([
      withHead ? ledgerHead(c.var.db, campaign.id) : Promise.resolve(null),
      history ? checkpointPage(c.var.db, campaign.id, query.after ?? 0, limit) : null,
    ]);
    let cacheControl = "no-cache";
    let paging = {};
    if (page) {
      const full = page.length === limit;
      const last = page.at(-1)?.seq ?? query.after ?? 0;
      const next = new URLSearchParams({ history: "1", after: String(last) });
      if (query.limit !== undefined) next.set("limit", String(limit));
      paging = {
        checkpoints: page.map((k) => checkpointJson(campaign, k, { showCount })),
        next: full ? `/api/campaigns/${campaign.slug}/ledger?${next}` : null,
      };
      if (full && !withHead) cacheControl = FULL_PAGE_CACHE;
    }
    const body = JSON.stringify({
      slug: campaign.slug,
      algorithm: ALGORITHM,
      eventAlgorithm: EVENT_ALGORITHM,
      countsAlgorithm: COUNTS_ALGORITHM,
      ...(withHead ? headJson(campaign, head, { showCount }) : {}),
      ...paging,
    });
    const etag = await strongTag(body);
    c.header("Cache-Control", cacheControl);
    c.header("ETag", etag);
    if (etagMatches(c.req.header("If-None-Match"), etag)) return c.body(null, 304);
    return c.body(body, 200, { "Content-Type": "application/json" });
  },
);
