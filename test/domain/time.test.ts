import { describe, expect, it } from "vitest";
import {
  isoInZone,
  isValidTimeZone,
  localDay,
  localToIso,
  nextLocalMidnight,
  offsetMinutes,
  parseInstant,
} from "../../src/domain/time";

const SH = "Asia/Shanghai";

describe("campaign-local days", () => {
  it("rolls over at midnight in Shanghai, which is 16:00 UTC", () => {
    const before = Date.parse("2026-11-29T15:59:59.999Z");
    const after = Date.parse("2026-11-29T16:00:00.000Z");
    expect(localDay(before, SH)).toBe("2026-11-29");
    expect(localDay(after, SH)).toBe("2026-11-30");
    // In UTC both instants are still the 29th: the rule must not use the UTC day.
    expect(new Date(after).toISOString().slice(0, 10)).toBe("2026-11-29");
  });

  it("answers every instant right whatever was asked before (the per-minute reuse)", () => {
    const midnight = Date.parse("2026-11-29T16:00:00.000Z");
    // Back and forth across midnight, within and across minutes, in several zones at once.
    const instants = [0, -1, 1, -60_000, 59_999, 60_000, -1, 0, 30_000, -30_000, 86_400_000];
    for (const zone of [SH, "Asia/Kathmandu", "America/St_Johns", "UTC"]) {
      for (const d of instants) {
        const ms = midnight + d;
        const expected = new Intl.DateTimeFormat("en-CA", {
          timeZone: zone,
          year: "numeric",
          month: "2-digit",
          day: "2-digit",
        }).format(new Date(ms));
        expect(localDay(ms, zone), `${zone} ${new Date(ms).toISOString()}`).toBe(expected);
      }
    }
  });

  it("finds the next local midnight", () => {
    const now = Date.parse("2026-11-29T10:00:00Z"); // 18:00 in Shanghai
    expect(new Date(nextLocalMidnight(now, SH)).toISOString()).toBe("2026-11-29T16:00:00.000Z");
    // Across a DST change: New York's 2026-11-01 is 25 hours long.
    const ny = Date.parse("2026-11-01T12:00:00-05:00");
    expect(new Date(nextLocalMidnight(ny, "America/New_York")).toISOString()).toBe(
      "2026-11-02T05:00:00.000Z",
    );
  });

  it("formats instants with the zone's offset", () => {
    expect(isoInZone(Date.parse("2026-01-01T00:00:00+08:00"), SH)).toBe(
      "2026-01-01T00:00:00+08:00",
    );
    expect(isoInZone(Date.parse("2026-07-01T12:30:00Z"), "America/New_York")).toBe(
      "2026-07-01T08:30:00-04:00",
    );
    expect(offsetMinutes(Date.now(), "Asia/Kolkata")).toBe(330);
  });

  it("parses only instants with an offset", () => {
    expect(parseInstant("2026-01-01T00:00:00+08:00")).toBe(Date.parse("2025-12-31T16:00:00Z"));
    expect(parseInstant("2026-01-01T00:00:00Z")).toBe(Date.parse("2026-01-01T00:00:00Z"));
    expect(parseInstant("2026-01-01T00:00:00")).toBeNull();
    expect(parseInstant("2026-13-01T00:00:00Z")).toBeNull();
    expect(parseInstant("tomorrow")).toBeNull();
  });

  it("knows real zones", () => {
    expect(isValidTimeZone(SH)).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });
});

describe("isoInZoneFormatter", () => {
  it("gives exactly isoInZone, across DST changes and odd offsets", async () => {
    const { isoInZone, isoInZoneFormatter } = await import("../../src/domain/time");
    const zones = [
      "Asia/Shanghai",
      "America/New_York",
      "Europe/Berlin",
      "Australia/Lord_Howe",
      "Asia/Kathmandu",
      "UTC",
    ];
    // Around the 2026 transitions, every 7 min 13.5 s, plus a spread over two years.
    const instants: number[] = [];
    for (const start of [
      Date.UTC(2026, 2, 8, 0),
      Date.UTC(2026, 9, 25, 0),
      Date.UTC(2026, 3, 5, 0),
    ]) {
      for (let t = start; t < start + 2 * 86_400_000; t += 433_500) instants.push(t);
    }
    for (let k = 0; k < 500; k++) instants.push(Date.UTC(2025, 0, 1) + k * 126_144_001);
    for (const zone of zones) {
      const format = isoInZoneFormatter(zone);
      for (const ms of instants) expect(format(ms), `${zone} ${ms}`).toBe(isoInZone(ms, zone));
    }
  });
});

describe("localToIso (the console's datetime-local values)", () => {
  it("reads the wall clock in the campaign's zone", () => {
    expect(localToIso("2026-12-01T08:00", SH)).toBe("2026-12-01T08:00:00+08:00");
    expect(localToIso("2026-12-01T08:00:30", "UTC")).toBe("2026-12-01T08:00:30+00:00");
    expect(localToIso("2026-12-01T08:00", "Asia/Kolkata")).toBe("2026-12-01T08:00:00+05:30");
  });

  it("uses the offset in force at that local time, across a DST change", () => {
    expect(localToIso("2026-03-28T12:00", "Europe/Berlin")).toBe("2026-03-28T12:00:00+01:00");
    expect(localToIso("2026-03-29T12:00", "Europe/Berlin")).toBe("2026-03-29T12:00:00+02:00");
    expect(localToIso("2026-11-01T12:00", "America/New_York")).toBe("2026-11-01T12:00:00-05:00");
  });

  it("round-trips with isoInZone", () => {
    const ms = Date.parse("2026-07-15T23:45:00Z");
    for (const zone of [SH, "Europe/Berlin", "America/New_York", "Australia/Adelaide"]) {
      const iso = isoInZone(ms, zone);
      expect(localToIso(iso.slice(0, 16), zone)).toBe(iso);
    }
  });

  it("refuses what is not a local time or a zone", () => {
    expect(localToIso("", SH)).toBeNull();
    expect(localToIso("2026-12-01 08:00", SH)).toBeNull();
    expect(localToIso("2026-12-01T08:00", "Mars/Olympus")).toBeNull();
  });
});
