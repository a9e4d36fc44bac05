/**
 * A small per-isolate cache with a time to live and a size bound, for public, read-mostly data that
 * many requests ask for at once (the results of a campaign, a nominee's profile). Pure: the caller
 * passes `now`.
 */
export class TtlCache<V> {
  readonly #entries = new Map<string, { value: V; expires: number }>();

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
