import { Hono } from "hono";
import { findReceipt } from "../../db/queries/like-reads";
import { isoInZone } from "../../domain/time";
import { ApiError } from "../../errors";
import type { AppEnv } from "../../types";
import { requireCampaign } from "./campaign-loader";

/**
 * GET /api/campaigns/:slug/receipts/:code — whether a like is counted, held (recorded, waiting for
 * an organizer's check: 已记录，待核验), or voided and why. Says nothing about who cast it.
 */
const STATUS_TEXT = {
  counted: "已计入",
  held: "已记录，待核验",
  voided: "已核减",
} as const;

export const receiptsApi = new Hono<AppEnv>().get("/:slug/receipts/:code", async (c) => {
  const code = c.req.param("code").toUpperCase();
  if (!/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(code)) {
    throw new ApiError(404, "receipt_not_found", "No like has this receipt code.");
  }
  const campaign = await requireCampaign(c, c.req.param("slug"));
  const row = await findReceipt(c.var.db, campaign.id, code);
  if (!row) throw new ApiError(404, "receipt_not_found", "No like has this receipt code.");
  return c.json({
    receipt: row.receipt,
    status: row.status,
    statusText: STATUS_TEXT[row.status],
    number: row.number,
    name: row.name,
    likedAt: isoInZone(row.createdAt, campaign.timeZone),
    ...(row.status === "voided"
      ? {
          voidReason: row.voidReason,
          voidedAt: row.voidedAt === null ? null : isoInZone(row.voidedAt, campaign.timeZone),
        }
      : {}),
  });
});
