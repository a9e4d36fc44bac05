import type { Context } from "hono";
import { Hono } from "hono";
import {
  type ChangeView,
  changeStatus,
  countMatches,
  heldByNominee,
  type LedgerFilter,
  listChanges,
} from "../../db/queries/ledger-status";
import { findNominee } from "../../db/queries/nominees";
import type { Campaign } from "../../db/schema";
import { isoInZone, parseInstant } from "../../domain/time";
import { ApiError } from "../../errors";
import { flushCampaign } from "../../shards/barrier";
import type { AppEnv } from "../../types";
import { validate } from "../../validators/hook";
import { HeldDecision, MatchQuery, ReinstateRequest } from "../../validators/ledger-status";
import { organizerCampaign } from "../shared/campaign";

/**
 * The ledger's statuses, for organizers (observers read; writing needs an admin):
 *   GET  /api/admin/campaigns/:slug/held                 held likes per nominee (待核验)
 *   POST /api/admin/campaigns/:slug/held/release         {reason, number?, network?, from?, to?}
 *   POST /api/admin/campaigns/:slug/held/void            {reason, number?, network?, from?, to?}
 *   POST /api/admin/campaigns/:slug/votes/reinstate      {reason, change? | receipt? | filters}
 *   GET  /api/admin/campaigns/:slug/votes/matches?…      preview: how many likes a filter matches
 *   GET  /api/admin/campaigns/:slug/votes/changes        the recent decisions, with what still stands
 * Every decision is one batch: the rows, one ledger decision (its events chained by the
 * checkpoints) and the audit entry.
 */

interface FilterInput {
  number?: number;
  network?: string;
  voterHash?: string;
  ipHash?: string;
  from?: string;
  to?: string;
}

async function toFilter(
  c: Context<AppEnv>,
  campaign: Campaign,
  input: FilterInput,
): Promise<LedgerFilter> {
  let nomineeId: number | undefined;
  if (input.number !== undefined) {
    const nominee = await findNominee(c.var.db, campaign.id, input.number);
    if (!nominee) {
      throw new ApiError(404, "candidate_not_found", `No nominee number ${input.number}.`);
    }
    nomineeId = nominee.id;
  }
  const at = (s: string | undefined) => (s ? (parseInstant(s) ?? undefined) : undefined);
  return {
    nomineeId,
    network: input.network,
    voterHash: input.voterHash,
    ipHash: input.ipHash,
    from: at(input.from),
    to: at(input.to),
  };
}

function changeJson(campaign: Campaign, x: ChangeView) {
  return {
    id: x.id,
    action: x.action,
    reason: x.reason,
    actor: x.actor,
    rows: x.rows,
    standing: x.standing,
    at: isoInZone(x.createdAt, campaign.timeZone),
  };
}

export const adminLedgerStatusApi = new Hono<AppEnv>()
  .get("/:slug/held", organizerCampaign, async (c) => {
    const campaign = c.var.campaign;
    const nominees = await heldByNominee(c.var.db, campaign.id);
    c.header("Cache-Control", "no-store");
    return c.json({ held: nominees.reduce((s, n) => s + n.held, 0), nominees });
  })
  .post(
    "/:slug/held/:decision{release|void}",
    organizerCampaign,
    validate("json", HeldDecision),
    async (c) => {
      const campaign = c.var.campaign;
      // Held likes still in shards are flushed first, so the decision reaches them (issue 16).
      await flushCampaign(c.env, campaign.id);
      const req = c.req.valid("json");
      const release = c.req.param("decision") === "release";
      const { rows } = await changeStatus(c.var.db, campaign.id, {
        action: release ? "release" : "void_held",
        filter: await toFilter(c, campaign, req),
        reason: req.reason,
        actor: c.var.organizer,
        now: Date.now(),
        auditBefore: { filter: { ...req, reason: undefined }, reason: req.reason },
      });
      return c.json(release ? { released: rows } : { voided: rows });
    },
  )
  .post(
    "/:slug/votes/reinstate",
    organizerCampaign,
    validate("json", ReinstateRequest),
    async (c) => {
      const campaign = c.var.campaign;
      await flushCampaign(c.env, campaign.id);
      const req = c.req.valid("json");
      const filter = await toFilter(c, campaign, req);
      const { rows } = await changeStatus(c.var.db, campaign.id, {
        action: "reinstate",
        filter: { ...filter, change: req.change, receipt: req.receipt },
        reason: req.reason,
        actor: c.var.organizer,
        now: Date.now(),
        auditBefore: { filter: { ...req, reason: undefined }, reason: req.reason },
      });
      return c.json({ reinstated: rows });
    },
  )
  .get(
    "/:slug/votes/matches",
    validate("query", MatchQuery, "invalid_query"),
    organizerCampaign,
    async (c) => {
      const campaign = c.var.campaign;
      const q = c.req.valid("query");
      const counts = await countMatches(c.var.db, campaign.id, await toFilter(c, campaign, q));
      c.header("Cache-Control", "no-store");
      return c.json(counts);
    },
  )
  .get("/:slug/votes/changes", organizerCampaign, async (c) => {
    const campaign = c.var.campaign;
    const changes = await listChanges(
      c.var.db,
      campaign.id,
      ["void", "void_held", "void_flag", "release", "reinstate"],
      50,
    );
    c.header("Cache-Control", "no-store");
    return c.json({ changes: changes.map((x) => changeJson(campaign, x)) });
  });
