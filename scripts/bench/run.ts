/**
 * `npm run bench` (issue 6; docs/benchmarks.md): builds the worker, serves the bundle
 * production-like (Miniflare API, direct sockets; scripts/bench/server.ts) with a fresh bench-only
 * database (scripts/bench/state.ts: the seed campaign, 1,000 nominees with 1,000,000 likes from
 * 200,000 voters, and an empty twin), then measures side by side in one run:
 *
 *   likes     ours (distinct voters and addresses, random nominees) vs one bare D1 write batch
 *   ingest    the sharded like (bench-1m, LikeShards) vs the direct one (bench-direct), then a
 *             flush barrier and D1's like_flushes: batches per 1,000 likes, flush lag (ingest-paths.ts)
 *   results   the 1M campaign vs the empty one vs a trivial route
 *   page      a nominee's profile vs a trivial route
 *   export    the 1M-row ledger (votes.csv): rows/s and workerd's memory while it streams
 *   browser   first-view bytes of /c/:slug and Lighthouse mobile (shared with the e2e tooling)
 *
 * Writes .bench/report.json and prints a table. BENCH_QUICK=1: 10,000 likes, short rounds.
 * Knobs: BENCH_ROUNDS, BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_LIKES, BENCH_SKIP_BROWSER=1,
 * BENCH_PROFILE=<like|results|page> (a CPU profile of the app during that load).
 */
process.env.CLOUDFLARE_CF_FETCH_ENABLED = "false";
process.env.WRANGLER_SEND_METRICS = "false";

import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { loadavg } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, devices } from "playwright-core";
import { firstViewLines, measureFirstView } from "../perf/first-view";
import { CATEGORIES, runLighthouse } from "../perf/lighthouse-run";
import { hotFunctions, profileWhile } from "./cpu-profile";
import {
  assertIngest,
  cpuPerShardedLike,
  DIRECT,
  flushBarrier,
  flushStats,
  type IngestReport,
  ingestLines,
  ingestTargets,
} from "./ingest-paths";
import { type LoadResult, median, runLoad } from "./load";
import { cpuSeconds, ownWorkerdPids, rssMb } from "./proc";
import {
  BENCH_DIR,
  type BenchServer,
  freePort,
  parseDevVars,
  ROOT,
  startBenchServer,
} from "./server";
import { BIG, EMPTY, prepareState, SEED, wranglerEnv } from "./state";
import { mix32 as mix } from "./synthetic";

const quick = process.env.BENCH_QUICK === "1";
const num = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const CONFIG = {
  quick,
  nominees: 1000,
  likes: num("BENCH_LIKES", quick ? 10_000 : 1_000_000),
  voters: 0,
  rounds: num("BENCH_ROUNDS", quick ? 3 : 5),
  seconds: num("BENCH_SECONDS", quick ? 1.5 : 6),
  connections: num("BENCH_CONNECTIONS", 16),
  lighthouseRuns: num("BENCH_LH_RUNS", 1),
  lighthousePages: quick ? [`/c/${SEED}`] : [`/c/${SEED}`, `/c/${SEED}/1`, `/c/${SEED}/results`],
};
CONFIG.voters = Math.max(1, Math.round(CONFIG.likes / 5));

const TARGETS = {
  likeRatio: 0.8,
  resultsRatio: 0.8,
  resultsVsEmpty: 0.9,
  pageRatio: 0.6,
  exportRowsPerSec: 50_000,
  firstViewBytes: 30 * 1024,
};

const log = (line: string) => process.stderr.write(`${line}\n`);

// ---- requests ----------------------------------------------------------------------------------

let address = 0;
/**
 * A distinct client address per request (a header value only: all traffic stays on loopback), each
 * in its own /24 for 65,536 requests in a row: distinct people on distinct networks. Addresses
 * sharing a /24 would soon be "busy" and be asked for a proof of work (428), which is the abuse
 * defence working, not the like path this measures.
 */
function nextIp(): string {
  address++;
  return `10.${(address >> 8) & 255}.${address & 255}.${1 + ((address >> 16) & 127)}`;
}
const randomNominee = () => 1 + Math.floor(Math.random() * CONFIG.nominees);

interface Scenario {
  name: string;
  run: (s: BenchServer, cookie: string, seconds?: number) => Promise<LoadResult>;
}

function scenario(
  name: string,
  origin: (s: BenchServer) => string,
  spec: {
    method?: "GET" | "POST";
    path: () => string;
    headers?: (s: BenchServer, cookie: string) => Record<string, string>;
  },
): Scenario {
  return {
    name,
    run: (s, cookie, seconds = CONFIG.seconds) =>
      runLoad({
        origin: origin(s),
        method: spec.method,
        path: spec.path,
        headers: spec.headers ? () => spec.headers?.(s, cookie) ?? {} : undefined,
        seconds,
        connections: CONFIG.connections,
      }),
  };
}

// Likes: no cookie, so every request is a new voter (the cookie is issued on the like), from its
// own address (the flood limiter keys on it), on a random nominee; same-origin like a browser.
const SCENARIOS: Scenario[] = [
  scenario("like", (s) => s.app, {
    method: "POST",
    path: () => `/api/campaigns/${BIG}/candidates/${randomNominee()}/likes`,
    headers: (s) => ({
      "cf-connecting-ip": nextIp(),
      origin: s.app,
      "sec-fetch-site": "same-origin",
    }),
  }),
  // The same like on the direct path (ingest = 'direct': one D1 transaction per like).
  scenario("likeDirect", (s) => s.app, {
    method: "POST",
    path: () => `/api/campaigns/${DIRECT}/candidates/${randomNominee()}/likes`,
    headers: (s) => ({
      "cf-connecting-ip": nextIp(),
      origin: s.app,
      "sec-fetch-site": "same-origin",
    }),
  }),
  scenario("likeBaseline", (s) => s.baseline, {
    method: "POST",
    path: () => "/api/like",
    headers: () => ({ "cf-connecting-ip": nextIp() }),
  }),
  // The same write behind one call of the app's flood guard: the guard's local cost (information).
  scenario("likeGuarded", (s) => s.baseline, {
    method: "POST",
    path: () => "/api/guarded-like",
    headers: () => ({ "cf-connecting-ip": nextIp() }),
  }),
  scenario("results", (s) => s.app, {
    path: () => `/api/campaigns/${BIG}/results`,
    headers: () => ({ "accept-encoding": "gzip, deflate, br" }),
  }),
  scenario("resultsEmpty", (s) => s.app, {
    path: () => `/api/campaigns/${EMPTY}/results`,
    headers: () => ({ "accept-encoding": "gzip, deflate, br" }),
  }),
  scenario("trivialApi", (s) => s.baseline, { path: () => "/api/trivial" }),
  // The same trivial route with a body as large as the gzipped ranking (set once measured): what
  // moving those bytes through the local router costs by itself. Information only.
  scenario("trivialApiSized", (s) => s.baseline, {
    path: () => `/api/trivial?bytes=${resultsWireBytes}`,
  }),
  scenario("page", (s) => s.app, {
    path: () => `/c/${BIG}/${randomNominee()}`,
    headers: () => ({ "cf-connecting-ip": nextIp(), "accept-encoding": "gzip, deflate, br" }),
  }),
  // A shared link opened by a crowd: everyone on the same profile.
  scenario("pageShared", (s) => s.app, {
    path: () => `/c/${BIG}/1`,
    headers: () => ({ "cf-connecting-ip": nextIp(), "accept-encoding": "gzip, deflate, br" }),
  }),
  scenario("pageReturning", (s) => s.app, {
    path: () => `/c/${BIG}/${randomNominee()}`,
    headers: (_s, cookie) => ({
      "cf-connecting-ip": nextIp(),
      "accept-encoding": "gzip, deflate, br",
      cookie,
    }),
  }),
  scenario("trivialPage", (s) => s.baseline, { path: () => `/c/${BIG}/1` }),
  scenario("trivialBare", (s) => s.bare, { path: () => "/" }),
  scenario("likeBare", (s) => s.bare, {
    method: "POST",
    path: () => "/api/like",
    headers: () => ({ "cf-connecting-ip": nextIp() }),
  }),
];

/** The bytes of a gzip answer as sent (fetch would decode them). */
function wireBytes(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { "accept-encoding": "gzip" } }, (res) => {
      let n = 0;
      res.on("data", (chunk: Buffer) => {
        n += chunk.length;
      });
      res.on("end", () => resolve(n));
      res.on("error", reject);
    }).on("error", reject);
  });
}

/** Bytes on the wire of the gzipped 1,000-nominee ranking (measured before the rounds). */
let resultsWireBytes = 8192;

/** Only for information (not a target): left out of the quick run. */
const INFO_ONLY = new Set([
  "pageShared",
  "pageReturning",
  "trivialBare",
  "likeBare",
  "trivialApiSized",
]);
const ACTIVE = SCENARIOS.filter((sc) => !quick || !INFO_ONLY.has(sc.name));

interface Measured extends LoadResult {
  cpuMsPerRequest: number;
}

async function measure(
  s: BenchServer,
  sc: Scenario,
  cookie: string,
  pid: number,
): Promise<Measured> {
  const before = cpuSeconds(pid);
  const r = await sc.run(s, cookie);
  const cpu = cpuSeconds(pid) - before;
  return { ...r, cpuMsPerRequest: r.requests > 0 ? (cpu * 1000) / r.requests : Number.NaN };
}

interface Summary {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  cpuMsPerRequest: number;
  rounds: number[];
  statuses: Record<string, number>;
  errors: number;
}

function summarize(results: Measured[]): Summary {
  const statuses: Record<string, number> = {};
  for (const r of results) {
    for (const [k, v] of Object.entries(r.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
  }
  return {
    rps: median(results.map((r) => r.rps)),
    p50Ms: median(results.map((r) => r.p50Ms)),
    p99Ms: median(results.map((r) => r.p99Ms)),
    cpuMsPerRequest: median(results.map((r) => r.cpuMsPerRequest)),
    rounds: results.map((r) => Math.round(r.rps)),
    statuses,
    errors: results.reduce((a, r) => a + r.errors, 0),
  };
}

// ---- export ------------------------------------------------------------------------------------

async function measureExport(s: BenchServer, pid: number, token: string) {
  const samples: { rows: number; rssMb: number }[] = [];
  const startRss = rssMb(pid);
  let rows = -1; // the header line
  let bytes = 0;
  const timer = setInterval(() => samples.push({ rows, rssMb: rssMb(pid) }), 200);
  const cpu0 = cpuSeconds(pid);
  const t0 = performance.now();
  const res = await fetch(`${s.app}/api/admin/campaigns/${BIG}/votes.csv`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!res.ok || !res.body) throw new Error(`votes.csv answered ${res.status}`);
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.length;
    for (let i = 0; i < value.length; i++) if (value[i] === 10) rows++;
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds(pid) - cpu0;
  clearInterval(timer);
  samples.push({ rows, rssMb: rssMb(pid) });
  const peak = Math.max(startRss, ...samples.map((x) => x.rssMb));
  // Constant memory: what workerd holds once half the rows are out is what it holds at the end.
  const half = samples.filter((x) => x.rows >= rows / 2).map((x) => x.rssMb);
  const firstHalf = samples.filter((x) => x.rows < rows / 2).map((x) => x.rssMb);
  const growthSecondHalfMb = half.length > 1 ? Math.max(...half) - (half[0] ?? 0) : 0;
  return {
    rows,
    bytes,
    seconds,
    rowsPerSec: rows / seconds,
    /** Rows per second of workerd CPU: what one free core would stream (robust to machine load). */
    rowsPerCpuSecond: rows / cpu,
    startMemoryMb: startRss,
    peakMemoryMb: peak,
    peakOverStartMb: peak - startRss,
    firstHalfPeakMb: firstHalf.length ? Math.max(...firstHalf) : startRss,
    growthSecondHalfMb,
    samples: samples.filter((_, i) => i % Math.max(1, Math.floor(samples.length / 20)) === 0),
  };
}

// ---- browser -----------------------------------------------------------------------------------

async function measureBrowser(s: BenchServer) {
  const browser: Browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    args: [
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  try {
    const context = await browser.newContext({ ...devices["Pixel 7"], baseURL: s.app });
    const view = await measureFirstView(context, s.app, `/c/${SEED}`);
    await context.close();
    return view;
  } finally {
    await browser.close();
  }
}

// ---- table -------------------------------------------------------------------------------------

const fmt = (x: number, digits = 0) =>
  Number.isFinite(x) ? x.toLocaleString("en", { maximumFractionDigits: digits }) : "n/a";

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
        .join("  "),
    )
    .join("\n");
}

// ---- main --------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const started = Date.now();
  mkdirSync(BENCH_DIR, { recursive: true });
  log(
    `bench: ${quick ? "QUICK " : ""}${fmt(CONFIG.likes)} likes from ${fmt(CONFIG.voters)} voters, ${CONFIG.rounds} rounds × ${CONFIG.seconds} s × ${CONFIG.connections} connections`,
  );

  log("bench: building (npm run build)");
  execFileSync("npm", ["run", "--silent", "build"], {
    cwd: ROOT,
    env: wranglerEnv(),
    stdio: ["ignore", "ignore", "inherit"],
  });

  log("bench: fresh database in .bench/state");
  const persistTo = join(BENCH_DIR, "state");
  const state = prepareState({
    persistTo,
    nominees: CONFIG.nominees,
    likes: CONFIG.likes,
    voters: CONFIG.voters,
    log,
  });
  log(
    `bench: ${fmt(state.likes)} likes generated in ${fmt(state.generateSeconds, 1)} s (${fmt(state.rowsPerSecond)} rows/s), counters == ledger`,
  );

  assertIngest(persistTo, BIG, "sharded");
  assertIngest(persistTo, DIRECT, "direct");
  const profileScenario = process.env.BENCH_PROFILE;
  const server = await startBenchServer({
    persistTo,
    inspectorPort: profileScenario ? await freePort() : undefined,
  });
  const pid = ownWorkerdPids()[0];
  if (pid === undefined) throw new Error("no workerd process found");
  const token =
    parseDevVars(readFileSync(join(ROOT, ".dev.vars.example"), "utf8")).ADMIN_TOKEN ?? "";

  try {
    // A returning voter: a cookie from a first visit.
    const first = await fetch(`${server.app}/c/${BIG}/1`, {
      headers: { "cf-connecting-ip": nextIp() },
    });
    const cookie = (first.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    await first.arrayBuffer();
    resultsWireBytes = await wireBytes(`${server.app}/api/campaigns/${BIG}/results`);

    log("bench: export of the ledger (votes.csv)");
    const exported = await measureExport(server, pid, token);
    log(
      `bench:   ${fmt(exported.rows)} rows in ${fmt(exported.seconds, 1)} s, workerd ${fmt(exported.startMemoryMb)} → peak ${fmt(exported.peakMemoryMb)} MB`,
    );

    // Warm every scenario once (compilation, caches), then rounds in alternating order.
    log("bench: warming up");
    for (const sc of ACTIVE) await sc.run(server, cookie, quick ? 0.5 : 1);
    const byName = new Map<string, Measured[]>();
    for (let round = 0; round < CONFIG.rounds; round++) {
      // Reads in a shuffled order, then the writes (shuffled too), then a pause: no read is measured
      // right after a write load (D1 is still checkpointing its WAL then), and no scenario always
      // follows the same one. Medians over the rounds.
      const shuffle = (xs: Scenario[]) =>
        xs
          .map((x, i) => ({ x, k: mix(round * 7919 + i) }))
          .sort((a, b) => a.k - b.k)
          .map((e) => e.x);
      const writes = (sc: Scenario) => sc.name.startsWith("like");
      const order = [
        ...shuffle(ACTIVE.filter((x) => !writes(x))),
        ...shuffle(ACTIVE.filter(writes)),
      ];
      if (round > 0) await new Promise((r) => setTimeout(r, 1000));
      for (const sc of order) {
        const r = await measure(server, sc, cookie, pid);
        byName.set(sc.name, [...(byName.get(sc.name) ?? []), r]);
        log(
          `bench: round ${round + 1} ${sc.name.padEnd(13)} ${fmt(r.rps).padStart(6)} rps  p50 ${r.p50Ms} ms  p99 ${r.p99Ms} ms  ${fmt(r.cpuMsPerRequest, 2)} ms CPU/req  ${JSON.stringify(r.statuses)}`,
        );
      }
    }
    const m = (name: string) => summarize(byName.get(name) ?? []);
    const like = m("like");
    const likeBaseline = m("likeBaseline");
    const likeGuarded = m("likeGuarded");
    const results = m("results");
    const resultsEmpty = m("resultsEmpty");
    const trivialApi = m("trivialApi");
    const trivialApiSized = m("trivialApiSized");
    const page = m("page");
    const pageReturning = m("pageReturning");
    const pageShared = m("pageShared");
    const trivialPage = m("trivialPage");
    const trivialBare = m("trivialBare");
    const likeBare = m("likeBare");
    const likeDirect = m("likeDirect");

    // The sharded path's own numbers: CPU per like with its flushes, then D1's flush rows.
    log("bench: ingest — one more sharded like load, then the flush barrier");
    const likeScenario = SCENARIOS.find((x) => x.name === "like") as Scenario;
    const cpuRun = await cpuPerShardedLike(
      pid,
      () => likeScenario.run(server, cookie),
      () => flushBarrier(server.app, BIG, token),
    );
    const flushes = flushStats(persistTo, BIG);
    const ingest: IngestReport = {
      shards: flushes.shards,
      rps: like.rps,
      cpuMsPerLike: cpuRun.cpuMsPerLike,
      d1BatchesPer1000Likes:
        flushes.flushedLikes > 0 ? (flushes.batches / flushes.flushedLikes) * 1000 : Number.NaN,
      flushLagP99Ms: flushes.lagP99Ms,
      ratio: likeBaseline.rps > 0 ? like.rps / likeBaseline.rps : Number.NaN,
      guarded: {
        rps: likeGuarded.rps,
        cpuMsPerRequest: likeGuarded.cpuMsPerRequest,
        ratio: likeGuarded.rps > 0 ? like.rps / likeGuarded.rps : Number.NaN,
        ceiling: likeBaseline.rps > 0 ? likeGuarded.rps / likeBaseline.rps : Number.NaN,
        rounds: likeGuarded.rounds,
      },
      flushes,
      cpuRun: { likes: cpuRun.likes, rps: cpuRun.rps },
      direct: {
        rps: likeDirect.rps,
        p99Ms: likeDirect.p99Ms,
        cpuMsPerRequest: likeDirect.cpuMsPerRequest,
        ratio: likeBaseline.rps > 0 ? likeDirect.rps / likeBaseline.rps : Number.NaN,
        rounds: likeDirect.rounds,
      },
    };

    let profile: ReturnType<typeof hotFunctions> | undefined;
    if (profileScenario && server.inspector) {
      const sc = SCENARIOS.find((x) => x.name === profileScenario);
      if (sc) {
        log(`bench: CPU profile of the app during "${profileScenario}"`);
        const out = await profileWhile(server.inspector, "bangyang", () => sc.run(server, cookie));
        profile = hotFunctions(out.profile, 30);
        writeFileSync(
          join(BENCH_DIR, `profile-${profileScenario}.cpuprofile`),
          JSON.stringify(out.profile),
        );
      }
    }

    let firstView: Awaited<ReturnType<typeof measureBrowser>> | undefined;
    let lighthouse: {
      path: string;
      scores: Record<string, number>;
      metrics: Record<string, string>;
    }[] = [];
    if (process.env.BENCH_SKIP_BROWSER !== "1") {
      log("bench: first view in Chromium");
      firstView = await measureBrowser(server);
      log(`bench: Lighthouse mobile (${CONFIG.lighthouseRuns} run(s) per page)`);
      const reports = await runLighthouse(
        server.app,
        CONFIG.lighthousePages,
        CONFIG.lighthouseRuns,
      );
      lighthouse = reports.map((r) => ({
        path: new URL(r.url).pathname,
        scores: r.scores,
        metrics: r.metrics,
      }));
    }

    const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);
    const report = {
      like: {
        rps: like.rps,
        p50Ms: like.p50Ms,
        p99Ms: like.p99Ms,
        baselineRps: likeBaseline.rps,
        baselineP50Ms: likeBaseline.p50Ms,
        baselineP99Ms: likeBaseline.p99Ms,
        ratio: ratio(like.rps, likeBaseline.rps),
        bareBaselineRps: likeBare.rps,
        cpuMsPerRequest: like.cpuMsPerRequest,
        baselineCpuMsPerRequest: likeBaseline.cpuMsPerRequest,
        statuses: like.statuses,
        rounds: like.rounds,
        baselineRounds: likeBaseline.rounds,
      },
      results: {
        rps: results.rps,
        emptyRps: resultsEmpty.rps,
        trivialRps: trivialApi.rps,
        ratio: ratio(results.rps, trivialApi.rps),
        vsEmpty: ratio(results.rps, resultsEmpty.rps),
        p50Ms: results.p50Ms,
        p99Ms: results.p99Ms,
        cpuMsPerRequest: results.cpuMsPerRequest,
        emptyCpuMsPerRequest: resultsEmpty.cpuMsPerRequest,
        trivialCpuMsPerRequest: trivialApi.cpuMsPerRequest,
        rounds: results.rounds,
        emptyRounds: resultsEmpty.rounds,
        trivialRounds: trivialApi.rounds,
        bodyBytes: resultsWireBytes,
        sizedTrivialRps: trivialApiSized.rps,
        sizedTrivialCpuMsPerRequest: trivialApiSized.cpuMsPerRequest,
        sizedRatio: ratio(results.rps, trivialApiSized.rps),
      },
      page: {
        rps: page.rps,
        trivialRps: trivialPage.rps,
        ratio: ratio(page.rps, trivialPage.rps),
        p50Ms: page.p50Ms,
        p99Ms: page.p99Ms,
        sharedRps: pageShared.rps,
        sharedRatio: ratio(pageShared.rps, trivialPage.rps),
        returningRps: pageReturning.rps,
        returningRatio: ratio(pageReturning.rps, trivialPage.rps),
        cpuMsPerRequest: page.cpuMsPerRequest,
        returningCpuMsPerRequest: pageReturning.cpuMsPerRequest,
        trivialCpuMsPerRequest: trivialPage.cpuMsPerRequest,
        rounds: page.rounds,
        trivialRounds: trivialPage.rounds,
      },
      ingest,
      export: exported,
      firstViewBytes: firstView ? firstView.gzip : null,
      firstView: firstView
        ? {
            gzip: firstView.gzip,
            wire: firstView.transferred,
            scriptsGzip: firstView.scriptGzip,
            resources: firstView.rows.map((r) => ({
              path: new URL(r.url).pathname,
              type: r.type,
              raw: r.raw,
              gzip: r.gzip,
              wire: r.transferred,
            })),
          }
        : null,
      lighthouse,
      runtime: {
        trivialBareRps: trivialBare.rps,
        trivialBareCpuMsPerRequest: trivialBare.cpuMsPerRequest,
        likeBareRps: likeBare.rps,
      },
      profile,
      meta: {
        quick,
        measuredAt: new Date().toISOString(),
        seconds: (Date.now() - started) / 1000,
        config: CONFIG,
        generator: {
          likes: state.likes,
          seconds: state.generateSeconds,
          rowsPerSec: state.rowsPerSecond,
        },
        loadAverage: loadavg(),
      },
    };

    const targets = [
      { name: "like ratio", value: report.like.ratio, target: TARGETS.likeRatio },
      { name: "results ratio", value: report.results.ratio, target: TARGETS.resultsRatio },
      { name: "results 1M / empty", value: report.results.vsEmpty, target: TARGETS.resultsVsEmpty },
      { name: "page ratio", value: report.page.ratio, target: TARGETS.pageRatio },
      { name: "export rows/s", value: report.export.rowsPerSec, target: TARGETS.exportRowsPerSec },
      {
        name: "first view bytes (≤)",
        value: report.firstViewBytes ?? Number.NaN,
        target: TARGETS.firstViewBytes,
        atMost: true,
      },
      ...ingestTargets(ingest),
    ].map((t) => ({
      ...t,
      // NaN: not measured in this run (BENCH_SKIP_BROWSER): neither met nor missed.
      measured: !Number.isNaN(t.value),
      met: "atMost" in t ? t.value <= t.target : t.value >= t.target,
    }));
    writeFileSync(
      join(BENCH_DIR, "report.json"),
      `${JSON.stringify({ ...report, targets }, null, 2)}\n`,
    );

    // ---- stdout: the readable table ----
    const r2 = (x: number) => fmt(x, 2);
    const out: string[] = [];
    out.push(
      `bangyang bench — ${quick ? "QUICK, " : ""}${fmt(CONFIG.likes)} likes / ${fmt(CONFIG.voters)} voters / ${CONFIG.nominees} nominees; median of ${CONFIG.rounds} rounds × ${CONFIG.seconds} s, ${CONFIG.connections} connections; load average ${loadavg()
        .map((x) => x.toFixed(1))
        .join(" ")}`,
    );
    out.push("");
    out.push(
      table([
        [
          "measurement",
          "ours rps",
          "p50 ms",
          "p99 ms",
          "CPU ms/req",
          "baseline",
          "base rps",
          "base CPU",
          "ratio",
          "target",
          "",
        ],
        [
          "like (POST, new voter each)",
          fmt(like.rps),
          fmt(like.p50Ms),
          fmt(like.p99Ms),
          r2(like.cpuMsPerRequest),
          "1 bare D1 write",
          fmt(likeBaseline.rps),
          r2(likeBaseline.cpuMsPerRequest),
          r2(report.like.ratio),
          "≥ 0.8",
          targets[0]?.met ? "met" : "MISSED",
        ],
        [
          "like, same run (information)",
          fmt(like.rps),
          "",
          "",
          "",
          "write + flood guard",
          fmt(likeGuarded.rps),
          r2(likeGuarded.cpuMsPerRequest),
          r2(ingest.guarded.ratio),
          "(info)",
          "",
        ],
        [
          `results, ${CONFIG.likes >= 1e6 ? `${CONFIG.likes / 1e6}M` : fmt(CONFIG.likes)} likes (gzip)`,
          fmt(results.rps),
          fmt(results.p50Ms),
          fmt(results.p99Ms),
          r2(results.cpuMsPerRequest),
          "trivial /api",
          fmt(trivialApi.rps),
          r2(trivialApi.cpuMsPerRequest),
          r2(report.results.ratio),
          "≥ 0.8",
          targets[1]?.met ? "met" : "MISSED",
        ],
        [
          `results, ${CONFIG.likes >= 1e6 ? `${CONFIG.likes / 1e6}M` : fmt(CONFIG.likes)} vs empty`,
          fmt(results.rps),
          "",
          "",
          "",
          "empty campaign",
          fmt(resultsEmpty.rps),
          r2(resultsEmpty.cpuMsPerRequest),
          r2(report.results.vsEmpty),
          "≥ 0.9",
          targets[2]?.met ? "met" : "MISSED",
        ],
        [
          `results vs a trivial ${fmt(resultsWireBytes)} B body`,
          fmt(results.rps),
          "",
          "",
          "",
          "same-size /api",
          fmt(trivialApiSized.rps),
          r2(trivialApiSized.cpuMsPerRequest),
          r2(report.results.sizedRatio),
          "(info)",
          "",
        ],
        [
          "profile page, random nominee",
          fmt(page.rps),
          fmt(page.p50Ms),
          fmt(page.p99Ms),
          r2(page.cpuMsPerRequest),
          "trivial page",
          fmt(trivialPage.rps),
          r2(trivialPage.cpuMsPerRequest),
          r2(report.page.ratio),
          "≥ 0.6",
          targets[3]?.met ? "met" : "MISSED",
        ],
        [
          "profile page, shared link (hot)",
          fmt(pageShared.rps),
          fmt(pageShared.p50Ms),
          fmt(pageShared.p99Ms),
          r2(pageShared.cpuMsPerRequest),
          "trivial page",
          fmt(trivialPage.rps),
          "",
          r2(report.page.sharedRatio),
          "(info)",
          "",
        ],
        [
          "profile page, returning voter",
          fmt(pageReturning.rps),
          fmt(pageReturning.p50Ms),
          fmt(pageReturning.p99Ms),
          r2(pageReturning.cpuMsPerRequest),
          "trivial page",
          fmt(trivialPage.rps),
          "",
          r2(report.page.returningRatio),
          "(info)",
          "",
        ],
        [
          "runtime ceiling (no router)",
          fmt(trivialBare.rps),
          fmt(trivialBare.p50Ms),
          fmt(trivialBare.p99Ms),
          r2(trivialBare.cpuMsPerRequest),
          "bare D1 write",
          fmt(likeBare.rps),
          "",
          "",
          "(info)",
          "",
        ],
      ]),
    );
    out.push("");
    for (const line of ingestLines(ingest, (name) =>
      targets.some((t) => t.name === name && t.met),
    )) {
      out.push(line);
    }
    out.push(
      `export votes.csv: ${fmt(exported.rows)} rows, ${fmt(exported.bytes / 1e6, 1)} MB in ${fmt(exported.seconds, 1)} s = ${fmt(exported.rowsPerSec)} rows/s (target ≥ 50,000: ${targets[4]?.met ? "met" : "MISSED"}), ${fmt(exported.rowsPerCpuSecond)} rows per workerd CPU-second; workerd RSS ${fmt(exported.startMemoryMb)} MB before, peak ${fmt(exported.peakMemoryMb)} MB (+${fmt(exported.peakOverStartMb)}), growth over the second half ${fmt(exported.growthSecondHalfMb, 1)} MB`,
    );
    if (firstView) {
      out.push(
        `first view /c/${SEED} (Pixel 7, no photos): ${fmt(firstView.gzip)} B gzipped, ${fmt(firstView.transferred)} B on the wire (target ≤ 30,720: ${targets[5]?.met ? "met" : "MISSED"})`,
      );
      for (const line of firstViewLines(firstView)) out.push(line);
    }
    if (lighthouse.length) {
      out.push(`Lighthouse mobile (median of ${CONFIG.lighthouseRuns}):`);
      out.push(
        table([
          ["page", ...CATEGORIES],
          ...lighthouse.map((l) => [l.path, ...CATEGORIES.map((c) => String(l.scores[c] ?? ""))]),
        ]),
      );
    }
    if (profile) {
      out.push(`CPU profile of the app during ${profileScenario} (self time):`);
      const gaps = profile.find((h) => h.name === "(gaps)");
      for (const h of profile.filter((h) => h !== gaps).slice(0, 15)) {
        out.push(
          `  ${fmt(h.selfMs).padStart(6)} ms ${(h.share * 100).toFixed(1).padStart(5)}%  ${h.name} ${h.where}`,
        );
      }
      if (gaps) {
        out.push(
          `  ${fmt(gaps.selfMs).padStart(6)} ms   n/a  (gaps: the sampler or the thread paused; in no share)`,
        );
      }
    }
    out.push("");
    out.push(
      `targets: ${targets.filter((t) => t.met).length}/${targets.filter((t) => t.measured).length} met${
        targets.some((t) => t.measured && !t.met)
          ? ` — missed: ${targets
              .filter((t) => t.measured && !t.met)
              .map((t) => t.name)
              .join(", ")}`
          : ""
      }${
        targets.some((t) => !t.measured)
          ? `; not measured: ${targets
              .filter((t) => !t.measured)
              .map((t) => t.name)
              .join(", ")}`
          : ""
      }`,
    );
    out.push(`wrote .bench/report.json in ${fmt((Date.now() - started) / 1000)} s`);
    console.log(out.join("\n"));
    return 0;
  } finally {
    await server.dispose();
  }
}

process.exitCode = await main();
