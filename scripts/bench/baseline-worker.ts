/**
 * The baseline worker of `npm run bench`: the best this runtime can do, served by the same workerd
 * process, through the same kind of direct socket, bound to the same D1 database as the app.
 *
 *   GET  any path       a trivial route: a constant 200, no bindings touched
 *   GET  ?bytes=N       the same with an N-byte body, to tell moving a payload through the local
 *                       router from our own work (125 KB of results: ~276 req/s behind the router,
 *                       ~710 bare, on this machine while diagnosing)
 *   POST /api/like      one bare D1 write batch: a single one-row INSERT (the physical limit of a
 *                       like that is acknowledged only after D1 has written it)
 *   POST /api/guarded-like
 *                       the same write after one call of the app's flood guard (the Rate Limiting
 *                       binding LIKE_RATE_LIMITER, same configuration, keyed per network as the
 *                       like is). Information only: locally that binding is miniflare's simulation,
 *                       a Durable Object that writes its bucket to SQLite on every call, so this
 *                       shows what the guard alone costs next to the write (docs/benchmarks.md)
 *
 * It runs twice: as "baseline", deployed like the app (the same [assets] config, so requests pass
 * through the same local asset router: /api/* straight to the worker, other paths after an asset
 * lookup), and as "bare" with no assets (the runtime's ceiling).
 *
 * Bundled by esbuild at bench time (scripts/bench/server.ts); it is not part of the app.
 */

interface D1Like {
  prepare(sql: string): { bind(...values: unknown[]): unknown };
  batch(statements: unknown[]): Promise<unknown>;
}

interface Env {
  DB: D1Like;
  LIKE_RATE_LIMITER: { limit(options: { key: string }): Promise<{ success: boolean }> };
}

let counter = 0;
const payloads = new Map<number, Uint8Array<ArrayBuffer>>();
function payload(size: number): Uint8Array<ArrayBuffer> {
  let p = payloads.get(size);
  if (!p) {
    p = new Uint8Array(Math.min(size, 4_000_000)).fill(0x61);
    payloads.set(size, p);
  }
  return p;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    if (request.method === "POST" && url.pathname.endsWith("like")) {
      counter += 1;
      const voter = request.headers.get("CF-Connecting-IP") ?? `v${counter}`;
      if (url.pathname.endsWith("/guarded-like")) {
        const { success } = await env.LIKE_RATE_LIMITER.limit({ key: `baseline:${voter}` });
        if (!success) return new Response('{"error":"rate_limited"}', { status: 429 });
      }
      await env.DB.batch([
        env.DB.prepare(
          "INSERT INTO bench_baseline (voter, nominee, created_at) VALUES (?1, ?2, ?3)",
        ).bind(voter, counter % 1000, Date.now()),
      ]);
      return new Response('{"counted":true}', {
        status: 201,
        headers: { "content-type": "application/json" },
      });
    }
    const size = Number(url.searchParams.get("bytes") ?? 0);
    if (size > 0)
      return new Response(payload(size), { headers: { "content-type": "application/json" } });
    return new Response("ok", { headers: { "content-type": "text/plain" } });
  },
};
