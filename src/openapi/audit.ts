import * as v from "valibot";
import { ResultsExport, Voided } from "../contract/admin";
import {
  AdminLedger,
  FlagList,
  HeldLikes,
  Sealed,
  StatusChanges,
  StatusCounts,
} from "../contract/review";
import { VoidRequest } from "../validators/campaign";
import { HeldDecision, ReinstateRequest } from "../validators/ledger-status";
import { FlagDecision } from "../validators/review";
import {
  badQuery,
  campaign404,
  campaignRead,
  err,
  invalidBody,
  media,
  nominee404,
  type OperationDocs,
  object,
  ok,
} from "./operation";

const lang = v.object({
  lang: v.optional(
    v.pipe(v.picklist(["zh", "en"]), v.description("Header labels: zh (default) or en.")),
  ),
});

/** Exports, the ledger, voiding and the review of flagged and held likes (DESIGN §4). */
export const AUDIT_OPERATIONS: OperationDocs = {
  "GET /api/admin/campaigns/:slug/export.csv": {
    summary: "导出结果 CSV Final counts as CSV",
    description:
      "UTF-8 with a BOM; columns rank, number, name, position, unit, group, likes; Chinese " +
      "header labels unless `lang=en`; cells starting with = + - @ neutralised.",
    tag: "exports",
    auth: "organizer",
    query: lang,
    responses: {
      200: media("text/csv; charset=utf-8", "The CSV."),
      400: badQuery,
      404: campaign404,
    },
  },
  "GET /api/admin/campaigns/:slug/export.json": campaignRead(
    "exports",
    "导出结果 JSON Final counts with metadata and the CSV's sha256",
    "The export.",
    ResultsExport,
  ),
  "GET /api/admin/campaigns/:slug/votes.csv": {
    summary: "点赞台账 CSV The whole ledger, streamed",
    description:
      "id, time, number, voter hash, IP hash, status, void reason (and the chain's trailer).",
    tag: "exports",
    auth: "organizer",
    query: lang,
    responses: {
      200: media("text/csv; charset=utf-8", "The ledger."),
      400: badQuery,
      404: campaign404,
    },
  },
  "POST /api/admin/campaigns/:slug/votes/void": {
    summary: "核减点赞 Void likes by voter, network, nominee or time",
    description: "Counts drop at once; audit-logged.",
    tag: "review",
    auth: "admin",
    body: VoidRequest,
    responses: { 200: ok("How many were voided.", Voided), 400: invalidBody, 404: nominee404 },
  },
  "POST /api/admin/campaigns/:slug/votes/reinstate": {
    summary: "恢复点赞 Reinstate voided likes",
    tag: "review",
    auth: "admin",
    body: ReinstateRequest,
    responses: {
      200: ok("How many were reinstated.", v.object({ reinstated: v.number() })),
      400: invalidBody,
      404: nominee404,
    },
  },
  "GET /api/admin/campaigns/:slug/votes/matches": {
    summary: "匹配点赞 How many likes a filter matches, by status",
    tag: "review",
    auth: "organizer",
    responses: {
      200: ok("How many likes the filter matches, by status.", StatusCounts),
      400: err("A query parameter is not valid.", "invalid_query"),
      404: nominee404,
    },
  },
  "GET /api/admin/campaigns/:slug/votes/changes": campaignRead(
    "review",
    "状态变更 The likes' status changes, newest first",
    "The newest 50 decisions.",
    StatusChanges,
  ),
  "GET /api/admin/campaigns/:slug/held": campaignRead(
    "review",
    "待核验 Held likes per nominee",
    "Held likes in all, and per nominee.",
    HeldLikes,
  ),
  "POST /api/admin/campaigns/:slug/held/:decision{release|void}": {
    summary: "放行或核减待核验 Release or void held likes",
    tag: "review",
    auth: "admin",
    body: HeldDecision,
    responses: {
      200: ok(
        "How many were released or voided.",
        v.union([v.object({ released: v.number() }), v.object({ voided: v.number() })]),
      ),
      400: invalidBody,
      404: nominee404,
    },
  },
  "GET /api/admin/campaigns/:slug/flags": {
    summary: "异常标记 Anomaly flags",
    tag: "review",
    auth: "organizer",
    query: v.object({ status: v.optional(v.picklist(["open", "voided", "cleared", "all"])) }),
    responses: {
      200: ok("The flags and when the last scan ran.", FlagList),
      400: err("`status` is not one of open, voided, cleared, all.", "invalid_query"),
      404: campaign404,
    },
  },
  "POST /api/admin/campaigns/:slug/flags/scan": {
    summary: "扫描异常 Look for anomalies now",
    tag: "review",
    auth: "admin",
    responses: {
      200: ok("How many new flags.", v.object({ found: v.number() })),
      404: campaign404,
    },
  },
  "POST /api/admin/campaigns/:slug/flags/:id/:decision{void|clear}": {
    summary: "处理异常 Void or clear a flag's likes",
    tag: "review",
    auth: "admin",
    body: FlagDecision,
    responses: {
      200: object("What moved, and the flag."),
      400: invalidBody,
      404: err("No such flag.", "campaign_not_found", "flag_not_found"),
      409: err("The flag was already decided.", "flag_decided"),
    },
  },
  "GET /api/admin/campaigns/:slug/ledger": campaignRead(
    "exports",
    "台账检查点 The ledger's checkpoints, in detail",
    "Every checkpoint, in detail.",
    AdminLedger,
  ),
  "POST /api/admin/campaigns/:slug/ledger/seal": {
    summary: "封存台账 Seal a checkpoint now",
    tag: "exports",
    auth: "admin",
    responses: {
      200: ok("How many checkpoints were sealed, and the head.", Sealed),
      404: campaign404,
    },
  },
};
