import * as v from "valibot";
import { Instant, RequiredText } from "./common";
import { bilingual } from "./messages";

/**
 * Bulk status decisions on the ledger (release or void held likes, reinstate voids) and the
 * preview before them. Hashes are what votes.csv and the review queue show; `network` is the
 * ip_prefix_hash (an IPv4 /24 or IPv6 /64).
 */
/** The longest each field takes (the console's void, held and reinstate forms read them). */
export const LEDGER_LIMITS = { reason: 500, network: 80, hash: 32 } as const;
const L = LEDGER_LIMITS;

const Hash = (label: string) =>
  v.pipe(
    v.string(),
    v.regex(new RegExp(`^[0-9a-f]{${L.hash}}$`), `${label} must be ${L.hash} hex characters`),
  );

const filterFields = {
  number: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  network: v.optional(
    v.pipe(
      v.string(),
      v.regex(new RegExp(`^[0-9a-z-]{1,${L.network}}$`), "network must be a network hash"),
    ),
  ),
  voterHash: v.optional(Hash("voterHash")),
  ipHash: v.optional(Hash("ipHash")),
  from: v.optional(Instant),
  to: v.optional(Instant),
};

/** Held likes to release or void: all of them, or those of one nominee / network / time range. */
export const HeldDecision = v.object({
  ...filterFields,
  reason: RequiredText(L.reason, "reason"),
});
export type HeldDecision = v.InferOutput<typeof HeldDecision>;

/** Voided likes to count again: one earlier decision, one receipt, or a filter. */
export const ReinstateRequest = v.pipe(
  v.object({
    ...filterFields,
    change: v.optional(v.pipe(v.string(), v.uuid("change must be a decision id"))),
    receipt: v.optional(
      v.pipe(
        v.string(),
        v.toUpperCase(),
        v.regex(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/, "receipt must look like ABCD-EFGH-JKMN"),
      ),
    ),
    reason: RequiredText(L.reason, "reason"),
  }),
  v.check(
    (r) =>
      [r.change, r.receipt, r.number, r.network, r.voterHash, r.ipHash, r.from, r.to].some(
        (x) => x !== undefined,
      ),
    bilingual(
      "give at least one of change, receipt, number, network, voterHash, ipHash, from, to",
      "请至少填写一个条件：处理记录、点赞凭证、编号、网段、投票人哈希、IP 哈希、起或止。",
    ),
  ),
);
export type ReinstateRequest = v.InferOutput<typeof ReinstateRequest>;

/** The preview's query string: the same filters, as text. */
export const MatchQuery = v.object({
  number: v.optional(v.pipe(v.string(), v.regex(/^\d{1,6}$/), v.transform(Number))),
  network: filterFields.network,
  voterHash: filterFields.voterHash,
  ipHash: filterFields.ipHash,
  from: filterFields.from,
  to: filterFields.to,
});
