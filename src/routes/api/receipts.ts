import { Hono } from "hono";
import * as v from "valibot";
import { isoInZone } from "../../domain/time";
import { ApiError } from "../../errors";
import type { AppEnv } from "../../types";
import { validate } from "../../validators/hook";
import { MESSAGES } from "../../views/i18n";
import { requireCampaign } from "../shared/campaign";
import { FLOOD_RETRY_AFTER } from "../shared/flood-guard";
import { lookUpReceipt } from "../shared/receipt-lookup";

/**
 * GET /api/campaigns/:slug/receipts/:code — whether a like is counted, held (recorded, waiting for
 * an organizer's check: 已记录，待核验), or voided and why. Says nothing about who cast it. Its
 * `statusText` is the voter's page's wording (查询点赞凭证), in Chinese.
 */
const STATUS_TEXT = MESSAGES["zh-CN"].receipt.status;

/** A receipt code in any case; one that cannot be a receipt is simply not found. */
const ReceiptParams = v.object({
  slug: v.string(),
  code: v.pipe(v.string(), v.toUpperCase(), v.regex(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)),
});

const notFound = "No like has this receipt code.";

export const receiptsApi = new Hono<AppEnv>().get(
  "/:slug/receipts/:code",
  validate("param", ReceiptParams, "receipt_not_found", { status: 404, message: notFound }),
  async (c) => {
    const { slug, code } = c.req.valid("param");
    const campaign = await requireCampaign(c, slug);
    const found = await lookUpReceipt(c, campaign, code);
    if (found.kind === "rate_limited") {
      throw new ApiError(
        429,
        "rate_limited",
        "Too many receipt lookups from this network; try again in a minute.",
        { "Retry-After": String(FLOOD_RETRY_AFTER) },
      );
    }
    const row = found.kind === "found" ? found.row : null;
    if (!row) throw new ApiError(404, "receipt_not_found", notFound);
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
  },
);
