import { parseCsv } from "./csv";
import { type ChainRow, chainStep, GENESIS } from "./ledger-chain";

/**
 * Recomputes the hash chain from an exported votes.csv and checks it against checkpoints: the ones
 * the export carries, and any the verifier got elsewhere (the public GET /api/campaigns/:slug/ledger
 * — the export's own trailer proves nothing against someone who rewrote the whole file).
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
}

export interface VerifyReport {
  ok: boolean;
  rows: number;
  /** Chain value after the last row of the export. */
  hash: string;
  checked: { source: string; count: number; matches: boolean }[];
  problems: string[];
  /** Published checkpoints newer than the export: fine for an older export, worth saying. */
  warnings: string[];
}

const TRAILER_HEAD = "#ledger_head";
const TRAILER_CHAIN = "#export_chain";

/** Parses the ledger rows and the trailer lines of votes.csv. */
export function readLedgerCsv(text: string): {
  rows: ChainRow[];
  heads: KnownHead[];
  problems: string[];
} {
  const records = parseCsv(text.replace(/^\uFEFF/, ""));
  const [header, ...lines] = records;
  const problems: string[] = [];
  const col = (name: string) => header?.indexOf(name) ?? -1;
  const idx = {
    id: col("id"),
    time: col("time"),
    number: col("number"),
    voterHash: col("voter_hash"),
    ipHash: col("ip_hash"),
    receipt: col("receipt"),
    day: col("day"),
  };
  if (Object.values(idx).some((i) => i < 0)) {
    return { rows: [], heads: [], problems: ["not a votes.csv export: a column is missing"] };
  }
  const rows: ChainRow[] = [];
  const heads: KnownHead[] = [];
  for (const [i, cells] of lines.entries()) {
    if (cells.length === 1 && cells[0] === "") continue;
    const first = cells[0] ?? "";
    if (first === TRAILER_HEAD) {
      heads.push({
        count: Number(cells[1]),
        hash: cells[2] ?? "",
        source: "the export's ledger head",
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
    const at = (k: keyof typeof idx) => cells[idx[k]] ?? "";
    const ms = Date.parse(at("time"));
    const row: ChainRow = {
      id: Number(at("id")),
      seconds: Math.floor(ms / 1000),
      number: Number(at("number")),
      voterHash: at("voterHash"),
      ipHash: at("ipHash"),
      receipt: at("receipt"),
      day: at("day"),
    };
    if (!Number.isInteger(row.id) || !Number.isFinite(ms) || !Number.isInteger(row.number)) {
      problems.push(`line ${i + 2}: not a ledger row`);
      continue;
    }
    rows.push(row);
  }
  return { rows, heads, problems };
}

export function verifyLedger(text: string, external: KnownHead[] = []): VerifyReport {
  const { rows, heads, problems } = readLedgerCsv(text);
  const all = [...heads, ...external.map((h) => ({ ...h, external: true }))];
  const warnings: string[] = [];
  const wanted = all.filter((h) => h.count > 0 || h.hash === GENESIS);
  const anywhere = new Map(all.filter((h) => h.count < 0).map((h) => [h.hash, h]));
  const found = new Set<string>();
  const byCount = new Map<number, KnownHead[]>();
  for (const h of wanted) byCount.set(h.count, [...(byCount.get(h.count) ?? []), h]);
  const checked: VerifyReport["checked"] = [];
  let hash = GENESIS;
  let lastId = 0;
  const check = (count: number) => {
    for (const h of byCount.get(count) ?? []) {
      checked.push({ source: h.source, count, matches: h.hash === hash });
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
      checked.push({ source: any.source, count: i + 1, matches: true });
    }
  }
  for (const [h, head] of anywhere) {
    if (!found.has(h)) {
      checked.push({ source: head.source, count: -1, matches: false });
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
      checked.push({ source: h.source, count: h.count, matches: false });
      problems.push(`${h.source} covers ${h.count} rows but the export has only ${rows.length}`);
    }
  }
  for (const c of checked) {
    if (!c.matches && c.count >= 0 && c.count <= rows.length) {
      problems.push(`the chain after ${c.count} rows does not match ${c.source}`);
    }
  }
  return {
    ok: problems.length === 0 && checked.some((c) => c.matches),
    rows: rows.length,
    hash,
    checked,
    problems,
    warnings,
  };
}
