import { Hono } from "hono";
import * as v from "valibot";
import { findReceipt, pendingReceipt } from "../../db/queries/like-reads";
import { isoInZone } from "../../domain/time";
import { ApiError } from "../../errors";
import { carriedVoterKey, clientIp } from "../../middleware/voter";
import { receiptInShards, receiptInVoterShard } from "../../shards/barrier";
import type { AppEnv } from "../../types";
import { validate } from "../../validators/hook";
import { requireCampaign } from "../shared/campaign";
import { FLOOD_RETRY_AFTER, withinFloodGuard } from "../shared/flood-guard";

/**
 * GET /api/campaigns/:slug/receipts/:code — whether a like is counted, held (recorded, waiting for
 * an organizer's check: 已记录，待核验), or voided and why. Says nothing about who cast it.
 */
const STATUS_TEXT = {
  counted: "已计入",
  held: "已记录，待核验",
  voided: "已核减",
} as const;

/** A receipt code in any case; one that cannot be a receipt is simply not found. */
const ReceiptParams = v.object({
  slug: v.string(),
  code: v.pipe(v.string(), v.toUpperCase(), v.regex(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)),
});

const notFound = "No like has this receipt code.";

/** A script of made-up codes would make every shard of the campaign read for each. */
async function guardShardLookup(env: CloudflareBindings, headers: Headers): Promise<void> {
  if (!(await withinFloodGuard(env, "receipt", clientIp(headers)))) {
    throw new ApiError(
      429,
      "rate_limited",
      "Too many receipt lookups from this network; try again in a minute.",
      { "Retry-After": String(FLOOD_RETRY_AFTER) },
    );
  }
}

export const receiptsApi = new Hono<AppEnv>().get(
  "/:slug/receipts/:code",
  validate("param", ReceiptParams, "receipt_not_found", { status: 404, message: notFound }),
  async (c) => {
    const { slug, code } = c.req.valid("param");
    const campaign = await requireCampaign(c, slug);
    let row = await findReceipt(c.var.db, campaign.id, code);
    if (!row && campaign.ingest === "sharded") {
      // A like acknowledged a moment ago may still be in its shard (issue 16): ask the shards (a
      // read; a made-up code flushes nothing), then D1 again, where a flush may just have put it.
      // The voter's own like (the page that showed the code links here) is in their shard: one
      // read, like a direct campaign's miss. Asking every shard costs N reads, so a network's
      // misses there have the flood guard's budget; a code D1 knows (every like ~1 s after its
      // 201) never reaches this line.
      const voterKey = await carriedVoterKey(c, campaign.identityMode);
      let inShard = voterKey
        ? await receiptInVoterShard(c.env, campaign.id, campaign.shards, voterKey, code)
        : null;
      if (!inShard) {
        await guardShardLookup(c.env, c.req.raw.headers);
        inShard = await receiptInShards(c.env, campaign.id, campaign.shards, code);
      }
      if (inShard) row = await pendingReceipt(c.var.db, campaign.id, inShard);
    }
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
