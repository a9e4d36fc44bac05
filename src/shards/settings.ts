/**
 * The like shards' two timing settings (wrangler.toml `[vars]`, issue 16), read the same way
 * everywhere: a number of ms ≥ 0, or the default when unset, empty or not a number.
 */

/** The flush tick: a shard's first pending like waits for the next multiple of it (0: flush at once). */
export const DEFAULT_FLUSH_MS = 750;
/** How long a Worker isolate reuses a campaign's snapshot (0: read for every like). */
export const DEFAULT_STATE_CACHE_MS = 1000;

function ms(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value !== "" && Number.isFinite(n) && n >= 0 ? n : fallback;
}

export const flushTickMs = (env: { LIKE_FLUSH_MS?: string }) =>
  ms(env.LIKE_FLUSH_MS, DEFAULT_FLUSH_MS);

export const stateCacheMs = (env: { LIKE_STATE_CACHE_MS?: string }) =>
  ms(env.LIKE_STATE_CACHE_MS, DEFAULT_STATE_CACHE_MS);
