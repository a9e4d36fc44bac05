/**
 * `npm run attack` (issue 13, item 6; docs/abuse.md): the adversary simulator. Builds the worker,
 * serves the bundle as `npm run bench` does (Miniflare API, direct sockets, the real rate limiter
 * and a local D1 in `.bench/attack-state`), gives every profile its own campaign (30 nominees with
 * an honest history, holding on, the default protection), runs the profiles one after another on
 * loopback and reports, per profile: attempted, counted, held, refused by reason, flags, and the
 * distortion (how far the pushed nominee rose in the public ranking). Writes .bench/attack.json
 * and prints a table.
 *
 * Knobs: ATTACK_SECONDS (60: how long each attack profile runs), ATTACK_PROFILES (comma list),
 * ATTACK_NATIVE_HPS (the adversary's core; measured now when unset), ATTACK_PHONE_HPS (the
 * phone's solver speed; measured in Chromium at 4× CPU throttling when unset), ATTACK_REAL_CPU=1,
 * ATTACK_TAG (a separate state and report, attack-<tag>.json), ATTACK_SKIP_BUILD=1.
 */
process.env.CLOUDFLARE_CF_FETCH_ENABLED = "false";
process.env.WRANGLER_SEND_METRICS = "false";

import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { zuimeiXinfang } from "../../src/db/seed/zuimei-xinfang";
import { d1File, loadCampaign, openDb } from "../bench/generate";
import { BENCH_DIR, parseDevVars, ROOT, startBenchServer } from "../bench/server";
import { wranglerEnv } from "../bench/state";
import { syntheticCampaign } from "../bench/synthetic";
import { type LikeAttempt, nativeSpeed } from "./client";
import { measurePhoneSpeed } from "./phone-speed";
import { PROFILES, type ProfileRun } from "./profiles";

const NOMINEES = 30;
const TARGET = 25;
/**
 * Solvers are modeled, not owned: a device's wait is the hashes its proof needed divided by its
 * measured speed (the answer is still found here, for real). Finding it costs this machine's CPU,
 * and on a shared machine that would measure the machine, not the device; so every campaign uses
 * a base difficulty SCALE times smaller and every speed is divided by the same factor: each
 * level's wait is unchanged (levels do not depend on the base; the work at a level is linear in
 * it) while the CPU spent is SCALE times less. The adversary's 4 clients share one modeled core
 * (their solves queue); each phone has its own. ATTACK_REAL_CPU=1: the adversaries solve
 * full-size challenges on this machine's CPU as it is (SCALE applies to the honest ones only).
 */
const SCALE = 250;
const REAL_CPU = process.env.ATTACK_REAL_CPU === "1";
const HONEST = new Set(["office-200", "crowd"]);
const num = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const SECONDS = num("ATTACK_SECONDS", 60);
const only = process.env.ATTACK_PROFILES?.split(",").map((s) => s.trim());
const log = (line: string) => console.log(line);

/** A fresh database: migrations, then one campaign per profile with an honest past. */
function prepare(persistTo: string, slugs: string[], scaled: Set<string>): void {
  rmSync(persistTo, { recursive: true, force: true });
  execFileSync(
    join(ROOT, "node_modules", ".bin", "wrangler"),
    ["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo],
    { cwd: ROOT, env: wranglerEnv(), stdio: ["ignore", "ignore", "inherit"] },
  );
  const db = openDb(d1File(persistTo));
  const now = Date.now();
  try {
    loadCampaign(db, zuimeiXinfang, now);
    for (const slug of slugs) {
      const id = loadCampaign(
        db,
        syntheticCampaign({ slug, title: `攻击演练：${slug}`, nominees: NOMINEES, now }),
        now,
      );
      if (scaled.has(slug)) {
        db.prepare(
          "UPDATE campaigns SET challenge_difficulty = challenge_difficulty / ? WHERE id = ?",
        ).run(SCALE, id);
      }
      // Nominee k has 20 + 10·(30 − k) likes from two days ago: a clear ranking, 1 first, 30 last.
      const insert = db.prepare(
        `INSERT INTO likes (campaign_id, nominee_id, voter_hash, ip_hash, day, slot, created_at,
                            status, receipt, ip_prefix_hash)
         SELECT ?, id, ?, ?, '2000-01-01', 1, ?, 'counted', ?, ?
         FROM nominees WHERE campaign_id = ? AND number = ?`,
      );
      db.exec("BEGIN");
      for (let k = 1; k <= NOMINEES; k++) {
        for (let i = 0; i < 20 + 10 * (NOMINEES - k); i++) {
          const tag = `${slug}-${k}-${i}`;
          insert.run(
            id,
            `past-${tag}`,
            `ip-${i % 50}`,
            now - 2 * 86_400_000 - i * 60_000,
            tag,
            `net-${i % 40}`,
            id,
            k,
          );
        }
      }
      db.exec("COMMIT");
    }
  } finally {
    db.close();
  }
}

/** The public ranking: nominee number → rank. */
async function ranking(origin: string, slug: string): Promise<Map<number, number>> {
  const res = await fetch(`${origin}/api/campaigns/${slug}/results`);
  const body = (await res.json()) as { candidates: { rank: number; number: number }[] };
  return new Map(body.candidates.map((c) => [c.number, c.rank]));
}

async function flagsOf(origin: string, slug: string, token: string) {
  const res = await fetch(`${origin}/api/admin/campaigns/${slug}/flags?status=all`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  const body = (await res.json()) as { flags?: { kind: string; detail?: unknown }[] };
  const kinds: Record<string, number> = {};
  for (const f of body.flags ?? []) kinds[f.kind] = (kinds[f.kind] ?? 0) + 1;
  return kinds;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : (s[Math.floor((s.length - 1) / 2)] ?? 0);
};

function summarize(run: ProfileRun) {
  const on = (a: LikeAttempt) => a.number === run.target;
  const recorded = (a: LikeAttempt) => a.code === "counted" || a.code === "held";
  const refused: Record<string, number> = {};
  for (const a of run.attempts) {
    if (!recorded(a)) refused[a.code] = (refused[a.code] ?? 0) + 1;
  }
  const within = (s: number, f: (a: LikeAttempt) => boolean) =>
    run.attempts.filter((a) => a.at <= s && f(a)).length;
  const ordered = run.attempts.filter((a) => on(a) && recorded(a)).sort((a, b) => a.at - b.at);
  return {
    attempted: run.attempts.length,
    counted: run.attempts.filter((a) => a.code === "counted").length,
    held: run.attempts.filter((a) => a.code === "held").length,
    refused,
    proofs: run.attempts.reduce((s, a) => s + a.proofs, 0),
    maxLevel: run.attempts.reduce((m, a) => Math.max(m, a.level), 0),
    targetRecordedIn60s: within(60, (a) => on(a) && recorded(a)),
    targetCountedIn60s: within(60, (a) => on(a) && a.code === "counted"),
    targetRecorded: ordered.length,
    secondsTo190: ordered[189]?.at ?? null,
    medianAddedWaitS: Math.round(median(run.attempts.map((a) => a.addedWaitS)) * 100) / 100,
    p90AddedWaitS:
      Math.round(
        ([...run.attempts.map((a) => a.addedWaitS)].sort((a, b) => a - b)[
          Math.floor(run.attempts.length * 0.9)
        ] ?? 0) * 10,
      ) / 10,
  };
}

async function main() {
  const profiles = PROFILES.filter((p) => !only || only.includes(p.name));
  mkdirSync(BENCH_DIR, { recursive: true });
  if (process.env.ATTACK_SKIP_BUILD !== "1") {
    log("attack: building (npm run build)");
    execFileSync("npm", ["run", "--silent", "build"], { cwd: ROOT, stdio: "inherit" });
  }
  const measuredNative = nativeSpeed();
  const nativeHps = num("ATTACK_NATIVE_HPS", 0) || measuredNative;
  const phoneHps = num("ATTACK_PHONE_HPS", 0) || (await measurePhoneSpeed(4, 4));
  log(
    `attack: native solver ${nativeHps} hashes/s on one core (measured now: ${measuredNative}); phone ${phoneHps} hashes/s; ${REAL_CPU ? "adversaries on this CPU" : `all modeled, base difficulty ÷ ${SCALE}`}`,
  );
  // ATTACK_TAG: a run of its own (state and report), so two runs can go side by side.
  const tag = process.env.ATTACK_TAG ? `-${process.env.ATTACK_TAG.replace(/[^\w-]/g, "")}` : "";
  const persistTo = join(BENCH_DIR, `attack-state${tag}`);
  const slugs = profiles.map((p) => `attack-${p.name}`);
  prepare(
    persistTo,
    slugs,
    new Set(profiles.filter((p) => !REAL_CPU || HONEST.has(p.name)).map((p) => `attack-${p.name}`)),
  );
  const token = parseDevVars(readFileSync(join(ROOT, ".dev.vars.example"), "utf8")).ADMIN_TOKEN;
  const server = await startBenchServer({ persistTo });
  const results = [];
  try {
    for (const [i, profile] of profiles.entries()) {
      const slug = slugs[i] ?? "";
      log(`attack: ${profile.name} — ${profile.description}`);
      const before = await ranking(server.app, slug);
      const load = loadavg()[0];
      const run = await profile.run({
        origin: server.app,
        slug,
        target: TARGET,
        nominees: NOMINEES,
        phoneHps: phoneHps / SCALE,
        nativeHps: REAL_CPU ? null : nativeHps / SCALE,
        seconds: SECONDS,
      });
      const rankBefore = before.get(run.target) ?? 0;
      const after = (await ranking(server.app, slug)).get(run.target) ?? 0;
      const summary = summarize(run);
      results.push({
        profile: profile.name,
        description: profile.description,
        seconds: run.seconds,
        loadAverage: load,
        target: run.target,
        ...summary,
        flags: await flagsOf(server.app, slug, token ?? ""),
        rankBefore,
        rankAfter: after,
        distortion: rankBefore - after,
      });
      log(`  ${JSON.stringify(results[results.length - 1])}`);
    }
  } finally {
    await server.dispose();
  }
  const report = {
    at: new Date().toISOString(),
    nativeHps,
    measuredNativeHps: measuredNative,
    phoneHps,
    scale: SCALE,
    realCpu: REAL_CPU,
    seconds: SECONDS,
    results,
  };
  writeFileSync(join(BENCH_DIR, `attack${tag}.json`), `${JSON.stringify(report, null, 2)}\n`);
  const rows = results.map((r) => ({
    profile: r.profile,
    attempted: r.attempted,
    counted: r.counted,
    held: r.held,
    refused: Object.entries(r.refused)
      .map(([k, v]) => `${k} ${v}`)
      .join(", "),
    flagged: Object.entries(r.flags)
      .map(([k, v]) => `${k} ${v}`)
      .join(", "),
    "target rec./60s": r.targetRecordedIn60s,
    "target counted/60s": r.targetCountedIn60s,
    "to 190 (s)": r.secondsTo190 === null ? "" : r.secondsTo190.toFixed(0),
    "median wait (s)": r.medianAddedWaitS,
    "max level": r.maxLevel,
    "rank before→after": `${r.rankBefore}→${r.rankAfter} (${r.distortion >= 0 ? "+" : ""}${r.distortion})`,
  }));
  console.table(rows);
  log(`attack: report in ${join(BENCH_DIR, `attack${tag}.json`)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
