/**
 * Lighthouse (mobile, simulated Slow 4G + 4× CPU) on pages of a running server, in Debian's
 * Chromium: the scores, the metrics and the audits that cost points. Shared by `npm run lighthouse`
 * (scripts/lighthouse.ts) and the benchmark (scripts/bench/run.ts).
 */
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { type Result } from "lighthouse";

export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
export type Category = (typeof CATEGORIES)[number];
export const THRESHOLDS: Record<Category, number> = {
  performance: 95,
  accessibility: 100,
  "best-practices": 95,
  seo: 90,
};

export const METRICS = [
  "first-contentful-paint",
  "largest-contentful-paint",
  "total-blocking-time",
  "cumulative-layout-shift",
  "speed-index",
];

export interface FailedAudit {
  id: string;
  title: string;
  score: number;
  displayValue?: string;
  items?: string[];
}

export interface PageReport {
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
  return (Array.isArray(details?.items) ? details.items : [])
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

/**
 * Audits each page `runs` times in one Chromium; the run with the median performance score stands
 * for the page (Lighthouse's advice).
 */
export async function runLighthouse(
  base: string,
  pages: string[],
  runs: number,
  chromePath = process.env.CHROME_PATH ?? "/usr/bin/chromium",
): Promise<PageReport[]> {
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
  });
  const reports: PageReport[] = [];
  try {
    for (const path of pages) {
      const url = `${base}${path}`;
      const results: Result[] = [];
      for (let i = 0; i < runs; i++) results.push(await audit(url, chrome.port));
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
      reports.push({
        url,
        scores,
        metrics: Object.fromEntries(METRICS.map((id) => [id, lhr.audits[id]?.displayValue ?? "?"])),
        belowThreshold: CATEGORIES.filter((c) => scores[c] < THRESHOLDS[c]),
        failedAudits: Object.fromEntries(CATEGORIES.map((c) => [c, failedAudits(lhr, c)])),
        runs: results.map(scoresOf),
        warnings: lhr.runWarnings,
      });
    }
  } finally {
    chrome.kill();
    process.stderr.write("\n");
  }
  return reports;
}
