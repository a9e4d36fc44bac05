import { describe, expect, it } from "vitest";
import { sealLedger } from "../../../src/db/queries/checkpoints";
import { parseCsv } from "../../../src/domain/csv";
import { ledgerColumnKey, ledgerStatusKey } from "../../../src/domain/ledger-columns";
import { verifyLedger } from "../../../src/domain/ledger-verify";
import { db, insertLikes, like, makeCampaign, voterCookie } from "../../helpers";
import { asCall, json } from "./admin-helpers";

const ZH = [
  "记录号",
  "时间",
  "候选人编号",
  "投票人哈希",
  "IP哈希",
  "状态",
  "核减原因",
  "核减人",
  "回执码",
  "投票日",
  "状态截至事件",
];
const EN = [
  "id",
  "time",
  "number",
  "voter_hash",
  "ip_hash",
  "status",
  "void_reason",
  "voided_by",
  "receipt",
  "day",
  "as_of_event",
];

async function campaignWithVoid() {
  const c = await makeCampaign({ count: 2 });
  const first = await like(c.slug, 1, { ip: "203.0.113.150" });
  await like(c.slug, 2, { ip: "203.0.113.151" });
  // Two held likes: one released below (an event held → counted), one still held.
  await insertLikes(c.id, [
    { number: 1, status: "held" },
    { number: 2, status: "held" },
  ]);
  await sealLedger(db(), c.id, Date.now());
  const voterHash = parseCsv(
    await (await asCall("token", `/api/admin/campaigns/${c.slug}/votes.csv?lang=en`)).text(),
  )[1]?.[3];
  expect(voterCookie(first)).toBeTruthy();
  const voided = await asCall(
    "admin",
    `/api/admin/campaigns/${c.slug}/votes/void`,
    json({ voterHash, reason: "核查为脚本刷票" }),
  );
  expect(voided.status).toBe(200);
  const released = await asCall(
    "admin",
    `/api/admin/campaigns/${c.slug}/held/release`,
    json({ number: 1, reason: "已电话核实" }),
  );
  expect(await released.json()).toEqual({ released: 1 });
  return c;
}

async function votes(as: "admin" | "observer" | "token", slug: string, query = "") {
  const res = await asCall(as, `/api/admin/campaigns/${slug}/votes.csv${query}`);
  expect(res.status).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  // Excel needs the BOM to read the Chinese cells.
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder().decode(bytes);
  return {
    text,
    rows: parseCsv(text.replace(/^\uFEFF/, "")).filter(
      (r) => !r[0]?.startsWith("#") && r.length > 1,
    ),
  };
}

describe("votes.csv headers and who sees what", () => {
  it("has Chinese headers and statuses by default, like export.csv", async () => {
    const c = await campaignWithVoid();
    const { text, rows } = await votes("observer", c.slug);
    expect(rows[0]).toEqual(ZH);
    expect(
      rows
        .slice(1)
        .map((r) => r[5])
        .sort(),
    ).toEqual(["已核减", "待核验", "有效", "有效"]);
    // The status-change events use the same words; their marker stays machine-readable.
    const events = parseCsv(text.replace(/^\uFEFF/, "")).filter((r) => r[0] === "#event");
    // Every row says which event its status reflects (the release, the newest).
    expect(new Set(rows.slice(1).map((r) => r[10]))).toEqual(new Set([events[1]?.[1]]));
    expect(events.map((e) => [e[4], e[5]])).toEqual([
      ["有效", "已核减"],
      ["待核验", "有效"],
    ]);
    expect(text).toMatch(/^#export_events,2,/m);
    expect(text).not.toMatch(/\b(counted|voided|held)\b/);
  });

  it("keeps English headers and statuses with ?lang=en", async () => {
    const c = await campaignWithVoid();
    const { text, rows } = await votes("observer", c.slug, "?lang=en");
    expect(rows[0]).toEqual(EN);
    expect(
      rows
        .slice(1)
        .map((r) => r[5])
        .sort(),
    ).toEqual(["counted", "counted", "held", "voided"]);
    const events = parseCsv(text.replace(/^\uFEFF/, "")).filter((r) => r[0] === "#event");
    expect(events.map((e) => [e[4], e[5]])).toEqual([
      ["counted", "voided"],
      ["held", "counted"],
    ]);
  });

  it("gives the network hash and the signals to admins only", async () => {
    const c = await campaignWithVoid();
    for (const as of ["admin", "token"] as const) {
      const zh = await votes(as, c.slug);
      expect(zh.rows[0]).toEqual([...ZH, "网段哈希", "请求特征"]);
      expect(zh.rows[1]?.[11]).toMatch(/^[0-9a-f]{32}$/);
      const en = await votes(as, c.slug, "?lang=en");
      expect(en.rows[0]).toEqual([...EN, "ip_prefix_hash", "signals"]);
    }
    for (const query of ["", "?lang=en"]) {
      const { rows } = await votes("observer", c.slug, query);
      for (const r of rows) expect(r).toHaveLength(11);
    }
  });

  it("verifies in either language (npm run verify reads both headers)", async () => {
    const c = await campaignWithVoid();
    // Seal the status changes too, so the counted totals are checked against a checkpoint.
    await sealLedger(db(), c.id, Date.now());
    for (const [as, query] of [
      ["observer", ""],
      ["observer", "?lang=en"],
      ["admin", ""],
      ["admin", "?lang=en"],
    ] as const) {
      const { text } = await votes(as, c.slug, query);
      const report = verifyLedger(text);
      expect(report.problems, `${as}${query}`).toEqual([]);
      expect(report.ok, `${as}${query}`).toBe(true);
      expect(report.rows).toBe(4);
      expect(report.events).toBe(2);
      expect(report.checked.some((x) => x.what === "counted totals" && x.matches)).toBe(true);
      expect(Object.fromEntries(report.counts)).toEqual({ 1: 1, 2: 1 });
    }
    // A status changed in the Chinese file is caught like one in the English file.
    const { text } = await votes("observer", c.slug);
    const tampered = text.replace(/,已核减,核查为脚本刷票,/, ",有效,核查为脚本刷票,");
    expect(tampered).not.toBe(text);
    expect(verifyLedger(tampered).ok).toBe(false);
    expect(ZH.map(ledgerColumnKey)).toEqual(EN);
    expect(["有效", "已核减", "待核验", "voided"].map(ledgerStatusKey)).toEqual([
      "counted",
      "voided",
      "held",
      "voided",
    ]);
  });
});
