/**
 * `npm run dev`: `wrangler dev` plus what the Cron Trigger does in production. wrangler's local
 * server never fires Cron Triggers, yet the console says 系统每分钟检查一次 (seal, anomaly scan,
 * retention, sweep). With `--test-scheduled` wrangler exposes /__scheduled, and this script calls it
 * at the start of every minute while the server runs, and stops with it.
 * Arguments pass through: `npm run dev -- --port 8794`.
 */
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { devPort, scheduledUrl, untilNextMinute } from "./dev-port";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// --test-scheduled is always on; given again, wrangler would see the flag twice.
const args = process.argv.slice(2).filter((a) => a !== "--test-scheduled");
const url = scheduledUrl(devPort(args));

const child = spawn(
  join(root, "node_modules", ".bin", "wrangler"),
  ["dev", "--test-scheduled", ...args],
  {
    stdio: "inherit",
    env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false" },
  },
);

let timer: NodeJS.Timeout | undefined;
const tick = async () => {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(50_000) });
    if (!res.ok) console.error(`dev cron: /__scheduled answered ${res.status}`);
  } catch {
    // The server is still starting (or stopping): the next minute tries again.
  }
};
timer = setTimeout(function every() {
  void tick();
  timer = setTimeout(every, untilNextMinute(Date.now()));
}, untilNextMinute(Date.now()));

const stop = (signal: NodeJS.Signals) => {
  clearTimeout(timer);
  child.kill(signal);
};
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
child.on("exit", (code, signal) => {
  clearTimeout(timer);
  process.exit(code ?? (signal ? 1 : 0));
});
