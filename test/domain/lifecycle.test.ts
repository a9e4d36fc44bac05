import { describe, expect, it } from "vitest";
import { applyLifecycle } from "../../src/domain/lifecycle";

const base = {
  opensAt: 1000,
  closesAt: 5000,
  paused: false,
  closedAt: null,
  publishedAt: null,
  draft: false,
};

describe("applyLifecycle", () => {
  it("opens now: publishes a draft and moves a future opening to now", () => {
    expect(applyLifecycle("open", { ...base, draft: true, opensAt: 3000 }, 2000)).toEqual({
      ok: true,
      change: { draft: false, paused: false, closedAt: null, opensAt: 2000 },
    });
    expect(applyLifecycle("open", base, 6000)).toMatchObject({ ok: false });
  });

  it("pauses only open or upcoming campaigns and resumes only paused ones", () => {
    expect(applyLifecycle("pause", base, 2000)).toEqual({ ok: true, change: { paused: true } });
    expect(applyLifecycle("pause", { ...base, closedAt: 1500 }, 2000)).toMatchObject({ ok: false });
    expect(applyLifecycle("resume", base, 2000)).toMatchObject({ ok: false });
    expect(applyLifecycle("resume", { ...base, paused: true }, 2000)).toEqual({
      ok: true,
      change: { paused: false },
    });
  });

  it("closes once and publishes only after closing", () => {
    expect(applyLifecycle("publish", base, 2000)).toMatchObject({ ok: false });
    expect(applyLifecycle("close", base, 2000)).toEqual({
      ok: true,
      change: { closedAt: 2000, paused: false },
    });
    expect(applyLifecycle("close", { ...base, closedAt: 1500 }, 2000)).toMatchObject({ ok: false });
    expect(applyLifecycle("publish", { ...base, closedAt: 1500 }, 2000)).toEqual({
      ok: true,
      change: { publishedAt: 2000 },
    });
    expect(applyLifecycle("publish", base, 9000)).toEqual({
      ok: true,
      change: { publishedAt: 9000 },
    });
    expect(
      applyLifecycle("open", { ...base, closedAt: 1500, publishedAt: 1600 }, 2000),
    ).toMatchObject({ ok: false });
  });
});
