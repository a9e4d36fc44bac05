/**
 * npm run verify -- <votes.csv> [--url <ledger URL>] [--head <hash> --count <n>]
 *
 * Recomputes the ledger's hash chain from an exported votes.csv and checks it against the ledger
 * head the export carries and, more importantly, against the one published by the server
 * (GET /api/campaigns/:slug/ledger?history=1, page after page — give its URL with --url, or the hash and count
 * you noted with --head/--count). Exit code 0 = every checkpoint matches, 1 = mismatch or error.
 */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { type KnownHead, verifyLedger } from "../src/domain/ledger-verify";

interface PublicHead {
  seq: number;
  count?: number;
  hash: string;
  checkpoints?: { seq: number; count?: number; hash: string }[];
  /** The next page of checkpoints (a path on the same server), or null/absent on the last. */
  next?: string | null;
}

/** Every published checkpoint, following the history's pages (the head alone on older servers). */
async function publishedCheckpoints(
  url: URL,
): Promise<{ seq: number; count?: number; hash: string }[]> {
  url.searchParams.set("history", "1");
  const all: { seq: number; count?: number; hash: string }[] = [];
  let page: URL | null = url;
  while (page) {
    const res = await fetch(page);
    if (!res.ok) throw new Error(`${page}: HTTP ${res.status}`);
    const published = (await res.json()) as PublicHead;
    all.push(...(published.checkpoints ?? [published]));
    page = published.next ? new URL(published.next, page) : null;
  }
  return all;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      url: { type: "string" },
      head: { type: "string" },
      count: { type: "string" },
    },
  });
  const file = positionals[0];
  if (!file) {
    console.error(
      "usage: npm run verify -- <votes.csv> [--url <ledger URL>] [--head <hash> --count <n>]",
    );
    return 2;
  }
  const external: KnownHead[] = [];
  if (values.head) {
    external.push({
      count: Number(values.count ?? Number.NaN),
      hash: values.head,
      source: "--head",
    });
  }
  if (values.url) {
    for (const k of await publishedCheckpoints(new URL(values.url))) {
      if (k.count === undefined) {
        console.warn(`checkpoint ${k.seq}: the server hides counts; matching its hash at any row`);
      }
      external.push({
        count: k.count ?? -1,
        hash: k.hash,
        source: `published checkpoint ${k.seq}`,
      });
    }
  }
  const text = await readFile(file, "utf8");
  const report = verifyLedger(text, external);
  console.log(`${file}: ${report.rows} ledger rows, chain ${report.hash}`);
  for (const c of report.checked) {
    console.log(`  ${c.matches ? "✓" : "✗"} after ${c.count} rows: ${c.source}`);
  }
  for (const w of report.warnings) console.log(`  ~ ${w}`);
  for (const p of report.problems) console.log(`  ! ${p}`);
  console.log(report.ok ? "OK: the export matches the sealed ledger." : "MISMATCH: see above.");
  return report.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
