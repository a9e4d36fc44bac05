import { describe, expect, it } from "vitest";
import { sealLedger } from "../../src/db/queries/checkpoints";
import { parseCsv } from "../../src/domain/csv";
import { verifyLedger } from "../../src/domain/ledger-verify";
import { call, db, like, makeCampaign } from "../helpers";
import { asCall, json } from "../routes/admin/admin-helpers";

/** An exported ledger, and the head the server publishes for it. */
async function exported(opts: { showCounts?: "always" | "after_close" } = {}) {
  const c = await makeCampaign({ count: 3, showCounts: opts.showCounts ?? "always" });
  for (let i = 0; i < 6; i++) await like(c.slug, (i % 3) + 1, { ip: `203.0.113.${60 + i}` });
  await sealLedger(db(), c.id, Date.now());
  await like(c.slug, 1, { ip: "203.0.113.70" }); // written after the seal
  const csv = await (await asCall("observer", `/api/admin/campaigns/${c.slug}/votes.csv`)).text();
  const head = await (await call(`/api/campaigns/${c.slug}/ledger`)).json<{
    count?: number;
    hash: string;
  }>();
  const published = { count: head.count ?? -1, hash: head.hash, source: "published head" };
  return { c, csv, published };
}

/** Rewrites one cell of one data row (line = 1 is the first row after the header). */
function tamper(csv: string, line: number, column: number, value: string): string {
  const lines = csv.split("\r\n");
  const cells = parseCsv(lines[line] ?? "")[0] ?? [];
  cells[column] = value;
  lines[line] = cells.join(",");
  return lines.join("\r\n");
}

describe("verifying an exported ledger (npm run verify)", () => {
  it("accepts an untouched export: its own chain, its trailer and the published head", async () => {
    const { csv, published } = await exported();
    const report = verifyLedger(csv, [published]);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.rows).toBe(7);
    expect(report.checked.map((x) => [x.source, x.count, x.matches])).toEqual(
      expect.arrayContaining([
        ["published head", 6, true],
        ["the export's ledger head", 6, true],
        ["the export's own chain", 7, true],
      ]),
    );
  });

  it("still verifies after likes are voided (a void changes the status, not the sealed row)", async () => {
    const { c, published } = await exported();
    const res = await asCall(
      "admin",
      `/api/admin/campaigns/${c.slug}/votes/void`,
      json({ number: 1, from: "2000-01-01T00:00:00+08:00", reason: "测试核减" }),
    );
    expect(res.status).toBe(200);
    const csv = await (await asCall("observer", `/api/admin/campaigns/${c.slug}/votes.csv`)).text();
    expect(csv).toContain("voided");
    expect(verifyLedger(csv, [published]).ok).toBe(true);
  });

  it("detects a changed nominee, voter, time or receipt in a sealed row", async () => {
    const { csv, published } = await exported();
    for (const [column, value] of [
      [2, "3"],
      [3, "f".repeat(32)],
      [1, "2020-01-01T00:00:00+08:00"],
      [8, "AAAA-BBBB-CCCC"],
    ] as const) {
      const forged = tamper(csv, 2, column, value);
      const report = verifyLedger(forged, [published]);
      expect(report.ok, `column ${column}`).toBe(false);
      expect(report.problems.join("\n")).toMatch(/published head/);
    }
  });

  it("detects a dropped or an added row even when the forger rewrote the trailer", async () => {
    const { csv, published } = await exported();
    const lines = csv.split("\r\n");
    const dropped = [...lines.slice(0, 3), ...lines.slice(4)].join("\r\n");
    expect(verifyLedger(dropped, [published]).ok).toBe(false);
    // A forger recomputes the file's own chain so it agrees with itself: the published head still
    // does not match.
    const rewritten = verifyLedger(dropped);
    const selfConsistent = dropped.replace(
      /#export_chain,\d+,[0-9a-f]{64}/,
      `#export_chain,${rewritten.rows},${rewritten.hash}`,
    );
    expect(verifyLedger(selfConsistent, [published]).ok).toBe(false);

    const extra = `${lines[2]?.replace(/^\d+/, "999999")}`;
    const added = [...lines.slice(0, 3), extra, ...lines.slice(3)].join("\r\n");
    expect(verifyLedger(added, [published]).ok).toBe(false);
  });

  it("matches a hidden-count head by its hash alone", async () => {
    const { csv, published } = await exported({ showCounts: "after_close" });
    expect(published.count).toBe(-1);
    expect(verifyLedger(csv, [published]).ok).toBe(true);
    expect(verifyLedger(tamper(csv, 1, 3, "0".repeat(32)), [published]).ok).toBe(false);
  });

  it("refuses a file that is not a ledger export", () => {
    expect(verifyLedger("a,b\r\n1,2\r\n").ok).toBe(false);
  });
});

describe("verifying an older export against newer published checkpoints", () => {
  it("checks the checkpoints the export covers and only warns about later ones", async () => {
    const { c, csv, published } = await exported();
    await like(c.slug, 2, { ip: "203.0.113.71" });
    await like(c.slug, 3, { ip: "203.0.113.72" });
    const later = await sealLedger(db(), c.id, Date.now());
    const newer = { count: later?.rowCount ?? 0, hash: later?.hash ?? "", source: "checkpoint 2" };
    const report = verifyLedger(csv, [published, newer]);
    expect(report.ok).toBe(true);
    expect(report.warnings.join("\n")).toMatch(/checkpoint 2 covers 9 rows/);
    // A head given without its count (hidden counts) still has to match somewhere.
    expect(verifyLedger(csv, [{ ...published, count: -1 }]).ok).toBe(true);
    expect(verifyLedger(csv, [{ count: -1, hash: `${"0".repeat(63)}1`, source: "x" }]).ok).toBe(
      false,
    );
  });
});
