/**
 * `npm run lighthouse`: Lighthouse (mobile, simulated Slow 4G + 4× CPU) on the main public pages of
 * a running server, against the budgets of issue 3 / DESIGN.md §7. Prints a table, writes
 * `.bench/lighthouse.json`, and exits 1 when a page is under a threshold (listing the audits that
 * cost the points).
 *
 *   npm run dev            # in another terminal (or any server: E2E_BASE_URL=https://...)
 *   npm run lighthouse     # LH_RUNS=3 by default: the run with the median performance score counts
 *
 * Uses Debian's Chromium (CHROME_PATH, default /usr/bin/chromium).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CATEGORIES, METRICS, runLighthouse, THRESHOLDS } from "./perf/lighthouse-run";

const base = (process.env.E2E_BASE_URL ?? "http://localhost:8787").replace(/\/$/, "");
const chromePath = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const runs = Math.max(1, Number(process.env.LH_RUNS ?? 3) || 1);

const PAGES = ["/c/zuimei-xinfang", "/c/zuimei-xinfang/1", "/c/zuimei-xinfang/results"];

async function main(): Promise<number> {
  const probe = await fetch(`${base}/api/campaigns`).catch(() => null);
  if (!probe?.ok) {
    console.error(`No server at ${base} (start one with \`npm run dev\`, or set E2E_BASE_URL).`);
    return 2;
  }

  const reports = await runLighthouse(base, PAGES, runs, chromePath);

  // The table.
  const head = ["page", "performance", "accessibility", "best-practices", "seo"];
  const rows = reports.map((r) => [
    new URL(r.url).pathname,
    ...CATEGORIES.map((c) => `${r.scores[c]}${r.scores[c] < THRESHOLDS[c] ? " ✘" : ""}`),
  ]);
  const widths = head.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => String(row[i]).length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join("  ");
  console.log(`Lighthouse mobile, ${base} (median of ${runs} run${runs === 1 ? "" : "s"})`);
  console.log(line(head));
  console.log(line(["threshold", ...CATEGORIES.map((c) => String(THRESHOLDS[c]))]));
  for (const row of rows) console.log(line(row));
  for (const r of reports) {
    console.log(
      `${new URL(r.url).pathname}: ${METRICS.map((m) => `${m.replace(/-/g, " ")} ${r.metrics[m]}`).join(", ")}`,
    );
    for (const w of r.warnings) console.log(`  warning: ${w}`);
  }

  // What cost the points where a page is under a threshold.
  let failed = false;
  for (const r of reports) {
    for (const c of r.belowThreshold) {
      failed = true;
      console.log(
        `\n✘ ${new URL(r.url).pathname} ${c} ${r.scores[c]} < ${THRESHOLDS[c]} (runs: ${r.runs.map((x) => x[c]).join(", ")}); failing audits:`,
      );
      for (const a of r.failedAudits[c] ?? []) {
        console.log(
          `  - ${a.id} (${a.score}): ${a.title}${a.displayValue ? ` — ${a.displayValue}` : ""}`,
        );
        for (const item of a.items ?? []) console.log(`      ${item}`);
      }
    }
  }

  const out = join(import.meta.dirname, "..", ".bench");
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, "lighthouse.json"),
    `${JSON.stringify({ base, runs, thresholds: THRESHOLDS, measuredAt: new Date().toISOString(), pages: reports }, null, 2)}\n`,
  );
  console.log(
    `\nwrote .bench/lighthouse.json — ${failed ? "BELOW THRESHOLD" : "all pages meet the thresholds"}`,
  );
  return failed ? 1 : 0;
}

process.exitCode = await main();
