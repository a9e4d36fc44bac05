/**
 * Measures the browser proof-of-work solver (src/client/pow-worker.ts, the code of
 * public/pow-worker.js) in Debian's Chromium with CDP CPU throttling (default 4×, DevTools'
 * "mid-tier mobile" preset), as the estimate of a mid-range phone. It runs on the page's main
 * thread, because `Emulation.setCPUThrottlingRate` slows the main thread and not dedicated
 * workers (measured here: a worker ran as fast at 4× as at 1×); the page runs the same function in
 * a worker, which on a phone runs at the same per-core speed. Prints hashes per second.
 * Usage: tsx scripts/attack/phone-speed.ts [rate] [seconds]
 */
import { createServer } from "node:http";
import { join } from "node:path";
import { build } from "esbuild";
import { chromium } from "playwright-core";

const ROOT = join(import.meta.dirname, "..", "..");

export async function measurePhoneSpeed(rate = 4, seconds = 4): Promise<number> {
  // The solver as the page ships it, exposed as a global so the page's main thread can run it:
  // CDP's CPU throttling slows the page's main thread, not its workers.
  const bundled = await build({
    entryPoints: [join(ROOT, "src", "client", "pow-worker.ts")],
    bundle: true,
    minify: true,
    target: "es2017",
    format: "iife",
    globalName: "pow",
    write: false,
    logLevel: "warning",
  });
  const worker = bundled.outputFiles[0]?.text ?? "";
  const page = `<!doctype html><title>pow</title><script>
    window.measure = (ms) => new Promise((resolve) => {
      let hashes = 0; const t0 = performance.now();
      // A task whose answer is never found: the solver tries every number up to maxnumber.
      const step = 5000;
      const next = () => {
        if (performance.now() - t0 >= ms) { resolve(hashes / ((performance.now() - t0) / 1000)); return; }
        pow.solve({ salt: "0123456789abcdef01234567?expires=1765000000&c=1&v=0123456789abcdef&l=3", challenge: "x", maxnumber: step - 1 });
        hashes += step;
        setTimeout(next, 0);
      };
      next();
    });
  </script><script src="/pow-worker.js"></script>`;
  const server = createServer((req, res) => {
    if (req.url === "/pow-worker.js") {
      res.writeHead(200, { "Content-Type": "text/javascript" });
      res.end(worker);
    } else {
      res.writeHead(200, { "Content-Type": "text/html" });
      res.end(page);
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  try {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await tab.goto(`http://127.0.0.1:${port}/`);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate });
    // A warm-up so the JIT has compiled the loop, then the measurement.
    await tab.evaluate("window.measure(1000)");
    return Math.round((await tab.evaluate(`window.measure(${seconds * 1000})`)) as number);
  } finally {
    await browser.close();
    server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rate = Number(process.argv[2] ?? 4);
  const seconds = Number(process.argv[3] ?? 4);
  for (const r of rate === 1 ? [1] : [1, rate]) {
    console.log(`CPU throttling ${r}×: ${await measurePhoneSpeed(r, seconds)} hashes/s`);
  }
}
