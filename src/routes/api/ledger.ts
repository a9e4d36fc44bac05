import { Hono } from "hono";
import { ledgerHead, listCheckpoints } from "../../db/queries/checkpoints";
import type { AppEnv } from "../../types";
import { publicView } from "../../views/api-json";
import { checkpointJson, headJson } from "../../views/ledger-json";
import { requireCampaign } from "./campaign-loader";

/**
 * GET /api/campaigns/:slug/ledger — the public head of the ledger's hash chain: how many rows are
 * sealed, the chain value after them, and when. `?history=1` lists every checkpoint. While counts
 * are hidden from the public the row counts are left out (they would tell the total), but the
 * hashes are still published, so nothing can be changed unseen before the reveal.
 */
export const ledgerApi = new Hono<AppEnv>().get("/:slug/ledger", async (c) => {
  const campaign = await requireCampaign(c, c.req.param("slug"));
  const showCounts = publicView(campaign, Date.now()).showLikes;
  const history = c.req.query("history") === "1";
  const [head, checkpoints] = await Promise.all([
    ledgerHead(c.var.db, campaign.id),
    history ? listCheckpoints(c.var.db, campaign.id) : Promise.resolve(null),
  ]);
  c.header("Cache-Control", "no-cache");
  return c.json({
    slug: campaign.slug,
    algorithm:
      "sha256 chain over votes.csv rows: h = sha256(prev + '\\n' + id|seconds|number|voter_hash|ip_hash|receipt|day)",
    ...headJson(campaign, head, { showCount: showCounts }),
    ...(checkpoints
      ? {
          checkpoints: checkpoints.map((k) =>
            checkpointJson(campaign, k, { showCount: showCounts }),
          ),
        }
      : {}),
  });
});
