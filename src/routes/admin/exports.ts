import { Hono } from "hono";
import { chainEvents, ledgerHead } from "../../db/queries/checkpoints";
import { combinedResult } from "../../db/queries/combined";
import { ledgerPageAsOf, voidLikes } from "../../db/queries/ledger";
import { findNominee } from "../../db/queries/nominees";
import type { Campaign, LedgerCheckpoint } from "../../db/schema";
import { campaignStatus } from "../../domain/campaign-status";
import { csvLine, UTF8_BOM } from "../../domain/csv";
import { chainStep, eventStep, GENESIS } from "../../domain/ledger-chain";
import { ledgerHeader, ledgerStatus, ledgerWidth } from "../../domain/ledger-columns";
import { canonicalResultsCsv, resultsCsv, sha256Hex } from "../../domain/results-export";
import { isoInZone, isoInZoneFormatter, parseInstant } from "../../domain/time";
import { ApiError } from "../../errors";
import { flushCampaign } from "../../shards/barrier";
import type { AppEnv } from "../../types";
import { VoidRequest } from "../../validators/campaign";
import { validate } from "../../validators/hook";
import { ExportQuery } from "../../validators/queries";
import { headJson } from "../../views/ledger-json";
import { combinedJson } from "../../views/selection-json";
import { organizerCampaign } from "../shared/campaign";
import { exportRows } from "../shared/export-rows";

const filename = (campaign: Campaign, suffix: string, ext: string) =>
  `attachment; filename="${campaign.slug}-${suffix}.${ext}"; filename*=UTF-8''${encodeURIComponent(`${campaign.title}-${suffix}.${ext}`)}`;

/** Ledger rows per page while streaming votes.csv: bounded memory whatever the ledger's size. */
const LEDGER_PAGE = 2000;
const MAX_ID = Number.MAX_SAFE_INTEGER;

/** votes.csv's columns in English (the `?lang=en` header an admin gets). */
export const LEDGER_HEADERS = ledgerHeader("en", true);

/**
 * The last lines of votes.csv: the published ledger head (what an auditor compares with the public
 * GET /api/campaigns/:slug/ledger), with its sealed events and counted totals, then the chains
 * over the rows and over the status-change events in this file.
 */
function ledgerTrailer(
  campaign: Campaign,
  head: LedgerCheckpoint | null,
  rows: number,
  chain: string,
  events: number,
  eventChain: string,
): string {
  return (
    csvLine([
      "#ledger_head",
      head?.rowCount ?? 0,
      head?.hash ?? GENESIS,
      head ? isoInZone(head.createdAt, campaign.timeZone) : "",
      head?.seq ?? 0,
      head?.eventCount ?? 0,
      head?.eventHash ?? GENESIS,
      head?.counted ?? "",
      head?.countsHash ?? "",
    ]) +
    csvLine(["#export_chain", rows, chain]) +
    csvLine(["#export_events", events, eventChain])
  );
}

const exportQuery = validate("query", ExportQuery, "invalid_query");

export const adminExportsApi = new Hono<AppEnv>()
  .get("/:slug/export.csv", organizerCampaign, exportQuery, async (c) => {
    const campaign = c.var.campaign;
    // Every acknowledged like in D1 first (the like shards' barrier, issue 16).
    await flushCampaign(c.env, campaign.id);
    const { lang } = c.req.valid("query");
    const head = headJson(campaign, await ledgerHead(c.var.db, campaign.id));
    c.header("Content-Type", "text/csv; charset=utf-8");
    // One row per nominee stays the contract, so the head rides in a header here.
    c.header("Ledger-Head", `count=${head.count}; hash=${head.hash}; seq=${head.seq}`);
    c.header("Content-Disposition", filename(campaign, "results", "csv"));
    c.header("Cache-Control", "no-store");
    return c.body(resultsCsv(await exportRows(c.var.db, campaign), lang));
  })
  .get("/:slug/export.json", organizerCampaign, async (c) => {
    const campaign = c.var.campaign;
    await flushCampaign(c.env, campaign.id);
    const now = Date.now();
    const [rows, head, result] = await Promise.all([
      exportRows(c.var.db, campaign),
      ledgerHead(c.var.db, campaign.id),
      combinedResult(c.var.db, campaign),
    ]);
    c.header("Content-Disposition", filename(campaign, "results", "json"));
    c.header("Cache-Control", "no-store");
    return c.json({
      campaign: {
        slug: campaign.slug,
        title: campaign.title,
        organizer: campaign.organizer,
        status: campaign.draft ? "draft" : campaignStatus(campaign, now),
        timeZone: campaign.timeZone,
        opensAt: isoInZone(campaign.opensAt, campaign.timeZone),
        closesAt: isoInZone(campaign.closesAt, campaign.timeZone),
        rules: {
          likesPerCandidatePerDay: campaign.likesPerCandidatePerDay,
          likesPerVoterPerDay: campaign.likesPerVoterPerDay,
        },
        showCounts: campaign.showCounts,
      },
      exportedAt: isoInZone(now, campaign.timeZone),
      totalLikes: rows.reduce((s, r) => s + r.likes, 0),
      candidates: rows,
      ...(result.scoringClosed && { combined: combinedJson(result) }),
      sha256: await sha256Hex(canonicalResultsCsv(rows)),
      sha256Of: "export.csv (Chinese headers), byte for byte",
      ledger: headJson(campaign, head),
    });
  })
  .get("/:slug/votes.csv", organizerCampaign, exportQuery, async (c) => {
    const campaign = c.var.campaign;
    await flushCampaign(c.env, campaign.id);
    const db = c.var.db;
    const encoder = new TextEncoder();
    const head = await ledgerHead(db, campaign.id);
    let afterId = 0;
    let afterEvent = 0;
    let started = false;
    // The chains over exactly the rows and events sent, so the file can be checked on its own as
    // well as against the published checkpoints (npm run verify).
    let chain = GENESIS;
    let eventChain = GENESIS;
    let rows = 0;
    let events = 0;
    let phase: "rows" | "events" | "ended" = "rows";
    const iso = isoInZoneFormatter(campaign.timeZone);
    const { lang } = c.req.valid("query");
    // The network hash and the signals are an admin's only (docs/privacy.md).
    const admin = c.var.organizer.role === "admin";
    const width = ledgerWidth(admin);
    // Pull-based: the next page is read only when the client has taken the previous one.
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(UTF8_BOM + csvLine(ledgerHeader(lang, admin))));
          return;
        }
        if (phase === "ended") {
          controller.close();
          return;
        }
        if (phase === "events") {
          // Every status change after the rows, oldest first (one line per row changed).
          const page = await chainEvents(db, campaign.id, afterEvent, MAX_ID, LEDGER_PAGE);
          if (page.length === 0) {
            phase = "ended";
            controller.enqueue(
              encoder.encode(ledgerTrailer(campaign, head, rows, chain, events, eventChain)),
            );
            return;
          }
          let chunk = "";
          for (const e of page) {
            chunk += csvLine([
              "#event",
              e.id,
              iso(e.seconds * 1000),
              e.likeId,
              ledgerStatus(e.from, lang),
              ledgerStatus(e.to, lang),
              e.actor,
              e.reason,
              e.change,
            ]);
            eventChain = eventStep(eventChain, e);
          }
          events += page.length;
          afterEvent = page[page.length - 1]?.id ?? afterEvent;
          controller.enqueue(encoder.encode(chunk));
          return;
        }
        const { rows: page, asOfEvent } = await ledgerPageAsOf(
          db,
          campaign.id,
          afterId,
          LEDGER_PAGE,
        );
        if (page.length === 0) {
          phase = "events";
          controller.enqueue(encoder.encode(""));
          return;
        }
        let chunk = "";
        for (const r of page) {
          chunk += csvLine(
            [
              r.id,
              iso(r.createdAt),
              r.number,
              r.voterHash,
              r.ipHash,
              ledgerStatus(r.status, lang),
              r.voidReason ?? "",
              r.voidedBy ?? "",
              r.receipt,
              r.day,
              // This status is the one after the events up to this id (read in the same batch).
              asOfEvent,
              // Admin-only, last (ledger-columns.ts): cut off for everyone else.
              r.ipPrefixHash,
              r.signals,
            ].slice(0, width),
          );
          chain = chainStep(chain, {
            id: r.id,
            seconds: Math.floor(r.createdAt / 1000),
            number: r.number,
            voterHash: r.voterHash,
            ipHash: r.ipHash,
            receipt: r.receipt,
            day: r.day,
          });
        }
        rows += page.length;
        afterId = page[page.length - 1]?.id ?? afterId;
        controller.enqueue(encoder.encode(chunk));
      },
    });
    c.header("Content-Type", "text/csv; charset=utf-8");
    c.header("Content-Disposition", filename(campaign, "ledger", "csv"));
    c.header("Cache-Control", "no-store");
    return c.body(body);
  })
  .post("/:slug/votes/void", organizerCampaign, validate("json", VoidRequest), async (c) => {
    const campaign = c.var.campaign;
    // A void reaches every acknowledged like: the ones still in shards are flushed first.
    await flushCampaign(c.env, campaign.id);
    const req = c.req.valid("json");
    let nomineeId: number | undefined;
    if (req.number !== undefined) {
      const nominee = await findNominee(c.var.db, campaign.id, req.number);
      if (!nominee)
        throw new ApiError(404, "candidate_not_found", `No nominee number ${req.number}.`);
      nomineeId = nominee.id;
    }
    const voided = await voidLikes(
      c.var.db,
      campaign.id,
      {
        voterHash: req.voterHash,
        ipHash: req.ipHash,
        network: req.network,
        from: req.from ? (parseInstant(req.from) ?? undefined) : undefined,
        to: req.to ? (parseInstant(req.to) ?? undefined) : undefined,
        nomineeId,
      },
      req.reason,
      c.var.organizer,
      Date.now(),
    );
    return c.json({ voided });
  });
