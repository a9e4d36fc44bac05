import { DurableObject } from "cloudflare:workers";
import { type FlushOutcome, type ShardFlush, writeFlushes } from "./flush";
import { flushTickMs } from "./settings";

/** How long the flusher gathers shards' flushes before it writes them (ms). */
const GATHER_MS = 50;
/** The most likes in one D1 batch: many flushes of ≤ 500, each its own JSON parameter. */
const BATCH_ROWS = 10_000;

/**
 * The answer to a shard: its flush's outcome, or why D1 refused it. A refusal is an answer, not a
 * rejection: an error thrown out of an object's method is logged as uncaught by the runtime, and
 * this one is handled (the shard keeps the flush pending, logs it and retries).
 */
export type FlushAnswer = FlushOutcome | { failed: string };

interface Waiting {
  flush: ShardFlush;
  resolve: (answer: FlushAnswer) => void;
}

/**
 * One per campaign (issue 16): the shards hand it their flushes and it writes whatever has
 * gathered in ONE D1 batch (flush.ts `writeFlushes`), so D1 sees about one write transaction a
 * second per campaign — however many shards — instead of one per shard. The shards flush on the
 * same ticks (`LIKE_FLUSH_MS`, like-shard.ts), so their flushes arrive together; the flusher waits
 * `GATHER_MS` after the first, then writes, and flushes arriving meanwhile go in the next batch.
 *
 * It keeps nothing: a shard's flush is answered only once D1 has committed it, and stays pending
 * in the shard until then. If the flusher is lost mid-batch the shards' calls fail and they send
 * the same flushes again, which D1 then answers "already" or writes (never twice).
 */
export class LikeFlusher extends DurableObject<CloudflareBindings> {
  private queue: Waiting[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private batches = 0;
  /** Tests only: a gathering time for every write, urgent or not (null = the rule above). */
  private gatherMs: number | null = null;

  /** Writes a shard's flush with the others that gather; `urgent` (a barrier) writes at once. */
  write(flush: ShardFlush, options: { urgent?: boolean } = {}): Promise<FlushAnswer> {
    return new Promise<FlushAnswer>((resolve) => {
      this.queue.push({ flush, resolve });
      const quick = options.urgent || flushTickMs(this.env) === 0;
      this.schedule(this.gatherMs ?? (quick ? 0 : GATHER_MS));
    });
  }

  /** Tests only: gather every write for `gatherMs` (null: urgent at once, else GATHER_MS). */
  configure(options: { gatherMs: number | null }): void {
    this.gatherMs = options.gatherMs;
  }

  private schedule(ms: number): void {
    if (this.running) return; // the running batch's loop takes the queue after it
    if (this.timer && ms > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.drain().finally(() => {
        this.running = null;
      });
    }, ms);
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const taken: Waiting[] = [];
      let rows = 0;
      while (this.queue.length > 0 && (taken.length === 0 || rows < BATCH_ROWS)) {
        const next = this.queue.shift() as Waiting;
        taken.push(next);
        rows += next.flush.rows.length;
      }
      await this.writeTaken(taken);
    }
  }

  private async writeTaken(taken: Waiting[]): Promise<void> {
    const now = Date.now();
    const batch = `${taken[0]?.flush.campaignId}:${now}:${++this.batches}`;
    try {
      const outcomes = await writeFlushes(
        this.env.DB,
        taken.map((w) => w.flush),
        now,
        batch,
      );
      taken.forEach((w, i) => {
        w.resolve(outcomes[i] ?? "committed");
      });
    } catch (error) {
      if (taken.length === 1) {
        taken[0]?.resolve({ failed: error instanceof Error ? error.message : String(error) });
        return;
      }
      // One bad flush must not hold back the others: each alone (its shard retries a failure).
      for (const w of taken) await this.writeTaken([w]);
    }
  }
}
