import { parseCsv } from "./csv";
import {
  allowedTransition,
  type ChainEvent,
  type ChainRow,
  chainStep,
  countsHash,
  eventStep,
  GENESIS,
  type LedgerStatus,
} from "./ledger-chain";
import { ledgerColumnKey, ledgerStatusKey } from "./ledger-columns";
import { replayStatuses } from "./ledger-replay";
import { EXPORT_HEADERS } from "./results-export";

/**
 * Verifies an exported votes.csv (npm run verify):
 *   1. the rows' hash chain against checkpoints — the ones the export carries, and any the verifier
 *      got elsewhere (the public GET /api/campaigns/:slug/ledger: the export's own trailer proves
 *      nothing against someone who rewrote the whole file);
 *   2. the status-change events' chain against the same checkpoints;
 *   3. the statuses: replaying the events over the rows must give each row's status and void
 *      reason as exported, and the counted total per nominee each checkpoint sealed;
 *   4. the final counted totals, which the caller can compare with export.csv (`compareResults`).
 */

export interface KnownHead {
  /** Rows the checkpoint covers; -1 when unknown (counts hidden): then any row may match. */
  count: number;
  hash: string;
  source: string;
  /**
   * Published elsewhere (the server), not carried by the file: a checkpoint newer than the export
   * is "not covered" rather than a failure.
   */
  external?: boolean;
  /** Status-change events the checkpoint sealed, and their chain (checkpoints since 0007). */
  eventCount?: number;
  eventHash?: string;
  /** The counted total per nominee it sealed (ledger-chain.ts `countsHash`), and their sum. */
  countsHash?: string;
  counted?: number;
}

export interface LedgerCsvRow extends ChainRow {
  status: LedgerStatus;
  voidReason: string;
  /** The newest event the row's status already reflects (Infinity for exports before 0007). */
  asOfEvent: number;
  line: number;
}

export interface VerifyReport {
  ok: boolean;
  rows: number;
  /** Chain value after the last row of the export. */
  hash: string;
  events: number;
  eventHash: string;
  checked: { source: string; count: number; matches: boolean; what?: string }[];
  problems: string[];
  /** Published checkpoints newer than the export: fine for an older export, worth saying. */
  warnings: string[];
  /** Counted likes per nominee number after every event in the export. */
  counts: Map<number, number>;
}

const TRAILER_HEAD = "#ledger_head";
const TRAILER_CHAIN = "#export_chain";
const TRAILER_EVENTS = "#export_events";
const EVENT = "#event";
const STATUSES = new Set(["counted", "held", "voided"]);

/**
 * The columns this verifier reads, by their English names; Chinese headers map onto these
 * (ledger-columns.ts `ledgerColumnKey`).
 */
export const LEDGER_COLUMNS = {
  id: "id",
  time: "time",
  number: "number",
  voterHash: "voter_hash",
  ipHash: "ip_hash",
  status: "status",
  voidReason: "void_reason",
  receipt: "receipt",
  day: "day",
  asOfEvent: "as_of_event",
} as const;

const num = (cell: string | undefined) =>
  cell === undefined || cell === "" ? Number.NaN : Number(cell);
const maybe = (cell: string | undefined) => (cell === undefined || cell === "" ? undefined : cell);

/** Parses the ledger rows, the status-change events and the trailer lines of votes.csv. */
export function readLedgerCsv(text: string): {
  rows: LedgerCsvRow[];
  events: ChainEvent[];
  heads: KnownHead[];
  problems: string[];
} {
  const records = parseCsv(text.replace(/^\uFEFF/, ""));
  const [header, ...lines] = records;
  const problems: string[] = [];
  // Chinese (the default) or English (?lang=en) headers: both name the same columns.
  const keys = (header ?? []).map(ledgerColumnKey);
  const col = (name: string) => keys.indexOf(name);
  const idx = Object.fromEntries(
    Object.entries(LEDGER_COLUMNS).map(([k, name]) => [k, col(name)]),
  ) as Record<keyof typeof LEDGER_COLUMNS, number>;
  const required = ["id", "time", "number", "voterHash", "ipHash", "receipt", "day"] as const;
  if (required.some((k) => idx[k] < 0)) {
    return {
      rows: [],
      events: [],
      heads: [],
      problems: ["not a votes.csv export: a column is missing"],
    };
  }
  const rows: LedgerCsvRow[] = [];
  const events: ChainEvent[] = [];
  const heads: KnownHead[] = [];
  for (const [i, cells] of lines.entries()) {
    if (cells.length === 1 && cells[0] === "") continue;
    const first = cells[0] ?? "";
    if (first === TRAILER_HEAD) {
      heads.push({
        count: Number(cells[1]),
        hash: cells[2] ?? "",
        source: "the export's ledger head",
        eventCount: maybe(cells[5]) === undefined ? undefined : num(cells[5]),
        eventHash: maybe(cells[6]),
        counted: maybe(cells[7]) === undefined ? undefined : num(cells[7]),
        countsHash: maybe(cells[8]),
      });
      continue;
    }
    if (first === TRAILER_CHAIN) {
      heads.push({
        count: Number(cells[1]),
        hash: cells[2] ?? "",
        source: "the export's own chain",
      });
      continue;
    }
    if (first === TRAILER_EVENTS) {
      heads.push({
        count: -2, // rows: not this line's business
        hash: "",
        source: "the export's own event chain",
        eventCount: num(cells[1]),
        eventHash: cells[2] ?? "",
      });
      continue;
    }
    if (first === EVENT) {
      const ms = Date.parse(cells[2] ?? "");
      const e: ChainEvent = {
        id: num(cells[1]),
        seconds: Math.floor(ms / 1000),
        likeId: num(cells[3]),
        // 有效/待核验/已核减 in the Chinese file: the chain hashes the English status.
        from: ledgerStatusKey(cells[4] ?? "") as LedgerStatus,
        to: ledgerStatusKey(cells[5] ?? "") as LedgerStatus,
        actor: cells[6] ?? "",
        reason: cells[7] ?? "",
        change: cells[8] ?? "",
      };
      if (
        !Number.isInteger(e.id) ||
        !Number.isInteger(e.likeId) ||
        !Number.isFinite(ms) ||
        !STATUSES.has(e.from) ||
        !STATUSES.has(e.to)
      ) {
        problems.push(`line ${i + 2}: not a status-change event`);
        continue;
      }
      events.push(e);
      continue;
    }
    const at = (k: keyof typeof idx) => (idx[k] < 0 ? "" : (cells[idx[k]] ?? ""));
    const ms = Date.parse(at("time"));
    const status = (ledgerStatusKey(at("status")) || "counted") as LedgerStatus;
    const asOf = at("asOfEvent");
    const row: LedgerCsvRow = {
      id: Number(at("id")),
      seconds: Math.floor(ms / 1000),
      number: Number(at("number")),
      voterHash: at("voterHash"),
      ipHash: at("ipHash"),
      receipt: at("receipt"),
      day: at("day"),
      status,
      voidReason: at("voidReason"),
      asOfEvent: asOf === "" ? Number.POSITIVE_INFINITY : Number(asOf),
      line: i + 2,
    };
    if (
      !Number.isInteger(row.id) ||
      !Number.isFinite(ms) ||
      !Number.isInteger(row.number) ||
      !STATUSES.has(status) ||
      Number.isNaN(row.asOfEvent)
    ) {
      problems.push(`line ${i + 2}: not a ledger row`);
      continue;
    }
    rows.push(row);
  }
  return { rows, events, heads, problems };
}

export function verifyLedger(text: string, external: KnownHead[] = []): VerifyReport {
  const { rows, events, heads, problems } = readLedgerCsv(text);
  const all = [...heads, ...external.map((h) => ({ ...h, external: true }))];
  const warnings: string[] = [];
  const checked: VerifyReport["checked"] = [];

  // 1. The rows' chain.
  const rowHeads = all.filter((h) => h.count !== -2);
  const wanted = rowHeads.filter((h) => h.count > 0 || h.hash === GENESIS);
  const anywhere = new Map(rowHeads.filter((h) => h.count < 0).map((h) => [h.hash, h]));
  const found = new Set<string>();
  const byCount = new Map<number, KnownHead[]>();
  for (const h of wanted) byCount.set(h.count, [...(byCount.get(h.count) ?? []), h]);
  let hash = GENESIS;
  let lastId = 0;
  const check = (count: number) => {
    for (const h of byCount.get(count) ?? []) {
      checked.push({ source: h.source, count, matches: h.hash === hash, what: "rows" });
    }
  };
  check(0);
  for (const [i, row] of rows.entries()) {
    if (row.id <= lastId) problems.push(`row id ${row.id} is out of order or repeated`);
    lastId = row.id;
    hash = chainStep(hash, row);
    check(i + 1);
    const any = anywhere.get(hash);
    if (any && !found.has(hash)) {
      found.add(hash);
      checked.push({ source: any.source, count: i + 1, matches: true, what: "rows" });
    }
  }
  for (const [h, head] of anywhere) {
    if (!found.has(h)) {
      checked.push({ source: head.source, count: -1, matches: false, what: "rows" });
      problems.push(`no prefix of the export's rows gives the hash of ${head.source}`);
    }
  }
  for (const h of wanted) {
    if (h.count > rows.length) {
      if (h.external) {
        warnings.push(
          `${h.source} covers ${h.count} rows, more than this export's ${rows.length}: not checked`,
        );
        continue;
      }
      checked.push({ source: h.source, count: h.count, matches: false, what: "rows" });
      problems.push(`${h.source} covers ${h.count} rows but the export has only ${rows.length}`);
    }
  }
  for (const c of checked) {
    if (!c.matches && c.count >= 0 && c.count <= rows.length) {
      problems.push(`the chain after ${c.count} rows does not match ${c.source}`);
    }
  }

  // 2. The events' chain.
  const eventHeads = all.filter((h) => h.eventCount !== undefined && h.eventHash !== undefined);
  let eventHash = GENESIS;
  let lastEvent = 0;
  const eventChecks = (n: number) => {
    for (const h of eventHeads) {
      if (h.eventCount !== n) continue;
      const matches = h.eventHash === eventHash;
      checked.push({ source: h.source, count: n, matches, what: "events" });
      if (!matches) problems.push(`the event chain after ${n} events does not match ${h.source}`);
    }
  };
  eventChecks(0);
  for (const [i, e] of events.entries()) {
    if (e.id <= lastEvent) problems.push(`event ${e.id} is out of order or repeated`);
    lastEvent = e.id;
    eventHash = eventStep(eventHash, e);
    eventChecks(i + 1);
  }
  for (const h of eventHeads) {
    if ((h.eventCount ?? 0) <= events.length) continue;
    if (h.external) {
      warnings.push(`${h.source} seals ${h.eventCount} status changes, more than this export's`);
    } else {
      problems.push(
        `${h.source} seals ${h.eventCount} status changes but the export has ${events.length}`,
      );
    }
  }

  // 3. Replay the statuses: each row as exported, each checkpoint's counted totals.
  const countHeads = all.filter(
    (h) => h.countsHash !== undefined && h.count >= 0 && h.eventCount !== undefined,
  );
  const replay = replayStatuses(rows, events, countHeads);
  problems.push(...replay.problems);
  warnings.push(...replay.warnings);
  for (const r of replay.checks) {
    if (r.eventCount > events.length || r.rowCount > rows.length) {
      if (!r.head.external) {
        problems.push(`${r.head.source}: its counted totals cover more than the export`);
      }
      continue;
    }
    const matches = countsHash(r.counts) === r.head.countsHash;
    checked.push({ source: r.head.source, count: r.rowCount, matches, what: "counted totals" });
    if (!matches) {
      const sum = r.counts.reduce((s, [, n]) => s + n, 0);
      problems.push(
        `the counted totals per nominee after ${r.rowCount} rows and ${r.eventCount} status changes ` +
          `(${sum} counted) do not match ${r.head.source}` +
          (r.head.counted !== undefined ? ` (${r.head.counted} counted)` : ""),
      );
    }
  }

  return {
    ok: problems.length === 0 && checked.some((c) => c.matches),
    rows: rows.length,
    hash,
    events: events.length,
    eventHash,
    checked,
    problems,
    warnings,
    counts: replay.finalCounts,
  };
}

export { allowedTransition };

/**
 * Compares the counted totals replayed from votes.csv with a results export (export.csv, either
 * header language): the `number` and `likes` columns (编号, 票数). Returns the differences.
 */
export function compareResults(counts: Map<number, number>, exportCsv: string): string[] {
  const [header, ...lines] = parseCsv(exportCsv.replace(/^\uFEFF/, ""));
  const named = (i: number) => (h: string) =>
    h === EXPORT_HEADERS.zh[i] || h === EXPORT_HEADERS.en[i];
  const numberCol = header?.findIndex(named(1)) ?? -1;
  const likesCol = header?.findIndex(named(6)) ?? -1;
  if (numberCol < 0 || likesCol < 0) return ["not an export.csv: no number or likes column"];
  const problems: string[] = [];
  const seen = new Set<number>();
  for (const cells of lines) {
    if (cells.length === 1 && cells[0] === "") continue;
    const n = Number(cells[numberCol]);
    const likes = Number(cells[likesCol]);
    seen.add(n);
    const replayed = counts.get(n) ?? 0;
    if (replayed !== likes) {
      problems.push(
        `nominee ${n}: export.csv says ${likes} likes, the ledger replays to ${replayed}`,
      );
    }
  }
  for (const [n, c] of counts) {
    if (!seen.has(n) && c > 0) problems.push(`nominee ${n}: ${c} counted likes, not in export.csv`);
  }
  return problems;
}
