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
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { type Result } from "lighthouse";

const base = (process.env.E2E_BASE_URL ?? "http://localhost:8787").replace(/\/$/, "");
const chromePath = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const runs = Math.max(1, Number(process.env.LH_RUNS ?? 3) || 1);

const PAGES = ["/c/zuimei-xinfang", "/c/zuimei-xinfang/1", "/c/zuimei-xinfang/results"];

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
type Category = (typeof CATEGORIES)[number];
const THRESHOLDS: Record<Category, number> = {
  performance: 95,
  accessibility: 100,
  "best-practices": 95,
  seo: 90,
};

const METRICS = [
  "first-contentful-paint",
  "largest-contentful-paint",
  "total-blocking-time",
  "cumulative-layout-shift",
  "speed-index",
];

interface FailedAudit {
  id: string;
  title: string;
  score: number;
  displayValue?: string;
  items?: string[];
}

interface PageReport {
  url: string;
  scores: Record<Category, number>;
  metrics: Record<string, string>;
  belowThreshold: Category[];
  failedAudits: Partial<Record<Category, FailedAudit[]>>;
  runs: Record<Category, number>[];
  warnings: string[];
}

const score100 = (x: number | null | undefined) => Math.round((x ?? 0) * 100);

/** A few offending elements or URLs of an audit, for the console. */
function auditItems(audit: Result["audits"][string]): string[] {
  const details = audit.details as
    | { items?: { node?: { selector?: string; snippet?: string }; url?: string }[] }
    | undefined;
  return (details?.items ?? [])
    .map((item) => item.node?.selector ?? item.node?.snippet ?? item.url ?? "")
    .filter((x) => x !== "")
    .slice(0, 5);
}

function failedAudits(lhr: Result, category: Category): FailedAudit[] {
  const cat = lhr.categories[category];
  if (!cat) return [];
  const out: FailedAudit[] = [];
  for (const ref of cat.auditRefs) {
    const audit = lhr.audits[ref.id];
    if (!audit || audit.score === null || audit.score >= 1) continue;
    // Informative audits with no weight only count in the performance category (opportunities).
    if (ref.weight === 0 && category !== "performance") continue;
    if (ref.weight === 0 && audit.scoreDisplayMode !== "metricSavings") continue;
    out.push({
      id: audit.id,
      title: audit.title,
      score: score100(audit.score),
      displayValue: audit.displayValue,
      items: auditItems(audit),
    });
  }
  return out;
}

/** One Lighthouse run; a run that fails to record (e.g. NO_NAVSTART, a known flake) is retried. */
async function audit(url: string, port: number): Promise<Result> {
  let lastError = "";
  for (let attempt = 1; attempt <= 3; attempt++) {
    const result = await lighthouse(url, {
      port,
      output: "json",
      logLevel: "error",
      onlyCategories: [...CATEGORIES],
    });
    const error = result ? result.lhr.runtimeError : { code: "NO_RESULT", message: "no result" };
    if (result && !error) {
      process.stderr.write(".");
      return result.lhr;
    }
    lastError = `${error?.code} ${error?.message}`;
    process.stderr.write(`\n${url}: attempt ${attempt} failed (${lastError})\n`);
  }
  throw new Error(`${url}: ${lastError}`);
}

async function main(): Promise<number> {
  const probe = await fetch(`${base}/api/campaigns`).catch(() => null);
  if (!probe?.ok) {
    console.error(`No server at ${base} (start one with \`npm run dev\`, or set E2E_BASE_URL).`);
    return 2;
  }

  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
  });
  const reports: PageReport[] = [];
  try {
    for (const path of PAGES) {
      const url = `${base}${path}`;
      const results: Result[] = [];
      for (let i = 0; i < runs; i++) results.push(await audit(url, chrome.port));
      // The run with the median performance score stands for the page (Lighthouse's advice).
      const sorted = [...results].sort(
        (a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0),
      );
      const lhr = sorted[Math.floor(sorted.length / 2)] as Result;
      const scoresOf = (r: Result) =>
        Object.fromEntries(CATEGORIES.map((c) => [c, score100(r.categories[c]?.score)])) as Record<
          Category,
          number
        >;
      const scores = scoresOf(lhr);
      const belowThreshold = CATEGORIES.filter((c) => scores[c] < THRESHOLDS[c]);
      reports.push({
        url,
        scores,
        metrics: Object.fromEntries(METRICS.map((id) => [id, lhr.audits[id]?.displayValue ?? "?"])),
        belowThreshold,
        failedAudits: Object.fromEntries(CATEGORIES.map((c) => [c, failedAudits(lhr, c)])),
        runs: results.map(scoresOf),
        warnings: lhr.runWarnings,
      });
    }
  } finally {
    chrome.kill();
    process.stderr.write("\n");
  }

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
