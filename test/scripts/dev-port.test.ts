import { describe, expect, it } from "vitest";
import { devPort, scheduledUrl, untilNextMinute } from "../../scripts/dev-port";

describe("the dev server's Cron stand-in", () => {
  it("finds the port npm run dev -- --port N passes to wrangler", () => {
    expect(devPort([])).toBe(8787);
    expect(devPort(["--port", "8794"])).toBe(8794);
    expect(devPort(["--ip", "0.0.0.0", "--port=8791"])).toBe(8791);
    expect(devPort(["--port"])).toBe(8787);
  });

  it("calls wrangler's test endpoint with the campaign Cron's schedule", () => {
    expect(scheduledUrl(8794)).toBe("http://127.0.0.1:8794/__scheduled?cron=*%20*%20*%20*%20*");
  });

  it("fires at the start of each minute", () => {
    expect(untilNextMinute(Date.UTC(2026, 0, 1, 0, 0, 59, 500))).toBe(500);
    expect(untilNextMinute(Date.UTC(2026, 0, 1, 0, 1, 0, 0))).toBe(60_000);
  });
});
