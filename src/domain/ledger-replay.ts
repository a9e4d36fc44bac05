import {
  allowedTransition,
  type ChainEvent,
  type ChainRow,
  type LedgerStatus,
} from "./ledger-chain";

/**
 * Replays the status-change events over the exported rows (pure; used by ledger-verify.ts).
 *
 * A row's status when written is the `from` of its first event, or its exported status when it
 * never changed. Walking the events in order, each must start from the row's current status and be
 * an allowed transition. Each exported row's status (and void reason) must be what the events up to
 * its `asOfEvent` give. At each checkpoint (n rows, m events sealed) the counted rows per nominee
 * among the first n rows after the first m events are collected for the caller to hash.
 */

export interface ReplayRow extends ChainRow {
  status: LedgerStatus;
  voidReason: string;
  asOfEvent: number;
  line: number;
}

export interface CountsHead {
  count: number;
  eventCount?: number;
  source: string;
  external?: boolean;
  countsHash?: string;
  counted?: number;
}

export interface ReplayResult<H extends CountsHead> {
  problems: string[];
  warnings: string[];
  checks: { head: H; rowCount: number; eventCount: number; counts: [number, number][] }[];
  finalCounts: Map<number, number>;
}

export function replayStatuses<H extends CountsHead>(
  rows: ReplayRow[],
  events: ChainEvent[],
  heads: H[],
): ReplayResult<H> {
  const problems: string[] = [];
  const warnings: string[] = [];
  const index = new Map(rows.map((r, i) => [r.id, i]));
  const maxId = rows.reduce((m, r) => Math.max(m, r.id), 0);
  const firstFrom = new Map<number, LedgerStatus>();
  for (const e of events) if (!firstFrom.has(e.likeId)) firstFrom.set(e.likeId, e.from);
  const status = rows.map((r) => firstFrom.get(r.id) ?? r.status);
  const reason: (string | null)[] = rows.map(() => null);

  // Counted rows and all rows per nominee among the first `included` rows.
  let included = 0;
  const counted = new Map<number, number>();
  const total = new Map<number, number>();
  const bump = (m: Map<number, number>, k: number, d: number) => m.set(k, (m.get(k) ?? 0) + d);
  const include = (upTo: number) => {
    for (; included < Math.min(upTo, rows.length); included++) {
      const r = rows[included] as ReplayRow;
      bump(total, r.number, 1);
      if (status[included] === "counted") bump(counted, r.number, 1);
    }
  };
  const snapshot = (): [number, number][] =>
    [...total.keys()].map((n) => [n, counted.get(n) ?? 0] as [number, number]);

  const checks: ReplayResult<H>["checks"] = [];
  const pending = heads
    .filter((h) => h.eventCount !== undefined && h.count >= 0)
    .sort((a, b) => (a.eventCount ?? 0) - (b.eventCount ?? 0) || a.count - b.count);
  let p = 0;
  const takeChecks = (applied: number) => {
    while (p < pending.length && (pending[p]?.eventCount ?? 0) <= applied) {
      const head = pending[p++] as H;
      if (head.count < included) {
        // Checkpoints come in order; a forged one out of order is simply compared as it stands.
        problems.push(`${head.source}: its rows and status changes are out of order`);
        continue;
      }
      include(head.count);
      checks.push({
        head,
        rowCount: head.count,
        eventCount: head.eventCount ?? 0,
        counts: snapshot(),
      });
    }
  };

  // Rows, by the event their status is as of.
  const byAsOf = rows.map((r, i) => ({ asOf: r.asOfEvent, i })).sort((a, b) => a.asOf - b.asOf);
  let q = 0;
  /** Checks the rows whose status is as of an event before `beforeEvent` (all with Infinity). */
  const checkRows = (beforeEvent: number) => {
    while (
      q < byAsOf.length &&
      (beforeEvent === Number.POSITIVE_INFINITY || (byAsOf[q]?.asOf ?? 0) < beforeEvent)
    ) {
      const { i } = byAsOf[q++] as { i: number };
      const r = rows[i] as ReplayRow;
      if (status[i] !== r.status) {
        problems.push(
          `line ${r.line}: row ${r.id} is exported as ${r.status}, its status changes give ${status[i]}`,
        );
      } else if (r.status === "voided" && reason[i] !== null && reason[i] !== r.voidReason) {
        problems.push(`line ${r.line}: row ${r.id}'s void reason is not the one its void recorded`);
      } else if (r.status !== "voided" && r.voidReason !== "") {
        problems.push(`line ${r.line}: row ${r.id} is ${r.status} but carries a void reason`);
      }
    }
  };

  takeChecks(0);
  for (const [n, e] of events.entries()) {
    checkRows(e.id);
    const i = index.get(e.likeId);
    if (i === undefined) {
      if (e.likeId > maxId) {
        warnings.push(
          `status change ${e.id} is about row ${e.likeId}, written after this export's rows`,
        );
      } else {
        problems.push(
          `status change ${e.id} is about row ${e.likeId}, which the export does not have`,
        );
      }
    } else {
      const cur = status[i] as LedgerStatus;
      if (cur !== e.from) {
        problems.push(
          `status change ${e.id}: row ${e.likeId} was ${cur}, the change says ${e.from}`,
        );
      } else if (!allowedTransition(e.from, e.to)) {
        problems.push(`status change ${e.id}: ${e.from} → ${e.to} is not allowed`);
      }
      if (i < included) {
        const num = (rows[i] as ReplayRow).number;
        bump(counted, num, (e.to === "counted" ? 1 : 0) - (cur === "counted" ? 1 : 0));
      }
      status[i] = e.to;
      reason[i] = e.to === "voided" ? e.reason : null;
    }
    takeChecks(n + 1);
  }
  checkRows(Number.POSITIVE_INFINITY);
  takeChecks(Number.POSITIVE_INFINITY);

  const finalCounts = new Map<number, number>();
  for (const [i, r] of rows.entries()) {
    if (!finalCounts.has(r.number)) finalCounts.set(r.number, 0);
    if (status[i] === "counted") bump(finalCounts, r.number, 1);
  }
  return { problems, warnings, checks, finalCounts };
}
