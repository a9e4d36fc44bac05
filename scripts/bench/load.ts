/**
 * One load measurement with autocannon: a fixed number of connections for a fixed time, each
 * request built fresh (path and headers), so every like can come from its own voter and address.
 */
import autocannon from "autocannon";

export interface LoadSpec {
  /** Origin, e.g. http://127.0.0.1:41234 */
  origin: string;
  method?: "GET" | "POST";
  /** A fresh request target per request (path + query). */
  path: () => string;
  headers?: () => Record<string, string>;
  seconds: number;
  connections: number;
}

export interface LoadResult {
  /** 2xx responses per second. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  statuses: Record<string, number>;
}

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const method = spec.method ?? "GET";
  const result = await autocannon({
    url: spec.origin,
    connections: spec.connections,
    duration: spec.seconds,
    pipelining: 1,
    // Statuses are counted below; a 4xx/5xx is a result to report, not a reason to stop.
    requests: [
      {
        method,
        setupRequest: (req) => ({
          ...req,
          method,
          path: spec.path(),
          headers: { ...(spec.headers?.() ?? {}) },
        }),
      },
    ],
  });
  const statuses: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) {
    statuses[code] = stat.count ?? 0;
  }
  const ok = result["2xx"];
  return {
    rps: ok / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    ok,
    non2xx: result.non2xx,
    errors: result.errors,
    statuses,
  };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1
    ? (s[mid] as number)
    : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}
