import type { Context } from "hono";
import { findReceipt, pendingReceipt, type ReceiptRow } from "../../db/queries/like-reads";
import type { Campaign } from "../../db/schema";
import { carriedVoterKey, clientIp } from "../../middleware/voter";
import { receiptInShards, receiptInVoterShard } from "../../shards/barrier";
import type { AppEnv } from "../../types";
import { withinFloodGuard } from "./flood-guard";

/** A receipt lookup's outcome, for the JSON API and the voter's page alike. */
export type ReceiptLookup =
  | { kind: "found"; row: ReceiptRow }
  | { kind: "not_found" }
  /** The code needed every shard, and the network has spent the flood guard's budget. */
  | { kind: "rate_limited" };

/**
 * A like by its receipt code (already in the canonical XXXX-XXXX-XXXX form): D1's row, else, at a
 * sharded campaign, the like still in its shard (issue 16): a read, a made-up code flushes
 * nothing. The voter's own like (the page that showed the code links here) is in their shard:
 * one read, like a direct campaign's miss. Asking every shard costs N reads, so a network's
 * misses there have the flood guard's budget; a code D1 knows (every like ~1 s after its 201)
 * never reaches it.
 */
export async function lookUpReceipt(
  c: Context<AppEnv>,
  campaign: Campaign,
  code: string,
): Promise<ReceiptLookup> {
  const row = await findReceipt(c.var.db, campaign.id, code);
  if (row) return { kind: "found", row };
  if (campaign.ingest !== "sharded") return { kind: "not_found" };
  const voterKey = await carriedVoterKey(c, campaign.identityMode);
  let inShard = voterKey
    ? await receiptInVoterShard(c.env, campaign.id, campaign.shards, voterKey, code)
    : null;
  if (!inShard) {
    if (!(await withinFloodGuard(c.env, "receipt", clientIp(c.req.raw.headers)))) {
      return { kind: "rate_limited" };
    }
    inShard = await receiptInShards(c.env, campaign.id, campaign.shards, code);
  }
  // D1 again inside: a flush may just have put it there.
  return inShard
    ? { kind: "found", row: await pendingReceipt(c.var.db, campaign.id, inShard) }
    : { kind: "not_found" };
}
