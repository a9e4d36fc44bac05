/**
 * npm run verify -- <votes.csv> [--url <ledger URL>] [--head <hash> --count <n>]
 *                   [--results <export.csv>] [--sha256 <hex>]
 *
 * Recomputes the ledger's hash chains (rows, and status changes) from an exported votes.csv,
 * replays the status changes over the rows, and checks it all against the ledger head the export
 * carries and, more importantly, against the checkpoints published by the server
 * (GET /api/campaigns/:slug/ledger?history=1, page after page — give its URL with --url, or the hash and count
 * you noted with --head/--count): each checkpoint's row chain, event chain and counted total per
 * nominee. With --results, the replayed counted totals must equal export.csv's likes column, and
 * with --sha256 (export.json's `sha256`, the 公示's digest) export.csv must be that file.
 * Exit code 0 = everything matches, 1 = mismatch or error.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { compareResults, type KnownHead, verifyLedger } from "../src/domain/ledger-verify";

interface PublishedCheckpoint {
  seq: number;
  count?: number;
  hash: string;
  events?: number;
  eventHash?: string;
  counted?: number;
  countsHash?: string;
}

interface PublicHead extends PublishedCheckpoint {
  checkpoints?: PublishedCheckpoint[];
  /** The next page of checkpoints (a path on the same server), or null/absent on the last. */
  next?: string | null;
}

/** Every published checkpoint, following the history's pages (the head alone on older servers). */
async function publishedCheckpoints(url: URL): Promise<PublishedCheckpoint[]> {
  url.searchParams.set("history", "1");
  const all: PublishedCheckpoint[] = [];
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
      results: { type: "string" },
      sha256: { type: "string" },
    },
  });
  const file = positionals[0];
  if (!file) {
    console.error(
      "usage: npm run verify -- <votes.csv> [--url <ledger URL>] [--head <hash> --count <n>] [--results <export.csv>] [--sha256 <hex>]",
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
        eventCount: k.events,
        eventHash: k.eventHash,
        counted: k.counted,
        countsHash: k.countsHash,
      });
    }
  }
  const text = await readFile(file, "utf8");
  const report = verifyLedger(text, external);
  console.log(`${file}: ${report.rows} ledger rows, chain ${report.hash}`);
  console.log(`  ${report.events} status changes, chain ${report.eventHash}`);
  for (const c of report.checked) {
    const what = c.what === "events" ? `${c.count} status changes` : `${c.count} rows`;
    const about = c.what === "counted totals" ? " (counted total per nominee)" : "";
    console.log(`  ${c.matches ? "✓" : "✗"} after ${what}: ${c.source}${about}`);
  }
  if (values.results) {
    const bytes = await readFile(values.results);
    const digest = createHash("sha256").update(bytes).digest("hex");
    const differences = compareResults(report.counts, bytes.toString("utf8"));
    console.log(`${values.results}: sha256 ${digest}`);
    for (const d of differences) report.problems.push(d);
    if (differences.length === 0) {
      console.log("  ✓ its likes per nominee equal the counted totals replayed from the ledger");
    }
    if (values.sha256) {
      const same = values.sha256.toLowerCase() === digest;
      console.log(`  ${same ? "✓" : "✗"} sha256 ${same ? "equals" : "differs from"} --sha256`);
      if (!same) report.problems.push("export.csv is not the file whose sha256 was given");
    }
    report.ok = report.problems.length === 0 && report.ok;
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
