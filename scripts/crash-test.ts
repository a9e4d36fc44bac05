/**
 * `npm run crash-test` (issue 5): kill -9 the dev server in the middle of a like load, restart it on
 * the same state, and prove that every acknowledged like is counted and none is counted twice.
 *
 *   1. A private local state directory (.wrangler/crash-state, wiped first; the developer's
 *      .wrangler/state is never touched), migrated and seeded by scripts/setup-local.ts.
 *   2. `wrangler dev --port 8797 --persist-to <it>` in its own process group.
 *   3. A dedicated campaign through the organizer API: 20 nominees, 1 like per nominee per day, no
 *      daily cap, proof-of-work thresholds off.
 *   4. Simulated voters (each with its own `by_voter` cookie, fetched from the campaign page first,
 *      and its own CF-Connecting-IP) like every nominee in a random order, many requests in flight,
 *      one fresh Idempotency-Key per like.
 *   5. After a random number of 201s, SIGKILL to the whole process group. Then a restart on the same
 *      state, and the checks: every receipt counted; every request that was in flight or failed is
 *      sent again (same cookie, same key) and answers 201 or a legitimate refusal; every
 *      acknowledged like sent again answers the same receipt, replayed; counters (public results
 *      and export.json) == counted ledger rows (votes.csv) == distinct acknowledged likes, per
 *      nominee and in total; no (voter, nominee, day) twice among the counted rows.
 *
 * Exits 1 on any violation. The server is killed at the end, also on errors and Ctrl-C.
 * CRASH_TEST_PORT overrides the port (never 8787: the browser tests use it).
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { closeSync, mkdirSync, openSync, readFileSync, rmSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const stateDir = join(root, ".wrangler", "crash-state");
const port = Number(process.env.CRASH_TEST_PORT ?? 8797);
const base = `http://localhost:${port}`;
const slug = "crash-test";

const NOMINEES = 20;
const VOTERS = 150;
const CONCURRENCY = 48;
/** The kill comes after this many acknowledged likes (random in the range, printed). */
const KILL_AFTER: [number, number] = [150, 450];

const env = {
  ...process.env,
  // The Node running this script first on PATH, so wrangler's `#!/usr/bin/env node` finds Node 22
  // even when the script is started without npm.
  PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ""}`,
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_SEND_METRICS: "false",
  WRANGLER_LOG_PATH: join(root, ".wrangler", "logs"),
};

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const log = (msg: string) => console.log(`crash-test [${elapsed()}] ${msg}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// The dev server, in its own process group so that one SIGKILL takes wrangler, workerd and esbuild.

let server: { child: ChildProcess; pgid: number; exited: Promise<void>; logFile: string } | null =
  null;
let serverRuns = 0;

function killServer(): void {
  if (!server) return;
  try {
    process.kill(-server.pgid, "SIGKILL");
  } catch {
    /* already gone */
  }
}

process.on("exit", killServer);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => process.exit(signal === "SIGINT" ? 130 : 143));
}

async function portAnswers(): Promise<boolean> {
  try {
    await fetch(`${base}/api/campaigns`, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

async function startServer(): Promise<void> {
  if (await portAnswers()) {
    throw new Error(`something already answers on port ${port}; set CRASH_TEST_PORT to a free one`);
  }
  serverRuns += 1;
  const logFile = join(stateDir, `server-${serverRuns}.log`);
  const out = openSync(logFile, "w");
  const wranglerJs = join(root, "node_modules", "wrangler", "bin", "wrangler.js");
  // process.execPath: the Node 22 that npm put on PATH (wrangler refuses older ones).
  const child = spawn(
    process.execPath,
    [wranglerJs, "dev", "--port", String(port), "--persist-to", stateDir],
    { cwd: root, env, detached: true, stdio: ["ignore", out, out] },
  );
  closeSync(out);
  if (child.pid === undefined) throw new Error("could not start wrangler dev");
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  server = { child, pgid: child.pid, exited, logFile };
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`wrangler dev exited during start-up; see ${logFile}`);
    if (readFileSync(logFile, "utf8").includes("Build failed")) {
      throw new Error(`wrangler dev could not build the worker; see ${logFile}`);
    }
    if (await portAnswers()) return;
    await sleep(250);
  }
  throw new Error(`wrangler dev did not answer within 90 s; see ${logFile}`);
}

/** kill -9 on the whole process group, then wait until the port is closed. */
async function crashServer(): Promise<void> {
  const s = server;
  if (!s) return;
  process.kill(-s.pgid, "SIGKILL");
  await s.exited;
  const deadline = Date.now() + 15_000;
  while (await portAnswers()) {
    if (Date.now() > deadline) throw new Error(`port ${port} still answers after kill -9`);
    await sleep(100);
  }
  server = null;
}

function currentLogFile(): string | undefined {
  return server?.logFile;
}

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP helpers

function adminToken(): string {
  const vars = readFileSync(join(root, ".dev.vars"), "utf8");
  const line = vars.split(/\r?\n/).find((l) => l.startsWith("ADMIN_TOKEN="));
  const token = line?.slice("ADMIN_TOKEN=".length).trim();
  if (!token) throw new Error(".dev.vars has no ADMIN_TOKEN");
  return token;
}

let token = "";

async function admin(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${base}/api/admin/campaigns${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      Origin: base,
      ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(30_000),
  });
}

async function adminJson<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await admin(method, path, body);
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} /api/admin/campaigns${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

async function publicJson<T>(path: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base}/api${path}`, { signal: AbortSignal.timeout(30_000) });
  return { status: res.status, body: (await res.json()) as T };
}

/** Runs `fn` over `items` with at most `limit` calls at a time. */
async function pool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

// ---------------------------------------------------------------------------------------------
// Voters and likes

interface Voter {
  index: number;
  ip: string;
  cookie: string;
}

type JobState = "todo" | "pending" | "acked" | "refused" | "unknown";

interface Job {
  voter: Voter;
  number: number;
  key: string;
  state: JobState;
  receipt?: string;
  /** "before" the kill, "retry" after it. */
  ackedIn?: "load" | "retry";
  /** On retry: the server had counted it before the kill (Idempotent-Replayed). */
  replayedOnRetry?: boolean;
  refusal?: string;
  error?: string;
}

type Answer =
  | { kind: "http"; status: number; code?: string; receipt?: string; replayed: boolean }
  | { kind: "network"; error: string };

/** Refusals that are fine for any like: the flood guard and proof-of-work friction. */
const LEGIT_REFUSALS = new Set(["rate_limited", "challenge_required"]);

async function like(job: Job): Promise<Answer> {
  try {
    const res = await fetch(`${base}/api/campaigns/${slug}/candidates/${job.number}/likes`, {
      method: "POST",
      headers: {
        Origin: base,
        "CF-Connecting-IP": job.voter.ip,
        Cookie: job.voter.cookie,
        "Idempotency-Key": job.key,
      },
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await res.json()) as { receipt?: string; error?: { code?: string } };
    return {
      kind: "http",
      status: res.status,
      code: body.error?.code,
      receipt: body.receipt,
      replayed: res.headers.get("Idempotent-Replayed") === "true",
    };
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; message?: string } };
    return { kind: "network", error: err.cause?.code ?? err.cause?.message ?? err.message };
  }
}

/** A voter's cookie, as a browser gets it: from the campaign page, before any like. */
async function newVoter(index: number): Promise<Voter> {
  // One address per voter, each in its own /24, so neither the per-IP flood guard nor a per-prefix
  // challenge sees a crowd.
  const ip = `10.${(index >> 8) & 255}.${index & 255}.${1 + (index % 250)}`;
  const res = await fetch(`${base}/c/${slug}`, {
    headers: { "CF-Connecting-IP": ip },
    signal: AbortSignal.timeout(30_000),
  });
  await res.arrayBuffer();
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .find((c) => c.startsWith("by_voter="));
  if (res.status !== 200 || !cookie) {
    throw new Error(`GET /c/${slug} gave ${res.status} and no by_voter cookie`);
  }
  return { index, ip, cookie };
}

function shuffled(n: number): number[] {
  const a = Array.from({ length: n }, (_, i) => i + 1);
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j] as number, a[i] as number];
  }
  return a;
}

// ---------------------------------------------------------------------------------------------
// Checks

const violations: string[] = [];

function check(ok: boolean, what: string, detail = ""): void {
  console.log(`  ${ok ? "ok  " : "FAIL"} ${what}${!ok && detail ? `: ${detail}` : ""}`);
  if (!ok) violations.push(detail ? `${what}: ${detail}` : what);
}

/** A small RFC 4180 reader (quoted cells, CRLF), enough for votes.csv. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

interface LedgerRow {
  number: number;
  voterHash: string;
  status: string;
  receipt: string;
  day: string;
}

async function ledger(): Promise<LedgerRow[]> {
  const res = await admin("GET", `/${slug}/votes.csv?lang=en`);
  if (!res.ok) throw new Error(`votes.csv: ${res.status}`);
  const [header, ...lines] = parseCsv((await res.text()).replace(/^\uFEFF/, ""));
  // Lines starting with "#" are the file's trailer (the ledger head), not ledger rows.
  const rows = lines.filter((r) => !(r[0] ?? "").startsWith("#") && r.join("") !== "");
  const col = (name: string) => {
    const i = header?.indexOf(name) ?? -1;
    if (i < 0) throw new Error(`votes.csv has no column ${name}`);
    return i;
  };
  const [num, voter, status, receipt, day] = [
    col("number"),
    col("voter_hash"),
    col("status"),
    col("receipt"),
    col("day"),
  ];
  return rows.map((r) => ({
    number: Number(r[num]),
    voterHash: r[voter] ?? "",
    status: r[status] ?? "",
    receipt: r[receipt] ?? "",
    day: r[day] ?? "",
  }));
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  log(`state in ${stateDir} (wiped), server on ${base}`);
  rmSync(stateDir, { recursive: true, force: true });
  mkdirSync(stateDir, { recursive: true });
  const tsx = join(root, "node_modules", "tsx", "dist", "cli.mjs");
  execFileSync(process.execPath, [tsx, "scripts/setup-local.ts", "--persist-to", stateDir], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  token = adminToken();

  await startServer();
  log("server up");

  // The campaign: open now, for a day; one like per nominee per day, no daily cap; proof-of-work
  // thresholds off where the API takes them (it ignores unknown fields). Where it does not, the
  // defaults stay far away anyway: voters take turns, so none gets more than a few likes in before
  // the kill, and each has its own /24.
  const now = Date.now();
  await adminJson("POST", "", {
    slug,
    title: "崩溃测试",
    organizer: "crash-test",
    opensAt: new Date(now - 60_000).toISOString(),
    closesAt: new Date(now + 86_400_000).toISOString(),
    rules: { likesPerCandidatePerDay: 1, likesPerVoterPerDay: null },
    showCounts: "always",
    // No proof-of-work friction: this test is about durability, not abuse.
    protection: {
      challengePrefixPerMinute: null,
      challengeVoterPerMinute: null,
      challengeDifficulty: 100_000,
      retentionDays: null,
    },
  });
  for (let n = 1; n <= NOMINEES; n++) {
    await adminJson("POST", `/${slug}/nominees`, { name: `候选人${n}`, number: n });
  }
  await adminJson("POST", `/${slug}/open`);
  const settings = await adminJson<Record<string, unknown>>("GET", `/${slug}`);
  const protection = (settings.protection ?? {}) as Record<string, unknown>;
  const thresholds = ["challengePrefixPerMinute", "challengeVoterPerMinute"];
  const friction = thresholds.filter((k) => protection[k] !== undefined && protection[k] !== null);
  log(
    `campaign "${slug}" open with ${NOMINEES} nominees (status ${String(settings.status)}` +
      `${friction.length ? `; still on, so 428s may come: ${friction.map((k) => `${k}=${protection[k]}`).join(", ")}` : ""})`,
  );

  const voters: Voter[] = [];
  await pool(
    Array.from({ length: VOTERS }, (_, i) => i),
    16,
    async (i) => {
      voters[i] = await newVoter(i);
    },
  );
  // Round-robin over voters, each liking every nominee once in its own order.
  const orders = voters.map(() => shuffled(NOMINEES));
  const jobs: Job[] = [];
  for (let k = 0; k < NOMINEES; k++) {
    for (const v of voters) {
      jobs.push({ voter: v, number: orders[v.index]?.[k] ?? 0, key: randomUUID(), state: "todo" });
    }
  }
  log(`${VOTERS} voters with cookies, ${jobs.length} likes planned`);

  // ---- Phase 1: the load, and kill -9 in the middle of it.
  const killAfter = KILL_AFTER[0] + Math.floor(Math.random() * (KILL_AFTER[1] - KILL_AFTER[0]));
  let acked = 0;
  let killed = false;
  let ackedAtKill = 0;
  let inFlightAtKill = 0;
  let killPromise: Promise<void> | null = null;
  const unexpected: string[] = [];
  let next = 0;
  const loadStart = Date.now();
  log(`load: ${CONCURRENCY} requests in flight; kill -9 after ${killAfter} acknowledged likes`);

  const worker = async () => {
    // A server that refuses fresh likes (a bug, not the crash) stops the load at once.
    while (!killed && unexpected.length < 20 && next < jobs.length) {
      const job = jobs[next++] as Job;
      job.state = "pending";
      const a = await like(job);
      if (a.kind === "network") {
        job.state = "unknown";
        job.error = a.error;
      } else if (a.status === 201 && a.receipt) {
        job.state = "acked";
        job.receipt = a.receipt;
        job.ackedIn = "load";
        if (a.replayed) unexpected.push(`first send of key ${job.key} answered as a replay`);
        acked += 1;
        if (acked >= killAfter && !killed) {
          killed = true;
          ackedAtKill = acked;
          inFlightAtKill = jobs.filter((j) => j.state === "pending").length;
          killPromise = crashServer();
        }
      } else if (a.code && LEGIT_REFUSALS.has(a.code)) {
        job.state = "refused";
        job.refusal = a.code;
      } else {
        // Mid-crash a proxy may answer 502/503 for a worker that died: the like's fate is unknown.
        job.state = a.status >= 500 && killed ? "unknown" : "refused";
        job.refusal = `${a.status} ${a.code ?? ""}`.trim();
        if (job.state === "unknown") job.error = `HTTP ${job.refusal}`;
        else unexpected.push(`load: ${job.refusal} for a fresh like`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const loadSeconds = (Date.now() - loadStart) / 1000;
  if (!killed) {
    throw new Error(
      unexpected.length > 0
        ? `the server refused fresh likes before the kill: ${unexpected.slice(0, 3).join("; ")}`
        : "the load finished before the kill; lower KILL_AFTER",
    );
  }
  await killPromise;
  const count = (s: JobState) => jobs.filter((j) => j.state === s).length;
  const unknownAfterLoad = jobs.filter((j) => j.state === "unknown");
  const ackedInLoad = count("acked");
  log(
    `killed after ${loadSeconds.toFixed(1)} s of load (${Math.round(ackedAtKill / loadSeconds)} likes/s): ` +
      `${ackedAtKill} acknowledged at the kill, ${inFlightAtKill} in flight, ` +
      `${ackedInLoad} acknowledged in all, ${unknownAfterLoad.length} without an answer`,
  );
  const errors = new Map<string, number>();
  for (const j of unknownAfterLoad) errors.set(j.error ?? "", (errors.get(j.error ?? "") ?? 0) + 1);
  if (errors.size) log(`  network errors: ${[...errors].map(([e, n]) => `${e} ×${n}`).join(", ")}`);

  // ---- Phase 2: restart on the same state.
  await startServer();
  log("server restarted on the same state");

  // Every request without an answer, again: same cookie, same key, same address.
  await pool(unknownAfterLoad, 16, async (job) => {
    for (let attempt = 1; ; attempt++) {
      const a = await like(job);
      if (a.kind === "network") {
        if (attempt < 5) {
          await sleep(500);
          continue;
        }
        job.error = a.error;
        return;
      }
      if (a.status === 201 && a.receipt) {
        job.state = "acked";
        job.receipt = a.receipt;
        job.ackedIn = "retry";
        job.replayedOnRetry = a.replayed;
      } else if (a.code && LEGIT_REFUSALS.has(a.code)) {
        if (a.code === "rate_limited" && attempt < 3) {
          await sleep(61_000);
          continue;
        }
        job.state = "refused";
        job.refusal = a.code;
      } else {
        job.refusal = `${a.status} ${a.code ?? ""}`.trim();
        unexpected.push(`retry of key ${job.key}: ${job.refusal}`);
      }
      return;
    }
  });
  const retried = unknownAfterLoad.length;
  const countedBeforeKill = unknownAfterLoad.filter((j) => j.replayedOnRetry === true).length;
  const countedOnRetry = unknownAfterLoad.filter((j) => j.replayedOnRetry === false).length;
  const refusedOnRetry = unknownAfterLoad.filter((j) => j.state === "refused").length;
  const networkErrors = unknownAfterLoad.filter((j) => j.state === "unknown").length;
  // A like refused on its retry, or never answered, may still have been counted before the kill.
  const unresolved = refusedOnRetry + networkErrors;
  log(
    `retried ${retried}: ${countedBeforeKill} had been counted before the kill (replayed), ` +
      `${countedOnRetry} counted now, ${refusedOnRetry} refused (legitimately), ${networkErrors} still without an answer`,
  );

  // Every like acknowledged during the load, again: the same receipt, replayed, nothing counted.
  const loadAcked = jobs.filter((j) => j.ackedIn === "load");
  const replayMismatch: string[] = [];
  let replayRefused = 0;
  await pool(loadAcked, 16, async (job) => {
    let a = await like(job);
    for (let i = 0; a.kind === "network" && i < 4; i++) {
      await sleep(500);
      a = await like(job);
    }
    if (a.kind === "http" && a.code && LEGIT_REFUSALS.has(a.code)) {
      replayRefused += 1;
    } else if (
      a.kind === "network" ||
      a.status !== 201 ||
      !a.replayed ||
      a.receipt !== job.receipt
    ) {
      replayMismatch.push(
        `${job.receipt}: ${a.kind === "network" ? a.error : `${a.status} ${a.code ?? ""} replayed=${a.replayed} receipt=${a.receipt}`}`,
      );
    }
  });

  // Every receipt, looked up.
  const allAcked = jobs.filter((j) => j.state === "acked");
  const receiptProblems: string[] = [];
  await pool(allAcked, 16, async (job) => {
    const { status, body } = await publicJson<{ status?: string; number?: number }>(
      `/campaigns/${slug}/receipts/${job.receipt}`,
    );
    if (status !== 200 || body.status !== "counted" || body.number !== job.number) {
      receiptProblems.push(`${job.receipt}: ${status} ${JSON.stringify(body)}`);
    }
  });

  // ---- The tallies.
  const rows = await ledger();
  const counted = rows.filter((r) => r.status === "counted");
  const results = await publicJson<{
    totalLikes: number;
    candidates: { number: number; likes: number }[];
  }>(`/campaigns/${slug}/results`);
  const exported = await adminJson<{
    totalLikes: number;
    candidates: { number: number; likes: number }[];
  }>("GET", `/${slug}/export.json`);

  const ackedReceipts = new Set(allAcked.map((j) => j.receipt));
  const ledgerReceipts = new Set(counted.map((r) => r.receipt));
  const perNomineeLedger = new Map<number, number>();
  for (const r of counted)
    perNomineeLedger.set(r.number, (perNomineeLedger.get(r.number) ?? 0) + 1);
  const seen = new Set<string>();
  const duplicates: string[] = [];
  for (const r of counted) {
    const k = `${r.voterHash}|${r.number}|${r.day}`;
    if (seen.has(k)) duplicates.push(k);
    seen.add(k);
  }
  const sum = (cs: { likes: number }[]) => cs.reduce((s, c) => s + c.likes, 0);
  const counterMismatch = (cs: { number: number; likes: number }[]) =>
    cs
      .filter((c) => c.likes !== (perNomineeLedger.get(c.number) ?? 0))
      .map(
        (c) => `#${c.number}: counter ${c.likes}, ledger ${perNomineeLedger.get(c.number) ?? 0}`,
      );
  const missingFromLedger = [...ackedReceipts].filter((r) => !ledgerReceipts.has(r as string));
  const notAcked = [...ledgerReceipts].filter((r) => !ackedReceipts.has(r));
  const voterHashes = new Set(counted.map((r) => r.voterHash));

  console.log("\ncrash-test report");
  console.log(`  likes acknowledged before the kill      ${ackedAtKill}`);
  console.log(`  requests in flight at the kill          ${inFlightAtKill}`);
  console.log(`  acknowledged during the load, in all    ${ackedInLoad}`);
  console.log(`  refused during the load (legitimately)  ${count("refused")}`);
  console.log(`  without an answer, sent again           ${retried}`);
  console.log(`    of which counted before the kill      ${countedBeforeKill}`);
  console.log(`    of which counted on the retry         ${countedOnRetry}`);
  console.log(`    refused (rate limit / challenge)      ${refusedOnRetry}`);
  console.log(`    still without an answer               ${networkErrors}`);
  console.log(`  distinct acknowledged likes             ${ackedReceipts.size}`);
  console.log(`  counted rows in the ledger (votes.csv)  ${counted.length} of ${rows.length}`);
  console.log(`  sum of counters (results API)           ${sum(results.body.candidates ?? [])}`);
  console.log(
    `  totalLikes (results / export.json)      ${results.body.totalLikes} / ${exported.totalLikes}`,
  );
  console.log("\nchecks");
  check(unexpected.length === 0, "no unexpected answer", unexpected.slice(0, 5).join("; "));
  check(inFlightAtKill > 0, "the kill hit requests in flight", `${inFlightAtKill} in flight`);
  check(
    receiptProblems.length === 0,
    `every acknowledged receipt says counted (${allAcked.length} looked up)`,
    receiptProblems.slice(0, 5).join("; "),
  );
  check(
    replayMismatch.length === 0,
    `every like acknowledged during the load, sent again, is replayed with its receipt (${loadAcked.length}` +
      `${replayRefused ? `, ${replayRefused} refused by the flood guard or a challenge` : ""})`,
    replayMismatch.slice(0, 5).join("; "),
  );
  check(
    ackedReceipts.size === allAcked.length,
    "no receipt acknowledged for two likes",
    `${allAcked.length} likes, ${ackedReceipts.size} receipts`,
  );
  check(
    missingFromLedger.length === 0,
    "every acknowledged like is a counted ledger row",
    `missing: ${missingFromLedger.slice(0, 5).join(", ")}`,
  );
  check(
    unresolved === 0 ? notAcked.length === 0 : notAcked.length <= unresolved,
    unresolved === 0
      ? "every counted ledger row was acknowledged"
      : `at most ${unresolved} counted rows not acknowledged (retries refused or unanswered)`,
    `${notAcked.length} unacknowledged: ${notAcked.slice(0, 5).join(", ")}`,
  );
  check(
    duplicates.length === 0,
    "no (voter, nominee, day) twice among counted rows (rule: 1 per nominee per day)",
    duplicates.slice(0, 5).join("; "),
  );
  check(
    voterHashes.size <= VOTERS,
    "no like counted for a voter the test did not create",
    `${voterHashes.size} voters in the ledger, ${VOTERS} created`,
  );
  check(
    counterMismatch(results.body.candidates ?? []).length === 0 &&
      results.body.candidates?.length === NOMINEES,
    "counters (results API) == counted ledger rows, per nominee",
    counterMismatch(results.body.candidates ?? []).join("; "),
  );
  check(
    counterMismatch(exported.candidates).length === 0 && exported.candidates.length === NOMINEES,
    "counters (export.json) == counted ledger rows, per nominee",
    counterMismatch(exported.candidates).join("; "),
  );
  const totals = [
    sum(results.body.candidates ?? []),
    results.body.totalLikes,
    exported.totalLikes,
    counted.length,
    ledgerReceipts.size,
  ];
  check(
    totals.every((t) => t === ackedReceipts.size + (unresolved === 0 ? 0 : notAcked.length)),
    unresolved === 0
      ? "total counted == distinct acknowledged likes"
      : "total counted == distinct acknowledged likes + counted rows of unresolved retries",
    `sum of counters, results totalLikes, export totalLikes, ledger rows, ledger receipts = ${totals.join(", ")}; acknowledged ${ackedReceipts.size}`,
  );
}

try {
  await main();
} catch (e) {
  violations.push(`error: ${(e as Error).message}`);
  console.error(`\ncrash-test: ${(e as Error).stack ?? e}`);
  const logFile = currentLogFile();
  if (logFile) console.error(`\nlast lines of ${logFile}:\n${tail(logFile)}`);
} finally {
  killServer();
}
if (violations.length > 0) {
  console.error(`\ncrash-test FAILED after ${elapsed()}: ${violations.length} violation(s)`);
  for (const v of violations) console.error(`  - ${v}`);
  process.exit(1);
}
console.log(`\ncrash-test passed in ${elapsed()}`);
