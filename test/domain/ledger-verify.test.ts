import { describe, expect, it } from "vitest";
import { sealLedger } from "../../src/db/queries/checkpoints";
import { changeStatus } from "../../src/db/queries/ledger-status";
import { findNominee } from "../../src/db/queries/nominees";
import { parseCsv } from "../../src/domain/csv";
import { compareResults, type KnownHead, verifyLedger } from "../../src/domain/ledger-verify";
import { call, db, insertLikes, like, makeCampaign } from "../helpers";
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
    expect(csv).toContain("已核减");
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

describe("the chain covers what decides the count (issue 13 item 8)", () => {
  const admin = { role: "admin", name: "王主任", via: "session" } as const;

  /** A ledger with held, released, voided and reinstated rows, sealed, then exported. */
  async function withEvents() {
    const c = await makeCampaign({ count: 3, showCounts: "always" });
    for (let i = 0; i < 4; i++) await like(c.slug, (i % 2) + 1, { ip: `198.51.100.${10 + i}` });
    await insertLikes(c.id, [
      { number: 3, status: "held" },
      { number: 3, status: "held" },
      { number: 3, status: "held" },
    ]);
    const nominee3 = await findNominee(db(), c.id, 3);
    const now = Date.now();
    await changeStatus(db(), c.id, {
      action: "release",
      filter: { nomineeId: nominee3?.id },
      reason: "核实为同一单位集中点赞",
      actor: admin,
      now,
    });
    const nominee1 = await findNominee(db(), c.id, 1);
    const voided = await changeStatus(db(), c.id, {
      action: "void",
      filter: { nomineeId: nominee1?.id },
      reason: "同一设备批量点赞",
      actor: admin,
      now: now + 1000,
    });
    await sealLedger(db(), c.id, now + 2000);
    await changeStatus(db(), c.id, {
      action: "reinstate",
      filter: { change: voided.change ?? "" },
      reason: "复核后恢复",
      actor: admin,
      now: now + 3000,
    });
    await sealLedger(db(), c.id, now + 4000);
    await changeStatus(db(), c.id, {
      action: "void",
      filter: { nomineeId: nominee1?.id },
      reason: "再次核减",
      actor: admin,
      now: now + 5000,
    }); // after the last seal: only the export's own chains cover it
    // English statuses (?lang=en), so the forgeries below can name them; votes-csv.test.ts
    // forges a Chinese file.
    const csv = await (
      await asCall("observer", `/api/admin/campaigns/${c.slug}/votes.csv?lang=en`)
    ).text();
    const history = await (await call(`/api/campaigns/${c.slug}/ledger?history=1`)).json<{
      checkpoints: {
        seq: number;
        count: number;
        hash: string;
        events: number;
        eventHash: string;
        counted?: number;
        countsHash?: string;
      }[];
    }>();
    const published: KnownHead[] = history.checkpoints.map((k) => ({
      count: k.count,
      hash: k.hash,
      source: `published checkpoint ${k.seq}`,
      eventCount: k.events,
      eventHash: k.eventHash,
      counted: k.counted,
      countsHash: k.countsHash,
    }));
    return { c, csv, published };
  }

  const lines = (csv: string) => csv.split("\r\n");
  const rowLine = (csv: string, id: number) => lines(csv).findIndex((l) => l.startsWith(`${id},`));

  it("verifies rows, status changes and counted totals, and replays the final counts", async () => {
    const { csv, published } = await withEvents();
    const report = verifyLedger(csv, published);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.events).toBe(3 + 2 + 2 + 2);
    const what = report.checked.map((x) => `${x.what}:${x.source}:${x.matches}`);
    expect(what).toEqual(
      expect.arrayContaining([
        "counted totals:published checkpoint 1:true",
        "counted totals:published checkpoint 2:true",
        "events:published checkpoint 2:true",
        "events:the export's own event chain:true",
      ]),
    );
    expect(Object.fromEntries(report.counts)).toEqual({ 1: 0, 2: 2, 3: 3 });
  });

  it("catches a status changed from counted to voided in a sealed row", async () => {
    const { csv, published } = await withEvents();
    // Nominee 2's rows never changed: no event explains them, only the sealed totals do.
    const i = lines(csv).findIndex((l) => /^\d+,[^,]+,2,/.test(l));
    expect(i).toBeGreaterThan(0);
    const forged = lines(csv);
    forged[i] = (forged[i] ?? "").replace(",counted,", ",voided,");
    const report = verifyLedger(forged.join("\r\n"), published);
    expect(report.ok).toBe(false);
    expect(report.problems.join("\n")).toMatch(/counted totals per nominee .* do not match/);
  });

  it("catches a changed void reason", async () => {
    const { csv, published } = await withEvents();
    const forged = csv.replace(/,voided,再次核减,/, ",voided,重复投票,");
    expect(forged).not.toBe(csv);
    const report = verifyLedger(forged, published);
    expect(report.ok).toBe(false);
    expect(report.problems.join("\n")).toMatch(/void reason is not the one its void recorded/);
  });

  it("catches status changes put in another order", async () => {
    const { csv, published } = await withEvents();
    const all = lines(csv);
    const first = all.findIndex((l) => l.startsWith("#event,"));
    const swapped = [...all];
    // The release of a held row and the void of a counted one trade places.
    const a = swapped[first] ?? "";
    swapped[first] = swapped[first + 4] ?? "";
    swapped[first + 4] = a;
    const report = verifyLedger(swapped.join("\r\n"), published);
    expect(report.ok).toBe(false);
    expect(report.problems.join("\n")).toMatch(/out of order/);
    expect(report.problems.join("\n")).toMatch(/event chain after \d+ events does not match/);
  });

  it("catches a dropped status change even when the forger rewrote the rows to match", async () => {
    const { csv, published } = await withEvents();
    // Drop the last void (unsealed) and show the row as counted: the export's own event chain
    // catches it; a forger who also rewrites that trailer is left with nothing sealed to hide it,
    // but the earlier sealed events and totals still have to match.
    const all = lines(csv);
    const last = all.findLastIndex((l) => l.startsWith("#event,"));
    const likeId = Number((all[last] ?? "").split(",")[3]);
    const dropped = all.filter((_, i) => i !== last);
    const j = rowLine(dropped.join("\r\n"), likeId);
    dropped[j] = (dropped[j] ?? "").replace(
      /,voided,再次核减,王主任 \(admin, session\),/,
      ",counted,,,",
    );
    const report = verifyLedger(dropped.join("\r\n"), published);
    expect(report.ok).toBe(false);
    expect(report.problems.join("\n")).toMatch(/the export's own event chain/);
  });

  it("compares the replayed totals with export.csv (either header language)", async () => {
    const { c, csv, published } = await withEvents();
    const report = verifyLedger(csv, published);
    for (const lang of ["zh", "en"]) {
      const results = await (
        await asCall("observer", `/api/admin/campaigns/${c.slug}/export.csv?lang=${lang}`)
      ).text();
      expect(compareResults(report.counts, results)).toEqual([]);
      const forged = results.replace(/^(\d+),3,(.*),3$/m, "$1,3,$2,4");
      expect(forged).not.toBe(results);
      expect(compareResults(report.counts, forged)).toEqual([
        "nominee 3: export.csv says 4 likes, the ledger replays to 3",
      ]);
    }
  });
});
