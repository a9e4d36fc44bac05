import { describe, expect, it } from "vitest";
import {
  allowedTransition,
  type ChainEvent,
  canonicalCounts,
  canonicalEvent,
  countsHash,
} from "../../src/domain/ledger-chain";
import { type ReplayRow, replayStatuses } from "../../src/domain/ledger-replay";

const row = (
  id: number,
  number: number,
  status: ReplayRow["status"],
  extra: Partial<ReplayRow> = {},
): ReplayRow => ({
  id,
  seconds: 1_700_000_000 + id,
  number,
  voterHash: "v",
  ipHash: "i",
  receipt: `R${id}`,
  day: "2026-11-29",
  status,
  voidReason: "",
  asOfEvent: Number.POSITIVE_INFINITY,
  line: id + 1,
  ...extra,
});
const event = (
  id: number,
  likeId: number,
  from: ChainEvent["from"],
  to: ChainEvent["to"],
  reason = "r",
): ChainEvent => ({
  id,
  likeId,
  from,
  to,
  change: `c${id}`,
  seconds: 1_700_000_100,
  actor: "王主任 (admin, session)",
  reason,
});

describe("the ledger's status rules (pure)", () => {
  it("allows exactly release, void of held or counted, and reinstate", () => {
    const all = ["counted", "held", "voided"] as const;
    const allowed = all.flatMap((f) =>
      all.filter((t) => allowedTransition(f, t)).map((t) => `${f}>${t}`),
    );
    expect(allowed.sort()).toEqual([
      "counted>voided",
      "held>counted",
      "held>voided",
      "voided>counted",
    ]);
  });

  it("keeps free text from moving between fields of an event", () => {
    const a = canonicalEvent({ ...event(1, 1, "held", "counted"), actor: "a|b", reason: "c" });
    const b = canonicalEvent({ ...event(1, 1, "held", "counted"), actor: "a", reason: "b|c" });
    expect(a).not.toBe(b);
  });

  it("hashes counted totals independent of order", () => {
    expect(
      canonicalCounts([
        [2, 5],
        [1, 0],
      ]),
    ).toBe("[[1,0],[2,5]]");
    expect(
      countsHash([
        [2, 5],
        [1, 0],
      ]),
    ).toBe(
      countsHash([
        [1, 0],
        [2, 5],
      ]),
    );
  });

  it("replays statuses: a row starts as its first change's from, each row matches its as-of status", () => {
    const rows = [
      row(1, 1, "counted"),
      row(2, 1, "voided", { voidReason: "刷票" }),
      row(3, 2, "counted", { asOfEvent: 1 }),
    ];
    const events = [event(1, 3, "held", "counted"), event(2, 2, "counted", "voided", "刷票")];
    const r = replayStatuses(rows, events, [
      { count: 3, eventCount: 0, source: "k0" },
      { count: 3, eventCount: 2, source: "k2" },
    ]);
    expect(r.problems).toEqual([]);
    expect(r.checks.map((c) => c.counts)).toEqual([
      [
        [1, 2],
        [2, 0],
      ],
      [
        [1, 1],
        [2, 1],
      ],
    ]);
    expect(Object.fromEntries(r.finalCounts)).toEqual({ 1: 1, 2: 1 });
  });

  it("reports a status that its changes do not give, a wrong reason and a change from the wrong status", () => {
    const rows = [
      row(1, 1, "held"),
      row(2, 1, "voided", { voidReason: "别的理由" }),
      row(3, 1, "counted"),
    ];
    const events = [
      event(1, 1, "held", "counted"),
      event(2, 2, "counted", "voided", "刷票"),
      event(3, 3, "voided", "counted"),
      event(4, 3, "held", "voided"),
    ];
    const { problems } = replayStatuses(rows, events, []);
    expect(problems.join("\n")).toMatch(
      /row 1 is exported as held, its status changes give counted/,
    );
    expect(problems.join("\n")).toMatch(/row 2's void reason/);
    expect(problems.join("\n")).toMatch(/status change 4: row 3 was counted, the change says held/);
  });
});
