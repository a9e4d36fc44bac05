/**
 * The benchmark's database, built fresh in a bench-only persistence root (`.bench/state`): the
 * migrations through wrangler (as `npm run db:migrate` does, with `--persist-to`), then the seed
 * campaign, a synthetic campaign with a big ledger and an empty twin of it, written straight into
 * the D1 file by the bulk generator. The like ingest path (issue 16): `bench-1m` and `bench-empty`
 * take the default (sharded: LikeShard Durable Objects, 16 shards, migration 0014); `bench-direct`,
 * another empty twin, is `ingest = 'direct'` (one D1 transaction per like), for the side by side.
 */
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { zuimeiXinfang } from "../../src/db/seed/zuimei-xinfang";
import { d1File, insertLedger, loadCampaign, openDb, verifyCounters } from "./generate";
import { DIRECT } from "./ingest-paths";
import { ROOT } from "./server";
import { syntheticCampaign } from "./synthetic";

export const BIG = "bench-1m";
export const EMPTY = "bench-empty";
export const SEED = zuimeiXinfang.slug;

export interface StateOptions {
  persistTo: string;
  nominees: number;
  likes: number;
  voters: number;
  log: (line: string) => void;
}

export interface StateInfo {
  file: string;
  likes: number;
  generateSeconds: number;
  rowsPerSecond: number;
}

export function wranglerEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    CLOUDFLARE_CF_FETCH_ENABLED: "false",
    WRANGLER_SEND_METRICS: "false",
    WRANGLER_LOG_PATH: join(ROOT, ".bench", "logs"),
  };
}

export function prepareState(opts: StateOptions): StateInfo {
  rmSync(opts.persistTo, { recursive: true, force: true });
  execFileSync(
    join(ROOT, "node_modules", ".bin", "wrangler"),
    ["d1", "migrations", "apply", "DB", "--local", "--persist-to", opts.persistTo],
    { cwd: ROOT, env: wranglerEnv(), stdio: ["ignore", "ignore", "inherit"] },
  );
  const file = d1File(opts.persistTo);
  const db = openDb(file);
  try {
    const now = Date.now();
    // The baseline worker's table: a bare one-row insert, no index but the rowid.
    db.exec(
      "CREATE TABLE IF NOT EXISTS bench_baseline (id INTEGER PRIMARY KEY, voter TEXT NOT NULL, nominee INTEGER NOT NULL, created_at INTEGER NOT NULL)",
    );
    loadCampaign(db, zuimeiXinfang, now);
    const big = loadCampaign(
      db,
      syntheticCampaign({ slug: BIG, title: "基准测试：一百万个赞", nominees: opts.nominees, now }),
      now,
    );
    loadCampaign(
      db,
      syntheticCampaign({ slug: EMPTY, title: "基准测试：没有赞", nominees: opts.nominees, now }),
      now,
    );
    const direct = loadCampaign(
      db,
      syntheticCampaign({
        slug: DIRECT,
        title: "基准测试：直接写入",
        nominees: opts.nominees,
        now,
      }),
      now,
    );
    db.prepare("UPDATE campaigns SET ingest = 'direct' WHERE id = ?").run(direct);
    const paths = db
      .prepare("SELECT slug, ingest, shards FROM campaigns WHERE id IN (?, ?)")
      .all(big, direct) as { slug: string; ingest: string; shards: number }[];
    for (const c of paths) {
      const want = c.slug === DIRECT ? "direct" : "sharded";
      if (c.ingest !== want) throw new Error(`${c.slug}: ingest ${c.ingest}, expected ${want}`);
    }
    const t0 = performance.now();
    let lastReport = 0;
    const likes = insertLedger(db, {
      campaignId: big,
      likes: opts.likes,
      voters: opts.voters,
      now,
      tag: 0x1b3e7,
      onProgress: (done) => {
        if (done - lastReport >= 250_000 || done === opts.likes) {
          lastReport = done;
          opts.log(`  generated ${done.toLocaleString("en")} likes`);
        }
      },
    });
    const generateSeconds = (performance.now() - t0) / 1000;
    const check = verifyCounters(db, big);
    if (check.counted !== opts.likes || check.counters !== opts.likes || check.mismatched !== 0) {
      throw new Error(`counters do not match the ledger: ${JSON.stringify(check)}`);
    }
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    return { file, likes, generateSeconds, rowsPerSecond: likes / generateSeconds };
  } finally {
    db.close();
  }
}
