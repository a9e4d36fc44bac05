/**
 * A small per-isolate cache with a time to live and a size bound, for public, read-mostly data that
 * many requests ask for at once (the results of a campaign, a nominee's profile). Pure: the caller
 * passes `now`.
 */
export class TtlCache<V> {
  readonly #entries = new Map<string, { value: V; expires: number }>();
  /** Keys one request is refreshing right now, and since when. */
  readonly #refreshing = new Map<string, number>();

  constructor(readonly maxEntries: number) {}

  get(key: string, now: number): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= now) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** The entry even when it has expired (to serve while one request refreshes it). */
  peek(key: string): { value: V; expires: number } | undefined {
    return this.#entries.get(key);
  }

  set(key: string, value: V, expires: number): void {
    this.#entries.delete(key);
    this.#entries.set(key, { value, expires });
    // Maps iterate in insertion order: the first key is the oldest write.
    while (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }

  /**
   * Stale-while-refresh: the value of `key` if it may be served at `now` — fresh, or expired less
   * than two TTLs ago while another request (started less than two TTLs ago) refreshes it, so
   * concurrent readers do not all reload at each expiry.
   */
  servable(key: string, now: number, ttl: number): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expires > now) return entry.value;
    return this.isRefreshing(key, now, ttl) && now - entry.expires < 2 * ttl
      ? entry.value
      : undefined;
  }

  /** True while a refresh of `key` started less than two TTLs ago is under way. */
  isRefreshing(key: string, now: number, ttl: number): boolean {
    const since = this.#refreshing.get(key);
    return since !== undefined && now - since < 2 * ttl;
  }

  /** Runs `load` as the refresh of `key` (seen by `servable` and `isRefreshing` meanwhile). */
  async refresh<T>(key: string, now: number, load: () => Promise<T>): Promise<T> {
    this.#refreshing.set(key, now);
    try {
      return await load();
    } finally {
      this.#refreshing.delete(key);
    }
  }

  get size(): number {
    return this.#entries.size;
  }
}

export const DEFAULT_PUBLIC_CACHE_MS = 2000;

/**
 * How long public reads may be kept per isolate: the optional `PUBLIC_CACHE_MS` variable (the
 * tests set "0"), else 2 s. Pages and results poll every 4 s, so a count is never more than one
 * poll late.
 */
export function publicCacheMs(env: object): number {
  const raw = (env as { PUBLIC_CACHE_MS?: string }).PUBLIC_CACHE_MS;
  const ms = raw === undefined || raw === "" ? DEFAULT_PUBLIC_CACHE_MS : Number(raw);
  return Number.isFinite(ms) && ms > 0 ? ms : 0;
}
