/** The port `wrangler dev` will listen on, from the arguments given to `npm run dev -- …`. */
export function devPort(args: readonly string[], fallback = 8787): number {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    const inline = /^--port=(\d+)$/.exec(arg);
    if (inline) return Number(inline[1]);
    if (arg === "--port" && /^\d+$/.test(args[i + 1] ?? "")) return Number(args[i + 1]);
  }
  return fallback;
}

/** The URL that runs the scheduled handler once on a `wrangler dev --test-scheduled` server. */
export function scheduledUrl(port: number): string {
  return `http://127.0.0.1:${port}/__scheduled?cron=${encodeURIComponent("* * * * *")}`;
}

/** Milliseconds from `now` to the start of the next minute (when the Cron would fire). */
export function untilNextMinute(now: number): number {
  return 60_000 - (now % 60_000);
}
