/**
 * The crash test's dev server (scripts/crash-test.ts): `wrangler dev` on a private state directory,
 * in its own process group, so that one SIGKILL takes wrangler, workerd and esbuild at once.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const stateDir = join(root, ".wrangler", "crash-state");
export const port = Number(process.env.CRASH_TEST_PORT ?? 8797);
export const base = `http://localhost:${port}`;
/**
 * How long a shard's flush waits before its D1 batch and again between the batch's commit and
 * marking its rows flushed (CRASH_TEST_FLUSH_PAUSE_MS, read by src/shards/like-shard.ts; unset in
 * every other configuration): wide windows, so a kill at a random moment finds shards in both.
 */
export const FLUSH_PAUSE_MS = Number(process.env.CRASH_TEST_FLUSH_PAUSE_MS ?? 1000);

export const env = {
  ...process.env,
  // The Node running this script first on PATH, so wrangler's `#!/usr/bin/env node` finds Node 22
  // even when the script is started without npm.
  PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ""}`,
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_SEND_METRICS: "false",
  WRANGLER_LOG_PATH: join(root, ".wrangler", "logs"),
};

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let server: { child: ChildProcess; pgid: number; exited: Promise<void>; logFile: string } | null =
  null;
let serverRuns = 0;

export function killServer(): void {
  if (!server) return;
  try {
    process.kill(-server.pgid, "SIGKILL");
  } catch {
    /* already gone */
  }
}

export async function portAnswers(): Promise<boolean> {
  try {
    await fetch(`${base}/api/campaigns`, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

export async function startServer(): Promise<void> {
  if (await portAnswers()) {
    throw new Error(`something already answers on port ${port}; set CRASH_TEST_PORT to a free one`);
  }
  serverRuns += 1;
  const logFile = join(stateDir, `server-${serverRuns}.log`);
  const out = openSync(logFile, "w");
  const wranglerJs = join(root, "node_modules", "wrangler", "bin", "wrangler.js");
  const args = [wranglerJs, "dev", "--port", String(port), "--persist-to", stateDir];
  // The flush pause is a command-line var of this run only, never in wrangler.toml.
  args.push("--var", `CRASH_TEST_FLUSH_PAUSE_MS:${FLUSH_PAUSE_MS}`);
  // process.execPath: the Node 22 that npm put on PATH (wrangler refuses older ones).
  const child = spawn(process.execPath, args, {
    cwd: root,
    env,
    detached: true,
    stdio: ["ignore", out, out],
  });
  closeSync(out);
  if (child.pid === undefined) throw new Error("could not start wrangler dev");
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  server = { child, pgid: child.pid, exited, logFile };
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`wrangler dev exited during start-up; see ${logFile}`);
    if (readFileSync(logFile, "utf8").includes("Build failed")) {
      throw new Error(`wrangler dev could not build the worker; see ${logFile}`);
    }
    if (await portAnswers()) return;
    await sleep(250);
  }
  throw new Error(`wrangler dev did not answer within 90 s; see ${logFile}`);
}

/** kill -9 on the whole process group, then wait until the port is closed. */
export async function crashServer(): Promise<void> {
  const s = server;
  if (!s) return;
  process.kill(-s.pgid, "SIGKILL");
  await s.exited;
  const deadline = Date.now() + 15_000;
  while (await portAnswers()) {
    if (Date.now() > deadline) throw new Error(`port ${port} still answers after kill -9`);
    await sleep(100);
  }
  server = null;
}

export function currentLogFile(): string | undefined {
  return server?.logFile;
}

export function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}
