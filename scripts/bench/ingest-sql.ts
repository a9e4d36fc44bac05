/**
 * The SQL side of the sharded like (issue 16; docs/scaling.md "Sharded ingest"), measured with
 * node:sqlite on a copy of the bench database (`npm run bench` first: its `.bench/state`):
 *
 *   read    the campaign snapshot a Worker isolate reads once a second (`readLikeSnapshot`,
 *           src/db/queries/like-state.ts: state, 1,000 nominees, hot subjects' rates, open flags)
 *   flush   one shard flush of 500 new likes (`flushToD1`, src/shards/flush.ts, the real code over
 *           a small D1 adapter: one transaction = like_flushes row + ledger rows + triggers + hot
 *           marks), the same flush sent again (answered "already", nothing written), and a tick of
 *           16 shards' flushes of 40 likes each as ONE batch (`writeFlushes`, as the LikeFlusher
 *           sends it) next to the same 16 flushes as 16 batches, and the batch one tick carries at
 *           the goal of 10,000 likes/s (16 × 469 likes)
 *   direct  the direct path's like on the same ledger (`castLike`, the real code: one transaction
 *           per like), for the comparison
 *   shard   a shard's own per-like transaction: LikeShard.decide's statements (copied here: the
 *           class needs the Workers runtime) on the shard schema (src/shards/shard-storage.ts)
 *
 *   tsx scripts/bench/ingest-sql.ts [flushes=20] [reads=5000] [shardLikes=20000]
 *   INGEST_SQL_LIKES=1000000 tsx scripts/bench/ingest-sql.ts   (first builds its own bench state
 *                                                             with that many likes, in a temp dir)
 *   INGEST_SQL_CACHE_MB=256 …                                 (a bigger page cache than SQLite's 2 MB)
 *
 * File-backed WAL databases with synchronous=NORMAL (no fsync per commit), as scaling.md's other
 * SQLite rows; the copy is deleted at the end.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync, type StatementSync } from "node:sqlite";
import { HOT_MARK_SQL, hotSubjects } from "../../src/db/queries/like-hot";
import { readLikeSnapshot } from "../../src/db/queries/like-state";
import { castLike } from "../../src/db/queries/likes";
import { flushToD1, writeFlushes } from "../../src/shards/flush";
import { type FlushRow, SHARD_SCHEMA } from "../../src/shards/shard-storage";
import { d1File } from "./generate";
import { BENCH_DIR } from "./server";
import { BIG, prepareState } from "./state";

const [flushes = 20, reads = 5000, shardLikes = 20_000] = process.argv.slice(2).map(Number);

type Param = string | number | null;

/** Just enough of D1's API over node:sqlite for flushToD1 and likeState. */
function d1(db: DatabaseSync) {
  const cache = new Map<string, StatementSync>();
  const prep = (sql: string) => {
    let s = cache.get(sql);
    if (!s) {
      s = db.prepare(sql);
      cache.set(sql, s);
    }
    return s;
  };
  const statement = (sql: string, params: Param[] = []) => ({
    sql,
    params,
    bind: (...args: Param[]) => statement(sql, args),
    first: async <T>() => (prep(sql).get(...params) ?? null) as T | null,
    all: async <T>() => ({ results: prep(sql).all(...params) as T[] }),
    run: async () => prep(sql).run(...params),
  });
  return {
    prepare: (sql: string) => statement(sql),
    batch: async (stmts: { sql: string; params: Param[] }[]) => {
      db.exec("BEGIN IMMEDIATE");
      try {
        const out = stmts.map((s) => ({ results: prep(s.sql).all(...s.params) }));
        db.exec("COMMIT");
        return out;
      } catch (e) {
        db.exec("ROLLBACK");
        throw e;
      }
    },
  };
}

const hex = (n: number, salt: string) =>
  (salt + n.toString(16))
    .padStart(64, "0")
    .slice(-64)
    .replace(/[^0-9a-f]/g, "a");

function timed(fn: () => void | Promise<void>) {
  return async () => {
    const t0 = performance.now();
    await fn();
    return performance.now() - t0;
  };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "bangyang-ingest-sql-"));
  const file = join(dir, "d1.sqlite");
  // VACUUM INTO: a consistent copy, WAL included, of the bench's D1 file.
  const stateLikes = Number(process.env.INGEST_SQL_LIKES ?? 0);
  const persistTo = stateLikes > 0 ? join(dir, "state") : join(BENCH_DIR, "state");
  if (stateLikes > 0) {
    prepareState({
      persistTo,
      nominees: 1000,
      likes: stateLikes,
      voters: Math.round(stateLikes / 5),
      log: (line) => console.log(line),
    });
  }
  const source = new DatabaseSync(d1File(persistTo), { readOnly: true });
  source.exec(`VACUUM INTO '${file.replaceAll("'", "''")}'`);
  source.close();
  const db = new DatabaseSync(file);
  db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
  // SQLite's default page cache is 2 MB; INGEST_SQL_CACHE_MB=256 gives the flush the generator's.
  const cacheMb = Number(process.env.INGEST_SQL_CACHE_MB ?? 0);
  if (cacheMb > 0) db.exec(`PRAGMA cache_size = -${cacheMb * 1024}`);
  const D1 = d1(db) as unknown as D1Database;
  const big = db.prepare("SELECT id, time_zone FROM campaigns WHERE slug = ?").get(BIG) as {
    id: number;
    time_zone: string;
  };
  const nominees = db
    .prepare("SELECT id, number FROM nominees WHERE campaign_id = ?")
    .all(big.id) as { id: number; number: number }[];
  const total = (db.prepare("SELECT COUNT(*) AS n FROM likes").get() as { n: number }).n;
  console.log(
    `bench database copy: ${total.toLocaleString("en")} ledger rows, ${nominees.length} nominees`,
  );
  const now = Date.now();
  const pick = (i: number) =>
    nominees[(i * 7919) % nominees.length] as { id: number; number: number };

  // ---- read: the campaign snapshot, once a second per isolate (no read per like).
  const client = { $client: D1 } as unknown as Parameters<typeof readLikeSnapshot>[0];
  const snapshots = Math.max(1, Math.round(reads / 50));
  const tRead = await timed(async () => {
    for (let i = 0; i < snapshots; i++) await readLikeSnapshot(client, big.id, now);
  })();
  console.log(
    `read   readLikeSnapshot, ${snapshots} reads: ${(tRead / snapshots).toFixed(3)} ms each (one per campaign per isolate per second)`,
  );

  // ---- flush: 500 new likes per flush, the real flushToD1.
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: big.time_zone }).format(now);
  let seq = 0;
  const flushRows = (f: number): FlushRow[] =>
    Array.from({ length: 500 }, (_, j) => {
      const i = f * 500 + j;
      const n = pick(i);
      return {
        seq: i,
        c: big.id,
        n: n.id,
        no: n.number,
        v: hex(i, "voter"),
        ip: hex(i, "ip"),
        net: hex(i, "net"),
        d: day,
        s: 1,
        t: now,
        st: "counted",
        r: `Z${(i % 1000).toString().padStart(3, "0")}-${i.toString(36).toUpperCase().padStart(4, "0").slice(-4)}-BNCH`,
        k: null,
        sg: 0,
        acked: now,
      };
    });
  for (const holdFlagged of [true, false]) {
    const times: number[] = [];
    for (let f = 0; f < flushes; f++) {
      const rows = flushRows(seq);
      seq += 1;
      const flush = { shard: `${big.id}:bench`, seq, campaignId: big.id, holdFlagged };
      times.push(await timed(async () => void (await flushToD1(D1, flush, rows, now)))());
    }
    times.sort((a, b) => a - b);
    const med = times[Math.floor(times.length / 2)] as number;
    console.log(
      `flush  ${flushes} flushes of 500 likes (hold_flagged ${holdFlagged ? "on: + the flag checks of 25 pairs" : "off"}): median ${med.toFixed(1)} ms per flush = ${(med / 500).toFixed(3)} ms per like; max ${(times.at(-1) as number).toFixed(1)} ms`,
    );
  }
  // ---- the hot marks alone (their share of a flush): the statements for one more flush's subjects.
  {
    const rows = flushRows(seq);
    seq += 1;
    await flushToD1(
      D1,
      { shard: `${big.id}:hot`, seq, campaignId: big.id, holdFlagged: false },
      rows,
      now,
    );
    const subjects = hotSubjects(rows);
    const tHot = await timed(async () => {
      await D1.batch(
        (["network", "pair", "nominee"] as const).map((kind) =>
          D1.prepare(HOT_MARK_SQL[kind]).bind(big.id, now, JSON.stringify(subjects[kind])),
        ),
      );
    })();
    console.log(`hot    the hot marks of a 500-like flush alone: ${tHot.toFixed(1)} ms`);
  }
  // ---- a tick: 16 shards' flushes of 40 likes (640 likes/s) in one batch vs 16 batches.
  const tick = (base: number) =>
    Array.from({ length: 16 }, (_, k) => ({
      shard: `${big.id}:tick${k}`,
      seq: base,
      campaignId: big.id,
      holdFlagged: false,
      rows: flushRows(seq + k).slice(0, 40),
    }));
  const oneBatch: number[] = [];
  const sixteen: number[] = [];
  for (let t = 0; t < flushes; t++) {
    const a = tick(1000 + t);
    seq += 16;
    oneBatch.push(await timed(async () => void (await writeFlushes(D1, a, now, `tick-${t}`)))());
    const b = tick(5000 + t);
    seq += 16;
    sixteen.push(
      await timed(async () => {
        for (const f of b) await flushToD1(D1, f, f.rows, now);
      })(),
    );
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? 0;
  console.log(
    `tick   16 shards × 40 likes: one batch ${median(oneBatch).toFixed(1)} ms, 16 batches ${median(sixteen).toFixed(1)} ms (medians of ${flushes})`,
  );
  // ---- a tick at the goal rate: 10,000 likes/s over 16 shards is ~469 likes per shard per 750 ms
  // tick, so the LikeFlusher writes ~7,500 rows in one batch (its cap is 10,000). The per-like cost
  // at that size is what bounds one database (docs/scaling.md "Projection").
  const perShard = Math.round((10_000 * 0.75) / 16);
  const goal: number[] = [];
  for (let t = 0; t < Math.max(3, Math.round(flushes / 2)); t++) {
    const a = Array.from({ length: 16 }, (_, k) => ({
      shard: `${big.id}:goal${k}`,
      seq: t,
      campaignId: big.id,
      holdFlagged: false,
      rows: flushRows(seq + k).slice(0, perShard),
    }));
    seq += 16;
    goal.push(await timed(async () => void (await writeFlushes(D1, a, now, `goal-${t}`)))());
  }
  const goalRows = 16 * perShard;
  const perLike = median(goal) / goalRows;
  console.log(
    `tick   16 shards × ${perShard} likes (10,000 likes/s on a 750 ms tick), one batch of ${goalRows.toLocaleString("en")}: median ${median(goal).toFixed(1)} ms = ${perLike.toFixed(3)} ms per like, i.e. one writer keeps up to ${Math.round(1000 / perLike).toLocaleString("en")} likes/s (medians of ${goal.length})`,
  );
  const again = await timed(async () => {
    const outcome = await flushToD1(
      D1,
      { shard: `${big.id}:bench`, seq: 1, campaignId: big.id, holdFlagged: true },
      flushRows(0),
      now,
    );
    if (outcome !== "already") throw new Error(`a retried flush answered ${outcome}`);
  })();
  console.log(
    `flush  the first flush sent again: "already" in ${again.toFixed(1)} ms, nothing written`,
  );
  const check = db
    .prepare(
      `SELECT (SELECT COUNT(*) FROM likes WHERE campaign_id = ?1 AND status = 'counted') AS counted,
            (SELECT SUM(likes) FROM nominees WHERE campaign_id = ?1) AS counters`,
    )
    .get(big.id) as { counted: number; counters: number };
  console.log(
    `flush  counters == counted ledger rows after the flushes: ${check.counted === check.counters} (${check.counted.toLocaleString("en")})`,
  );
  // ---- direct: the same ledger, the direct path's one transaction per like (castLike, real code).
  db.prepare("UPDATE campaigns SET ingest = 'direct' WHERE id = ?").run(big.id);
  const key = { id: big.id, timeZone: big.time_zone, identityMode: "cookie" as const };
  let counted = 0;
  const directLikes = Math.min(reads, 5000);
  const tDirect = await timed(async () => {
    for (let i = 0; i < directLikes; i++) {
      const r = await castLike(client, {
        campaign: key,
        slug: BIG,
        number: pick(i).number,
        voterHash: hex(i, "dvoter"),
        receipt: `D${i}`,
        now,
        ipHash: hex(i, "dip"),
        ipPrefixHash: hex(i, "dnet"),
        proof: null,
      });
      if ("counted" in r && r.counted) counted++;
    }
  })();
  console.log(
    `direct castLike, ${directLikes} new voters: ${(tDirect / directLikes).toFixed(3)} ms per like (${Math.round((directLikes / tDirect) * 1000).toLocaleString("en")}/s), ${counted} counted`,
  );
  db.close();

  // ---- shard: LikeShard.decide's statements, one transaction per like.
  const shard = new DatabaseSync(join(dir, "shard.sqlite"));
  shard.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
  for (const s of SHARD_SCHEMA) shard.exec(s);
  const used = shard.prepare(`SELECT COUNT(CASE WHEN day = ?2 THEN 1 END) AS used,
                MAX(CASE WHEN day = ?2 AND nominee_id = ?3 THEN slot END) AS forNominee,
                COUNT(CASE WHEN created_at > ?4 THEN 1 END) AS recent
         FROM likes WHERE voter_hash = ?1`);
  const insert =
    shard.prepare(`INSERT INTO likes (campaign_id, nominee_id, number, voter_hash, ip_hash, ip_prefix_hash, day,
                          slot, created_at, status, receipt, idempotency_key, signals, acked_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const pending = shard.prepare(
    "SELECT COUNT(*) AS n FROM likes WHERE nominee_id = ? AND flushed = 0 AND status = 'counted'",
  );
  const markFlushed = shard.prepare("UPDATE likes SET flushed = 1 WHERE flushed = 0");
  const tShard = await timed(() => {
    for (let i = 0; i < shardLikes; i++) {
      const n = pick(i);
      const voter = hex(i % (shardLikes / 5), "voter");
      shard.exec("BEGIN IMMEDIATE");
      const u = used.get(voter, day, n.id, now - 60_000) as {
        used: number;
        forNominee: number | null;
      };
      insert.run(
        big.id,
        n.id,
        n.number,
        voter,
        hex(i, "ip"),
        hex(i, "net"),
        day,
        (u.forNominee ?? 0) + 1,
        now,
        "counted",
        `R${i}`,
        null,
        0,
        now,
      );
      pending.get(n.id);
      shard.exec("COMMIT");
      if (i % 500 === 499) markFlushed.run(); // the flush's mark, as often as a busy shard's
    }
  })();
  console.log(
    `shard  ${shardLikes} likes, one transaction each: ${(tShard / shardLikes).toFixed(3)} ms per like (${Math.round((shardLikes / tShard) * 1000).toLocaleString("en")}/s)`,
  );
  shard.close();
  rmSync(dir, { recursive: true, force: true });
}

await main();
