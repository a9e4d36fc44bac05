import { Hono } from "hono";
import { receiptCodeCandidates } from "../../domain/identity";
import type { AppEnv } from "../../types";
import { type ReceiptAnswer, ReceiptPage } from "../../views/pages/receipt-page";
import { requireCampaign } from "../shared/campaign";
import { FLOOD_RETRY_AFTER } from "../shared/flood-guard";
import { lookUpReceipt } from "../shared/receipt-lookup";
import { pageBase, renderPage } from "./page-context";

/**
 * GET /c/:slug/receipt[?code=…] — the voter's page for a receipt (the JSON twin is
 * GET /api/campaigns/:slug/receipts/:code). The code is read however it was typed
 * (`receiptCodeCandidates`); an unknown code answers 404, a network past the lookups' flood
 * guard 429 with Retry-After, each as a page in the voter's language.
 */
export const receiptPages = new Hono<AppEnv>().get("/c/:slug/receipt", async (c) => {
  const campaign = await requireCampaign(c, c.req.param("slug"));
  const typed = (c.req.query("code") ?? "").slice(0, 100);
  let answer: ReceiptAnswer | null = null;
  if (typed.trim() !== "") {
    const candidates = receiptCodeCandidates(typed);
    answer = candidates.length === 0 ? { kind: "malformed" } : null;
    for (const code of candidates) {
      const found = await lookUpReceipt(c, campaign, code);
      if (found.kind !== "not_found") {
        answer = found;
        break;
      }
    }
    answer ??= { kind: "not_found", code: candidates[0] ?? typed };
  }
  if (answer?.kind === "rate_limited") c.header("Retry-After", String(FLOOD_RETRY_AFTER));
  const status = answer?.kind === "not_found" ? 404 : answer?.kind === "rate_limited" ? 429 : 200;
  return renderPage(
    c,
    <ReceiptPage {...pageBase(c)} campaign={campaign} typed={typed} answer={answer} />,
    status,
  );
});
