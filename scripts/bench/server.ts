/**
 * Serves the built worker production-like for the benchmark: the Miniflare API with direct sockets
 * on the bundle from `wrangler deploy --dry-run --outdir dist` (no `wrangler dev` proxy in front),
 * plus the baseline worker in the same workerd process, bound to the same D1 database.
 *
 * Bindings come from wrangler.toml through wrangler's own converter, so D1, R2, the assets router
 * (run_worker_first) and both rate limiters are the ones `wrangler dev` would give; secrets come
 * from .dev.vars.example. State lives under .bench/state (never the dev state in .wrangler/).
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { build } from "esbuild";
import { convertV4MiniflareOptions, Log, LogLevel, Miniflare } from "miniflare";
import { unstable_getMiniflareWorkerOptions } from "wrangler";

export const ROOT = join(import.meta.dirname, "..", "..");
export const BENCH_DIR = join(ROOT, ".bench");

export interface BenchServer {
  /** The app, e.g. http://127.0.0.1:41234 */
  app: string;
  /** The baseline worker deployed like the app (same assets router in front). */
  baseline: string;
  /** The baseline worker with nothing in front: the runtime's ceiling. */
  bare: string;
  /** host:port of workerd's inspector, when asked for. */
  inspector?: string;
  dispose(): Promise<void>;
}

/** `KEY=value` lines of a .dev.vars file. */
export function parseDevVars(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (m?.[1] && m[2] !== undefined) out[m[1]] = m[2].replace(/^"(.*)"$/, "$1");
  }
  return out;
}

/** A free TCP port on 127.0.0.1 (never 8787, which belongs to `npm run dev`). */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const srv = createServer();
      srv.once("error", reject);
      srv.listen(0, "127.0.0.1", () => {
        const address = srv.address();
        const p = typeof address === "object" && address ? address.port : 0;
        srv.close(() => resolve(p));
      });
    });
    if (port !== 8787) return port;
  }
}

async function bundleBaseline(): Promise<string> {
  const result = await build({
    entryPoints: [join(import.meta.dirname, "baseline-worker.ts")],
    bundle: true,
    format: "esm",
    target: "es2022",
    write: false,
    logLevel: "warning",
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error("esbuild produced no baseline bundle");
  return file.text;
}

export interface ServeOptions {
  /** Persistence root, as `wrangler --persist-to` takes it (D1 lives in <dir>/v3/d1). */
  persistTo: string;
  /** Opens workerd's inspector on this port (CPU profiles: scripts/bench/profile.ts). */
  inspectorPort?: number;
}

export async function startBenchServer(opts: ServeOptions): Promise<BenchServer> {
  const bundle = join(ROOT, "dist", "index.js");
  const { workerOptions: fromConfig } = unstable_getMiniflareWorkerOptions(
    join(ROOT, "wrangler.toml"),
  );
  // The bundle is one ES module: module rules for source files do not apply (and v5 refuses them).
  const { modulesRules: _rules, ...workerOptions } = fromConfig;
  const secrets = parseDevVars(readFileSync(join(ROOT, ".dev.vars.example"), "utf8"));
  const [appPort, basePort, barePort] = [await freePort(), await freePort(), await freePort()];
  const baselineSource = await bundleBaseline();

  const baseline = {
    modules: [{ type: "ESModule" as const, path: "baseline.mjs", contents: baselineSource }],
    compatibilityDate: workerOptions.compatibilityDate,
    compatibilityFlags: workerOptions.compatibilityFlags,
    d1Databases: workerOptions.d1Databases,
    // The app's flood guard, for /api/guarded-like (baseline-worker.ts).
    ratelimits: workerOptions.ratelimits,
    stripCfConnectingIp: false,
  };
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      rootPath: ROOT,
      host: "127.0.0.1",
      port: await freePort(),
      log: new Log(LogLevel.WARN),
      ...(opts.inspectorPort
        ? { inspectorPort: opts.inspectorPort, inspectorHost: "127.0.0.1" }
        : {}),
      resourcePersistencePath: join(opts.persistTo, "v3"),
      workers: [
        {
          ...workerOptions,
          name: "bangyang",
          modules: true,
          scriptPath: bundle,
          bindings: { ...(workerOptions.bindings as Record<string, unknown>), ...secrets },
          unsafeDirectSockets: [{ host: "127.0.0.1", port: appPort }],
          // Keep the client's CF-Connecting-IP: the rate limiter and the IP hash read it.
          stripCfConnectingIp: false,
        },
        {
          name: "baseline",
          ...baseline,
          assets: workerOptions.assets,
          unsafeDirectSockets: [{ host: "127.0.0.1", port: basePort }],
        },
        {
          name: "bare",
          ...baseline,
          unsafeDirectSockets: [{ host: "127.0.0.1", port: barePort }],
        },
      ],
    } as Parameters<typeof convertV4MiniflareOptions>[0]),
  );
  await mf.ready;
  return {
    app: `http://127.0.0.1:${appPort}`,
    baseline: `http://127.0.0.1:${basePort}`,
    bare: `http://127.0.0.1:${barePort}`,
    inspector: opts.inspectorPort ? `127.0.0.1:${opts.inspectorPort}` : undefined,
    dispose: () => mf.dispose(),
  };
}
