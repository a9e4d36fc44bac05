import type { Campaign, LedgerCheckpoint } from "../db/schema";
import { GENESIS } from "../domain/ledger-chain";
import { isoInZone } from "../domain/time";

/**
 * A ledger checkpoint as the API, the console and the exports show it. `count` is left out where
 * the public may not see counts (it would tell the total); `detail` adds what auditors in the
 * console use (the last row sealed and the previous hash).
 */
export function checkpointJson(
  campaign: Campaign,
  k: LedgerCheckpoint,
  opts: { showCount?: boolean; detail?: boolean } = {},
) {
  const { showCount = true, detail = false } = opts;
  return {
    seq: k.seq,
    ...(showCount ? { count: k.rowCount } : {}),
    ...(detail ? { lastLikeId: k.lastLikeId } : {}),
    hash: k.hash,
    ...(detail ? { prevHash: k.prevHash } : {}),
    time: isoInZone(k.createdAt, campaign.timeZone),
    // The status changes sealed (their count and chain), and the counted total per nominee at
    // this checkpoint as a hash (with the sum where counts are shown). Absent before migration 0007.
    events: k.eventCount,
    eventHash: k.eventHash,
    ...(showCount && k.countsHash !== null
      ? { counted: k.counted ?? undefined, countsHash: k.countsHash }
      : {}),
    ...(detail ? { lastEventId: k.lastEventId } : {}),
  };
}

/** The head as exports and the public endpoint carry it: the genesis before the first seal. */
export function headJson(
  campaign: Campaign,
  head: LedgerCheckpoint | null,
  opts: { showCount?: boolean } = {},
) {
  if (head) return checkpointJson(campaign, head, opts);
  return {
    seq: 0,
    ...(opts.showCount === false ? {} : { count: 0 }),
    hash: GENESIS,
    time: null,
    events: 0,
    eventHash: GENESIS,
  };
}
