import { DurableObject } from "cloudflare:workers";
import { flusherStub } from "./barrier";
import { FLUSH_CAP } from "./flush";
import { flushTickMs } from "./settings";
import { decideLike } from "./shard-rules";
import {
  type FlushRow,
  Meta,
  PENDING_ROWS_SQL,
  PURGE_DETAIL_SQL,
  RECEIPT_SQL,
  SHARD_SCHEMA,
} from "./shard-storage";
import type { ShardAnswer, ShardLike, ShardMark, ShardReceipt, ShardStats } from "./types";
import { readVoterDay } from "./voter-day";

/** A failed flush is tried again after this long (the alarm), for ever: likes are never dropped. */
const RETRY_MS = 2000;
/**
 * `npm run crash-test` only (CRASH_TEST_FLUSH_PAUSE_MS, unset = 0): widens a flush's windows. The
 * shards flush on shared ticks, so odd shards wait twice as long before their commit: while they
 * still wait, the even ones are between their commit and their mark, and one kill hits both.
 */
const crashTestPause = (env: object, shard: string, factor: (index: number) => number) => {
  const ms = Number((env as { CRASH_TEST_FLUSH_PAUSE_MS?: string }).CRASH_TEST_FLUSH_PAUSE_MS);
  const index = Number(shard.split(":")[1] ?? 0);
  return ms > 0 ? new Promise((r) => setTimeout(r, ms * factor(index))) : undefined;
};
/** Flush lags kept for the statistics. */
const LAGS_KEPT = 1000;

/**
 * One shard of one campaign's likes (issue 16, DESIGN §5/§8): `${campaignId}:${index}`, where
 * index = hash(voter) mod the campaign's `shards`. Every like of a voter lands here, so the
 * per-voter rules (per nominee per day, per voter per day, Idempotency-Key, proof spending) are
 * exact in one synchronous transaction of the shard's own SQLite storage; the answer leaves only
 * once that write is durable (the output gate). Pending likes reach D1 in idempotent flushes
 * (flush.ts) on an alarm ≤ 1 s after the first one, at once from 500 pending, or when a barrier
 * (barrier.ts) asks.
 */
export class LikeShard extends DurableObject<CloudflareBindings> {
  private readonly sql: SqlStorage;
  private readonly meta: Meta;
  /** The flush in progress, if any: flushes run one at a time. */
  private flushing: Promise<void> | null = null;
  /** Pending likes, as last counted (null: count again). */
  private pending: number | null = null;
  /** An alarm is set (false: ask the storage). */
  private alarmSet = false;
  private identity = "";

  constructor(ctx: DurableObjectState, env: CloudflareBindings) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    for (const statement of SHARD_SCHEMA) this.sql.exec(statement);
    this.meta = new Meta(this.sql);
  }

  /** Takes one like: the rules, then the row, in one transaction; then schedules its flush. */
  async like(like: ShardLike): Promise<ShardAnswer> {
    // Who this shard is, and whether its flushes open flags: written when they change.
    const identity = `${like.shard}|${like.holdFlagged ? 1 : 0}`;
    if (identity !== this.identity) {
      this.meta.set("shard", like.shard);
      this.meta.set("campaign", like.campaignId);
      this.meta.set("hold", like.holdFlagged ? 1 : 0);
      this.identity = identity;
    }
    await readVoterDay(this.env.DB, this.ctx.storage, like);
    const answer = this.ctx.storage.transactionSync(() => decideLike(this.sql, this.meta, like));
    if (answer.ok && !answer.replayed) {
      if (this.pending !== null) this.pending++;
      await this.scheduleFlush();
    }
    return answer;
  }

  /** Tests only: forget what is kept in memory, as a restart of the object does. */
  forgetMemory(): void {
    this.meta.forget();
    this.pending = null;
    this.alarmSet = false;
    this.identity = "";
  }

  /** A transaction of the storage; if it rolls back, what is kept in memory is read again. */
  private transact(fn: () => void): void {
    try {
      this.ctx.storage.transactionSync(fn);
    } catch (error) {
      this.meta.forget();
      this.pending = null;
      throw error;
    }
  }

  /** Likes not in D1 yet: counted once, then kept in memory (this object is their only writer). */
  private pendingCount(): number {
    this.pending ??= this.sql
      .exec<{ n: number }>("SELECT COUNT(*) AS n FROM likes WHERE flushed = 0")
      .one().n;
    return this.pending;
  }

  private flushDelay(): number {
    const own = this.meta.get<number | null>("flush_ms", null);
    if (own !== null) return own;
    // The tick (settings.ts: 750 ms by default, so tick + gathering + batch stay within ~1 s).
    return flushTickMs(this.env);
  }

  /**
   * A flush now (500 pending, or a delay of 0), else an alarm on the next tick after the first pending like,
   * on the campaign's tick (a multiple of the delay since the epoch): every shard of a
   * campaign flushes on the same ticks, so the LikeFlusher writes their flushes in one D1 batch.
   */
  private async scheduleFlush(): Promise<void> {
    const delay = this.flushDelay();
    if (delay === 0) {
      // Flush before answering (LIKE_FLUSH_MS=0, the test configuration); a failed flush leaves
      // the like pending and durable here, and the alarm tries again.
      await this.flushPending(true).catch(() => this.ctx.storage.setAlarm(Date.now() + RETRY_MS));
      return;
    }
    if (this.pendingCount() >= FLUSH_CAP) {
      this.ctx.waitUntil(this.flushPending().catch(() => {}));
    }
    await this.alarmOnNextTick();
  }

  private async alarmOnNextTick(): Promise<void> {
    if (this.alarmSet) return;
    if ((await this.ctx.storage.getAlarm()) === null) {
      const delay = Math.max(1, this.flushDelay());
      await this.ctx.storage.setAlarm((Math.floor(Date.now() / delay) + 1) * delay);
    }
    this.alarmSet = true;
  }

  override async alarm(): Promise<void> {
    this.alarmSet = false;
    try {
      await this.flushPending();
    } catch (error) {
      console.error(`like shard ${this.meta.get("shard", "?")}: flush failed`, error);
      await this.ctx.storage.setAlarm(Date.now() + RETRY_MS);
    }
  }

  /**
   * Flushes run one at a time. `urgent` (a barrier, or a delay of 0): until nothing is pending.
   * Otherwise (the alarm, 500 pending): the likes pending now; likes that arrive meanwhile wait
   * for the next tick's alarm, so a busy shard sends one flush per tick, not one per D1 round trip.
   */
  async flushPending(urgent = false): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.pendingCount() === 0) return;
    this.flushing = (async () => {
      let rounds = urgent ? Number.POSITIVE_INFINITY : Math.ceil(this.pendingCount() / FLUSH_CAP);
      while (rounds-- > 0 && this.pendingCount() > 0) await this.flushOnce(urgent);
      if (!urgent && this.pendingCount() > 0) await this.alarmOnNextTick();
    })();
    try {
      await this.flushing;
    } finally {
      this.flushing = null;
    }
  }

  /**
   * One flush: the open one again if an earlier attempt did not finish (same id: idempotent),
   * else the next ≤ 500 pending likes under a new sequence number.
   */
  private async flushOnce(urgent: boolean): Promise<void> {
    let seq = this.meta.get<number | null>("open_flush", null);
    const retried = seq !== null;
    if (seq === null) {
      const next = this.meta.get<number>("next_flush", 1);
      // The rows and the flush's id are written together: a crash leaves both or neither.
      this.transact(() => {
        this.sql.exec(
          `UPDATE likes SET flush = ?1 WHERE seq IN
             (SELECT seq FROM likes WHERE flushed = 0 AND flush IS NULL ORDER BY seq LIMIT ?2)`,
          next,
          FLUSH_CAP,
        );
        this.meta.set("open_flush", next);
        this.meta.set("next_flush", next + 1);
      });
      seq = next;
    }
    const rows = this.sql.exec(PENDING_ROWS_SQL, seq).toArray() as unknown as FlushRow[];
    if (rows.length > 0) {
      const shard = this.meta.get("shard", "");
      // npm run crash-test only: kill -9 before the commit…
      await crashTestPause(this.env, shard, (i) => 1 + (i % 2));
      const campaignId = this.meta.get("campaign", 0);
      // The campaign's flusher writes this flush with the other shards' in one D1 batch.
      const outcome = await flusherStub(this.env, campaignId).write(
        {
          shard,
          seq,
          campaignId,
          holdFlagged: this.meta.get<number>("hold", 0) === 1,
          rows,
        },
        { urgent },
      );
      if (typeof outcome === "object") {
        // D1 refused this flush: it stays open (same id next time) and the caller retries.
        throw new Error(`flush ${shard}#${seq} refused by D1: ${outcome.failed}`);
      }
      await crashTestPause(this.env, shard, () => 1); // …and between the commit and the mark below
      const committedAt = Date.now();
      const firstAcked = rows.reduce((m, r) => Math.min(m, r.acked), committedAt);
      this.transact(() => {
        this.pending = null;
        this.sql.exec("UPDATE likes SET flushed = 1 WHERE flush = ?", seq);
        this.sql.exec(
          "INSERT OR REPLACE INTO flushes (seq, likes, first_acked_at, committed_at) VALUES (?, ?, ?, ?)",
          seq,
          rows.length,
          firstAcked,
          committedAt,
        );
        this.sql.exec("DELETE FROM flushes WHERE seq <= ?", seq - LAGS_KEPT);
        // Spent proofs go once they have expired, as D1's do in the Cron (docs/privacy.md).
        this.sql.exec("DELETE FROM spent WHERE expires_at < ?", committedAt);
        this.meta.set("flushes", this.meta.get<number>("flushes", 0) + 1);
        this.meta.set("flushed_likes", this.meta.get<number>("flushed_likes", 0) + rows.length);
        if (retried) this.meta.set("retried", this.meta.get<number>("retried", 0) + 1);
        if (outcome === "already")
          this.meta.set("already", this.meta.get<number>("already", 0) + 1);
      });
    }
    this.meta.set("open_flush", null);
  }

  /**
   * The barrier's call (barrier.ts): set the mark if asked (closed: refuse every like from now on;
   * moved: the campaign went direct; null: take likes again), then flush everything pending.
   */
  async settle(options: { mark?: ShardMark } = {}): Promise<ShardStats> {
    if (options.mark !== undefined) this.meta.set("mark", options.mark);
    await this.flushPending(true);
    return this.stats();
  }

  /**
   * A like this shard acknowledged, by its receipt (the receipt lookup of a like D1 does not have
   * yet): a read of the shard's own storage, no flush. Null when the shard never took it.
   */
  receipt(code: string): ShardReceipt | null {
    return this.sql.exec<ShardReceipt>(RECEIPT_SQL, code).toArray()[0] ?? null;
  }

  /**
   * The campaign's retention purge reaches this shard (shards/retention.ts): it flushes what it
   * still holds, then deletes its copies of the likes (voter, IP and network hashes, retry keys),
   * the voters it read from D1 and its spent proofs. Its marks and flush statistics stay.
   * Answers how many likes it erased.
   */
  async purgeDetail(): Promise<number> {
    await this.flushPending(true);
    let erased = 0;
    this.transact(() => {
      erased = this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM likes").one().n;
      for (const sql of PURGE_DETAIL_SQL) this.sql.exec(sql);
    });
    this.pending = null;
    return erased;
  }

  stats(): ShardStats {
    const lags = this.sql
      .exec<{ lag: number }>("SELECT committed_at - first_acked_at AS lag FROM flushes")
      .toArray()
      .map((r) => r.lag);
    return {
      shard: this.meta.get("shard", ""),
      pending: this.pendingCount(),
      flushes: this.meta.get<number>("flushes", 0),
      flushedLikes: this.meta.get<number>("flushed_likes", 0),
      lags,
      mark: this.meta.get<ShardMark>("mark", null),
    };
  }

  /** Tests and the bench: the flush delay of this shard (ms; null = the configured one). */
  configure(options: { flushMs: number | null }): void {
    this.meta.set("flush_ms", options.flushMs);
  }
}
