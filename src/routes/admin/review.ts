import { Hono } from "hono";
import { decideFlag, findFlag, listFlags, scanAnomalies } from "../../db/queries/anomalies";
import { auditStatement } from "../../db/queries/audit";
import { ledgerHead, listCheckpoints, sealLedger } from "../../db/queries/checkpoints";
import type { AnomalyFlag, Campaign, LedgerCheckpoint } from "../../db/schema";
import { isoInZone } from "../../domain/time";
import { ApiError } from "../../errors";
import { flushCampaign } from "../../shards/barrier";
import type { AppEnv } from "../../types";
import { validate } from "../../validators/hook";
import { FlagParams } from "../../validators/params";
import { FlagsQuery } from "../../validators/queries";
import { FlagDecision } from "../../validators/review";
import { checkpointJson } from "../../views/ledger-json";
import { organizerCampaign } from "../shared/campaign";

/**
 * The review queue and the ledger's seal, for organizers (observers read):
 *   GET  /api/admin/campaigns/:slug/flags?status=open|voided|cleared|all
 *   POST /api/admin/campaigns/:slug/flags/scan
 *   POST /api/admin/campaigns/:slug/flags/:id/void   {reason}
 *   POST /api/admin/campaigns/:slug/flags/:id/clear  {reason}
 *   GET  /api/admin/campaigns/:slug/ledger
 *   POST /api/admin/campaigns/:slug/ledger/seal
 */

function flagJson(campaign: Campaign, f: AnomalyFlag & { countedNow?: number; heldNow?: number }) {
  const tz = campaign.timeZone;
  return {
    id: f.id,
    kind: f.kind,
    subject: f.subject,
    windowStart: isoInZone(f.windowStart, tz),
    windowEnd: isoInZone(f.windowEnd, tz),
    likes: f.likes,
    ...(f.countedNow !== undefined ? { countedNow: f.countedNow } : {}),
    ...(f.heldNow !== undefined ? { heldNow: f.heldNow } : {}),
    detail: f.detail ?? {},
    status: f.status,
    decisionReason: f.decisionReason,
    decidedBy: f.decidedBy,
    decidedAt: f.decidedAt === null ? null : isoInZone(f.decidedAt, tz),
    createdAt: isoInZone(f.createdAt, tz),
    updatedAt: isoInZone(f.updatedAt, tz),
  };
}

export const adminReviewApi = new Hono<AppEnv>()
  .get(
    "/:slug/flags",
    organizerCampaign,
    validate("query", FlagsQuery, "invalid_query"),
    async (c) => {
      const campaign = c.var.campaign;
      const flags = await listFlags(c.var.db, campaign.id, c.req.valid("query").status);
      return c.json({
        scannedAt:
          campaign.anomalyScannedAt === null
            ? null
            : isoInZone(campaign.anomalyScannedAt, campaign.timeZone),
        flags: flags.map((f) => flagJson(campaign, f)),
      });
    },
  )
  .post("/:slug/flags/scan", organizerCampaign, async (c) => {
    const campaign = c.var.campaign;
    const found = await scanAnomalies(c.var.db, campaign, Date.now());
    return c.json({ found });
  })
  .post(
    "/:slug/flags/:id/:decision{void|clear}",
    organizerCampaign,
    validate("param", FlagParams, "flag_not_found", { status: 404, message: "No such flag." }),
    validate("json", FlagDecision),
    async (c) => {
      const campaign = c.var.campaign;
      // The flag's likes still in shards are flushed first, so the decision reaches them (issue 16).
      await flushCampaign(c.env, campaign.id);
      const flag = await findFlag(c.var.db, campaign.id, c.req.valid("param").id);
      if (!flag) throw new ApiError(404, "flag_not_found", "No such flag.");
      const { reason } = c.req.valid("json");
      const { decision } = c.req.valid("param");
      const moved = await decideFlag(c.var.db, flag, decision, reason, c.var.organizer, Date.now());
      if (moved === null) {
        throw new ApiError(409, "flag_decided", `This flag was already decided (${flag.status}).`);
      }
      const after = await findFlag(c.var.db, campaign.id, flag.id);
      return c.json({ ...moved, flag: after ? flagJson(campaign, after) : null });
    },
  )
  .get("/:slug/ledger", organizerCampaign, async (c) => {
    const campaign = c.var.campaign;
    const checkpoints = await listCheckpoints(c.var.db, campaign.id);
    return c.json({
      checkpoints: checkpoints.map((k) => checkpointJson(campaign, k, { detail: true })),
    });
  })
  .post("/:slug/ledger/seal", organizerCampaign, async (c) => {
    const campaign = c.var.campaign;
    await flushCampaign(c.env, campaign.id);
    const now = Date.now();
    const sealed: LedgerCheckpoint[] = [];
    for (;;) {
      const k = await sealLedger(c.var.db, campaign.id, now);
      if (!k) break;
      sealed.push(k);
    }
    if (sealed.length > 0) {
      await c.var.db.batch([
        auditStatement(c.var.db, {
          campaignId: campaign.id,
          actor: c.var.organizer,
          action: "ledger.seal",
          after: {
            checkpoints: sealed.map((k) => ({ seq: k.seq, count: k.rowCount, hash: k.hash })),
          },
          now,
        }),
      ]);
    }
    const head = await ledgerHead(c.var.db, campaign.id);
    return c.json({
      sealed: sealed.length,
      head: head ? checkpointJson(campaign, head, { detail: true }) : null,
    });
  });
