/**
 * `npm run crash-test` (issues 5 and 16): kill -9 the dev server in the middle of a like load,
 * restart it on the same state, and prove that every acknowledged like is counted exactly once, on
 * both ingest paths at once.
 *
 *   1. A private local state directory (.wrangler/crash-state, wiped first; the developer's
 *      .wrangler/state is never touched), migrated and seeded by scripts/setup-local.ts.
 *   2. `wrangler dev --port <CRASH_TEST_PORT> --persist-to <it> --var CRASH_TEST_FLUSH_PAUSE_MS:1000`
 *      in its own process group (crash-test/server.ts). The pause (this run only, never in
 *      wrangler.toml) holds each shard flush 1 s before its D1 batch and 1 s between the batch's
 *      commit and the shard marking its rows flushed, so the kill lands inside those windows.
 *   3. Two campaigns through the organizer API, 20 nominees each, 1 like per nominee per day, no
 *      daily cap, proof-of-work thresholds off: `crash-test` on the default path (sharded: the
 *      voter's LikeShard, flushed to D1 in batches) and `crash-direct` with `ingest: "direct"`.
 *   4. Simulated voters (each with its own `by_voter` cookie and CF-Connecting-IP) like every
 *      nominee in a random order, many requests in flight, one fresh Idempotency-Key per like.
 *   5. After a random number of 201s, and once the shard files show a flush before its commit and
 *      one after it (crash-test/files.ts reads the SQLite files read-only), SIGKILL to the whole
 *      process group. With the server dead, the files say which windows the kill hit: likes only in
 *      shards, flushes not yet committed, flushes committed but not marked.
 *   6. A restart on the same state, and per campaign (crash-test/checks.ts): every request in
 *      flight or failed is sent again (same cookie, same key) and answers 201 or a legitimate
 *      refusal; every acknowledged like sent again answers the same receipt, replayed; every receipt
 *      is found; counters (public results, export.json) == counted ledger rows (votes.csv) ==
 *      distinct acknowledged likes, per nominee and in total; no (voter, nominee, day) twice. The
 *      exports go through the flush barrier, so they see every acknowledged like. Last, the shards'
 *      own counters: the interrupted flushes were sent again, and D1 answered "already" for exactly
 *      those that had committed.
 *
 * Exits 1 on any violation. The server is killed at the end, also on errors and Ctrl-C.
 * CRASH_TEST_PORT overrides the port (never 8787: the browser tests use it).
 */
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import {
  type CampaignRun,
  check,
  checkCampaign,
  retryUnanswered,
  violations,
} from "./crash-test/checks";
import { campaignId, type KillWindows, killWindows, readShards } from "./crash-test/files";
import {
  adminJson,
  type Job,
  LEGIT_REFUSALS,
  like,
  newVoter,
  pool,
  shuffled,
  type Voter,
} from "./crash-test/http";
import {
  base,
  crashServer,
  currentLogFile,
  env,
  FLUSH_PAUSE_MS,
  killServer,
  root,
  sleep,
  startServer,
  stateDir,
  tail,
} from "./crash-test/server";

const NOMINEES = 20;
const CAMPAIGNS = [
  { slug: "crash-test", ingest: "sharded" as const, voters: 100 },
  { slug: "crash-direct", ingest: "direct" as const, voters: 50 },
];
const CONCURRENCY = 48;
/** The kill comes after this many acknowledged likes, both campaigns together (random, printed). */
const KILL_AFTER: [number, number] = [80, 200];
/** …and no sooner than this after the first 201: every shard has begun its flush cycle. */
const MIN_LOAD_MS = 1000 + 2 * FLUSH_PAUSE_MS + 500;
/** The longest wait for a shard in each flush window before killing anyway. */
const WINDOW_WAIT_MS = 20_000;

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const log = (msg: string) => console.log(`crash-test [${elapsed()}] ${msg}`);

process.on("exit", killServer);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => process.exit(signal === "SIGINT" ? 130 : 143));
}

async function createCampaign(slug: string, ingest: "sharded" | "direct"): Promise<void> {
  const now = Date.now();
  await adminJson("POST", "", {
    slug,
    title: "崩溃测试",
    organizer: "crash-test",
    opensAt: new Date(now - 60_000).toISOString(),
    closesAt: new Date(now + 86_400_000).toISOString(),
    rules: { likesPerCandidatePerDay: 1, likesPerVoterPerDay: null },
    showCounts: "always",
    // Sharded is the default: only the direct campaign says so.
    ...(ingest === "direct" ? { ingest } : {}),
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
  log(
    `campaign "${slug}" open with ${NOMINEES} nominees (status ${String(settings.status)}, ingest ${String(settings.ingest)})`,
  );
  if (settings.ingest !== ingest) {
    throw new Error(`campaign ${slug} has ingest ${String(settings.ingest)}, expected ${ingest}`);
  }
}

/** Both flush windows are open somewhere right now (read live from the files, best effort). */
function windowsOpen(shardedId: number): boolean {
  try {
    const w = killWindows(readShards(shardedId));
    return w.unflushed > 0 && w.beforeCommit > 0 && w.afterCommit > 0;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  log(`state in ${stateDir} (wiped), server on ${base}, flush pause ${FLUSH_PAUSE_MS} ms`);
  rmSync(stateDir, { recursive: true, force: true });
  mkdirSync(stateDir, { recursive: true });
  const tsx = join(root, "node_modules", "tsx", "dist", "cli.mjs");
  execFileSync(process.execPath, [tsx, "scripts/setup-local.ts", "--persist-to", stateDir], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  await startServer();
  log("server up");
  for (const c of CAMPAIGNS) await createCampaign(c.slug, c.ingest);
  const shardedId = campaignId("crash-test");

  const runs: CampaignRun[] = CAMPAIGNS.map((c) => ({
    slug: c.slug,
    ingest: c.ingest,
    nominees: NOMINEES,
    voters: c.voters,
    jobs: [],
    unexpected: [],
  }));
  const voters: Voter[] = [];
  let index = 0;
  for (const c of CAMPAIGNS) {
    const first = index;
    index += c.voters;
    await pool(
      Array.from({ length: c.voters }, (_, i) => first + i),
      16,
      async (i) => {
        voters[i] = await newVoter(c.slug, i);
      },
    );
  }
  // Round-robin over voters of both campaigns, each liking every nominee once in its own order.
  const orders = voters.map(() => shuffled(NOMINEES));
  // Both campaigns' voters mixed, so the kill finds likes of both in flight.
  const mixed = shuffled(voters.length).map((i) => voters[i - 1] as Voter);
  const jobs: { job: Job; run: CampaignRun }[] = [];
  for (let k = 0; k < NOMINEES; k++) {
    for (const v of mixed) {
      const run = runs.find((r) => r.slug === v.slug) as CampaignRun;
      const job: Job = {
        voter: v,
        number: orders[v.index]?.[k] ?? 0,
        key: randomUUID(),
        state: "todo",
      };
      run.jobs.push(job);
      jobs.push({ job, run });
    }
  }
  log(`${voters.length} voters with cookies, ${jobs.length} likes planned`);

  // ---- Phase 1: the load, and kill -9 in the middle of it.
  const killAfter = KILL_AFTER[0] + Math.floor(Math.random() * (KILL_AFTER[1] - KILL_AFTER[0]));
  let acked = 0;
  let firstAck = 0;
  let stop = false;
  let next = 0;
  const loadStart = Date.now();
  log(
    `load: ${CONCURRENCY} requests in flight; kill -9 after ${killAfter} acknowledged likes, ≥ ${MIN_LOAD_MS} ms of load, and with both flush windows open`,
  );
  const tooManyUnexpected = () => runs.some((r) => r.unexpected.length >= 20);

  const worker = async () => {
    while (!stop && !tooManyUnexpected() && next < jobs.length) {
      const { job, run } = jobs[next++] as { job: Job; run: CampaignRun };
      job.state = "pending";
      const a = await like(job);
      if (a.kind === "network") {
        job.state = "unknown";
        job.error = a.error;
      } else if (a.status === 201 && a.receipt) {
        job.state = "acked";
        job.receipt = a.receipt;
        job.ackedIn = "load";
        if (a.replayed) run.unexpected.push(`first send of key ${job.key} answered as a replay`);
        acked += 1;
        firstAck ||= Date.now();
      } else if (a.code && LEGIT_REFUSALS.has(a.code)) {
        job.state = "refused";
        job.refusal = a.code;
      } else {
        // Mid-crash a proxy may answer 502/503 for a worker that died: the like's fate is unknown.
        job.state = a.status >= 500 && stop ? "unknown" : "refused";
        job.refusal = `${a.status} ${a.code ?? ""}`.trim();
        if (job.state === "unknown") job.error = `HTTP ${job.refusal}`;
        else run.unexpected.push(`load: ${job.refusal} for a fresh like`);
      }
    }
  };
  // The killer: waits for enough 201s, enough time, and a shard in each flush window.
  let ackedAtKill = 0;
  let inFlightAtKill = 0;
  const inFlightByRun = new Map<string, number>();
  let windowsSeen = false;
  const killer = (async () => {
    while (
      !tooManyUnexpected() &&
      (acked < killAfter || Date.now() - firstAck < MIN_LOAD_MS || firstAck === 0)
    ) {
      if (next >= jobs.length) return false;
      await sleep(50);
    }
    const deadline = Date.now() + WINDOW_WAIT_MS;
    for (;;) {
      windowsSeen = windowsOpen(shardedId);
      if (windowsSeen || Date.now() > deadline || next >= jobs.length) break;
      await sleep(100);
    }
    stop = true;
    ackedAtKill = acked;
    inFlightAtKill = jobs.filter((j) => j.job.state === "pending").length;
    for (const run of runs) {
      inFlightByRun.set(run.slug, run.jobs.filter((j) => j.state === "pending").length);
    }
    await crashServer();
    return true;
  })();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  if (!(await killer)) {
    const unexpected = runs.flatMap((r) => r.unexpected);
    throw new Error(
      unexpected.length > 0
        ? `the server refused fresh likes before the kill: ${unexpected.slice(0, 3).join("; ")}`
        : "the load finished before the kill; lower KILL_AFTER",
    );
  }
  const loadSeconds = (Date.now() - loadStart) / 1000;
  const unknownAfterLoad = jobs.filter((j) => j.job.state === "unknown").length;
  log(
    `killed after ${loadSeconds.toFixed(1)} s of load (${Math.round(ackedAtKill / loadSeconds)} likes/s): ` +
      `${ackedAtKill} acknowledged at the kill, ${inFlightAtKill} in flight, ${unknownAfterLoad} without an answer` +
      `${windowsSeen ? "" : `; no shard seen in both flush windows within ${WINDOW_WAIT_MS / 1000} s`}`,
  );

  // ---- What the kill hit, read from the files with the server dead.
  const windows: KillWindows = killWindows(readShards(shardedId));
  log(
    `at the kill (shard files): ${windows.shards} shards, ${windows.unflushed} acknowledged likes only in shards, ` +
      `${windows.beforeCommit} flushes interrupted before their D1 commit, ` +
      `${windows.afterCommit} committed to D1 but not marked in the shard (${windows.afterCommitLikes} likes)`,
  );

  // ---- Phase 2: restart on the same state, then the checks per campaign.
  await startServer();
  log("server restarted on the same state");
  for (const run of runs) {
    const retried = await retryUnanswered(run);
    log(
      `${run.slug}: retried ${retried.retried}: ${retried.countedBeforeKill} had been counted before the kill (replayed), ` +
        `${retried.countedOnRetry} counted now, ${retried.refusedOnRetry} refused (legitimately), ${retried.networkErrors} still without an answer`,
    );
    await checkCampaign(run, retried);
  }

  // ---- The interrupted flushes, after the restart (the exports above flushed every shard).
  const after = readShards(shardedId);
  const retriedFlushes = after.reduce((n, s) => n + s.retried, 0);
  const already = after.reduce((n, s) => n + s.already, 0);
  const pendingAfter = after.reduce((n, s) => n + s.pending, 0);
  console.log("\nthe kill's windows (crash-test, sharded)");
  console.log(`  requests in flight at the kill                  ${inFlightAtKill}`);
  console.log(`  acknowledged likes only in shards at the kill   ${windows.unflushed}`);
  console.log(`  flushes interrupted before their D1 commit      ${windows.beforeCommit}`);
  console.log(`  flushes committed, not marked in the shard      ${windows.afterCommit}`);
  console.log(`  flushes sent again after the restart            ${retriedFlushes}`);
  console.log(`    of which D1 answered "already" (no recount)   ${already}`);
  console.log(`  likes still pending in shards after the exports ${pendingAfter}`);
  for (const run of runs) {
    const n = inFlightByRun.get(run.slug) ?? 0;
    check(n > 0, `the kill hit likes of ${run.slug} (${run.ingest}) in flight`, `${n} in flight`);
  }
  check(windows.unflushed > 0, "the kill found acknowledged likes that were only in shards");
  check(windows.beforeCommit > 0, "the kill interrupted a flush before its D1 commit");
  check(windows.afterCommit > 0, "the kill interrupted a flush between its D1 commit and its mark");
  check(
    retriedFlushes === windows.beforeCommit + windows.afterCommit,
    "every interrupted flush was sent again under its own id",
    `${retriedFlushes} sent again, ${windows.beforeCommit + windows.afterCommit} interrupted`,
  );
  check(
    already === windows.afterCommit,
    'D1 answered "already" for exactly the flushes that had committed',
    `${already} "already", ${windows.afterCommit} committed before the kill`,
  );
  check(pendingAfter === 0, "no like left pending in a shard after the exports' barrier");
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
