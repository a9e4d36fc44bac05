import { describe, expect, it } from "vitest";
import { findCampaign } from "../../../src/db/queries/admin-campaigns";
import { scanAnomalies } from "../../../src/db/queries/anomalies";
import { call, db, expectReconciled, insertLikes, makeCampaign } from "../../helpers";
import { asCall, errorCode, json } from "./admin-helpers";

const base = (slug: string) => `/api/admin/campaigns/${slug}`;

async function results(slug: string) {
  return (await call(`/api/campaigns/${slug}/results`)).json<{
    totalLikes: number;
    candidates: { number: number; likes: number; heldLikes?: number }[];
  }>();
}

describe("held likes for organizers", () => {
  it("lists held likes per nominee and releases them in bulk, with a reason, audit-logged", async () => {
    const c = await makeCampaign({ count: 3, showCounts: "always" });
    await insertLikes(c.id, [
      ...Array.from({ length: 4 }, () => ({ number: 2, status: "held" as const, network: "neta" })),
      { number: 3, status: "held", network: "netb" },
      { number: 1, status: "counted" },
    ]);
    const held = await (await asCall("observer", `${base(c.slug)}/held`)).json();
    expect(held).toEqual({
      held: 5,
      nominees: [
        { number: 2, name: expect.any(String), held: 4 },
        { number: 3, name: expect.any(String), held: 1 },
      ],
    });
    expect((await results(c.slug)).totalLikes).toBe(1);

    const preview = await asCall("observer", `${base(c.slug)}/votes/matches?network=neta`);
    expect(await preview.json()).toEqual({ counted: 0, held: 4, voided: 0 });

    const res = await asCall(
      "admin",
      `${base(c.slug)}/held/release`,
      json({ number: 2, reason: "单位集中点赞，已电话核实" }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ released: 4 });
    const after = await results(c.slug);
    expect(after.totalLikes).toBe(5);
    expect(after.candidates.find((r) => r.number === 2)?.likes).toBe(4);
    await expectReconciled(c.id);

    const voided = await asCall(
      "admin",
      `${base(c.slug)}/held/void`,
      json({ network: "netb", reason: "刷票" }),
    );
    expect(await voided.json()).toEqual({ voided: 1 });
    expect(await (await asCall("observer", `${base(c.slug)}/held`)).json()).toEqual({
      held: 0,
      nominees: [],
    });
    await expectReconciled(c.id);

    const audit = await (await asCall("observer", `/api/admin/audit?campaign=${c.slug}`)).json<{
      entries: { action: string; actor: string; after: Record<string, unknown> }[];
    }>();
    const mine = audit.entries.filter((e) => e.action.startsWith("votes."));
    expect(mine.map((e) => [e.action, e.after])).toEqual(
      expect.arrayContaining([
        ["votes.release", { released: 4 }],
        ["votes.void_held", { voided: 1 }],
      ]),
    );

    const changes = await (await asCall("observer", `${base(c.slug)}/votes/changes`)).json<{
      changes: { action: string; rows: number; reason: string; actor: string }[];
    }>();
    expect(changes.changes.map((x) => [x.action, x.rows, x.reason])).toEqual([
      ["void_held", 1, "刷票"],
      ["release", 4, "单位集中点赞，已电话核实"],
    ]);
  });

  it("reinstates one void decision with a reason; the ledger keeps both facts", async () => {
    const c = await makeCampaign({ count: 2, showCounts: "always" });
    const [first] = await insertLikes(c.id, [
      { number: 1, status: "counted", network: "neta" },
      { number: 1, status: "counted", network: "neta" },
      { number: 2, status: "counted", network: "netb" },
    ]);
    const voided = await asCall(
      "admin",
      `${base(c.slug)}/votes/void`,
      json({ network: "neta", reason: "误判为刷票" }),
    );
    expect(await voided.json()).toEqual({ voided: 2 });
    const [decision] = (
      await (
        await asCall("observer", `${base(c.slug)}/votes/changes`)
      ).json<{
        changes: { id: string; action: string; standing: number }[];
      }>()
    ).changes;
    expect(decision).toMatchObject({ action: "void", standing: 2 });

    const res = await asCall(
      "admin",
      `${base(c.slug)}/votes/reinstate`,
      json({ change: decision?.id, reason: "复核：同一办公室的正常点赞" }),
    );
    expect(await res.json()).toEqual({ reinstated: 2 });
    expect((await results(c.slug)).totalLikes).toBe(3);
    await expectReconciled(c.id);
    // Reinstating again changes nothing.
    const again = await asCall(
      "admin",
      `${base(c.slug)}/votes/reinstate`,
      json({ change: decision?.id, reason: "再次" }),
    );
    expect(await again.json()).toEqual({ reinstated: 0 });

    // Both facts in the export: the void and the reinstatement, each with who and why (the
    // default file names the statuses in Chinese).
    const csv = await (await asCall("observer", `${base(c.slug)}/votes.csv`)).text();
    const events = csv.split("\r\n").filter((l) => l.startsWith(`#event,`));
    expect(events.filter((l) => l.includes(`,${first?.id},有效,已核减,`))).toHaveLength(1);
    expect(events.filter((l) => l.includes(`,${first?.id},已核减,有效,`))).toHaveLength(1);
    expect(csv).toContain("复核：同一办公室的正常点赞");

    // A receipt alone works too.
    await asCall("admin", `${base(c.slug)}/votes/void`, json({ network: "netb", reason: "x" }));
    const receipt = await asCall(
      "admin",
      `${base(c.slug)}/votes/reinstate`,
      json({ receipt: "nope", reason: "y" }),
    );
    expect(receipt.status).toBe(400);
  });

  it("answers 401 without an organizer and 403 to observers writing", async () => {
    const c = await makeCampaign({ count: 1 });
    for (const path of ["held/release", "held/void", "votes/reinstate"]) {
      const body = json({ reason: "r", change: crypto.randomUUID() });
      expect((await asCall("none", `${base(c.slug)}/${path}`, body)).status).toBe(401);
      const observer = await asCall("observer", `${base(c.slug)}/${path}`, body);
      expect(observer.status).toBe(403);
      expect(await errorCode(observer)).toBe("forbidden");
    }
    expect((await asCall("none", `${base(c.slug)}/held`)).status).toBe(401);
    expect((await asCall("none", `${base(c.slug)}/votes/matches`)).status).toBe(401);
  });

  it("refuses bad input with the error envelope", async () => {
    const c = await makeCampaign({ count: 1 });
    const noReason = await asCall("admin", `${base(c.slug)}/held/release`, json({ number: 1 }));
    expect(noReason.status).toBe(400);
    expect(await errorCode(noReason)).toBe("invalid_body");
    const noFilter = await asCall(
      "admin",
      `${base(c.slug)}/votes/reinstate`,
      json({ reason: "r" }),
    );
    expect(noFilter.status).toBe(400);
    const nobody = await asCall(
      "admin",
      `${base(c.slug)}/held/release`,
      json({ number: 99, reason: "r" }),
    );
    expect(nobody.status).toBe(404);
    expect(await errorCode(nobody)).toBe("candidate_not_found");
    const badQuery = await asCall("observer", `${base(c.slug)}/votes/matches?from=yesterday`);
    expect(badQuery.status).toBe(400);
    expect(await errorCode(badQuery)).toBe("invalid_query");
  });
});

describe("held likes in public", () => {
  it("shows 待核验 N only where counts are visible", async () => {
    const open = await makeCampaign({ count: 2, showCounts: "always" });
    await insertLikes(open.id, [
      { number: 1, status: "held" },
      { number: 1, status: "held" },
      { number: 2, status: "counted" },
    ]);
    const json = await results(open.slug);
    expect(json.totalLikes).toBe(1);
    expect(json.candidates.find((r) => r.number === 1)).toMatchObject({ likes: 0, heldLikes: 2 });
    const page = await (await call(`/c/${open.slug}/results`)).text();
    expect(page).toContain("待核验 2 票");
    const profile = await (await call(`/c/${open.slug}/1`)).text();
    expect(profile).toContain("待核验 2 票");

    const hidden = await makeCampaign({ count: 1, showCounts: "after_close" });
    await insertLikes(hidden.id, [{ number: 1, status: "held" }]);
    expect((await call(`/api/campaigns/${hidden.slug}/results`)).status).toBe(403);
    // (The page's client messages carry the template "待核验 {n} 票", never a number.)
    expect(await (await call(`/c/${hidden.slug}/1`)).text()).not.toMatch(/待核验 \d/);
    expect(await (await call(`/c/${hidden.slug}/results`)).text()).not.toMatch(/待核验 \d/);
  });
});

describe("the console's ledger decisions", () => {
  it("shows held likes with a bulk form to admins, counts only to observers, and recent decisions", async () => {
    const c = await makeCampaign({ count: 2 });
    await insertLikes(c.id, [
      { number: 2, status: "held" },
      { number: 2, status: "held" },
    ]);
    await asCall(
      "admin",
      `${base(c.slug)}/votes/void`,
      json({ network: "net-a", reason: "测试核减" }),
    );
    const page = await (await asCall("admin", `/admin/c/${c.slug}/review`)).text();
    expect(page).toContain("待核验的点赞（2）");
    expect(page).toContain('data-form="held"');
    expect(page).toContain("全部待核验的点赞（2）");
    const watching = await (await asCall("observer", `/admin/c/${c.slug}/review`)).text();
    expect(watching).toContain("待核验的点赞（2）");
    expect(watching).not.toContain('data-form="held"');
    const dashboard = await (await asCall("admin", `/admin/c/${c.slug}`)).text();
    expect(dashboard).toMatch(
      /<dt>待核验<\/dt><dd><a href="\/admin\/c\/[^"]+\/review#held-title">2<\/a>/,
    );
  });

  it("opens the void form filled in from a review link: nominee, time range, network", async () => {
    const c = await makeCampaign({ count: 3, timeZone: "Asia/Shanghai" });
    const from = Date.parse("2026-11-29T10:00:00+08:00");
    const to = from + 10 * 60_000;
    const page = await (
      await asCall("admin", `/admin/c/${c.slug}?number=2&from=${from}&to=${to}&network=abc123`)
    ).text();
    expect(page).toMatch(/<details class="panel void-panel" id="void-panel" open="">/);
    expect(page).toMatch(/<option value="2" selected="">/);
    expect(page).toContain('value="2026-11-29T10:00"');
    expect(page).toContain('value="2026-11-29T10:10"');
    expect(page).toMatch(/id="void-network"[^>]*value="abc123"/);
    const plain = await (await asCall("admin", `/admin/c/${c.slug}?from=x&network=<b>`)).text();
    expect(plain).not.toMatch(/void-panel" open/);
  });
});

describe("deciding a flag that covers held likes", () => {
  it("clearing releases its held likes; voiding voids counted and held alike", async () => {
    const c = await makeCampaign({ count: 2 });
    const at = Date.now() - 60_000;
    await insertLikes(c.id, [
      ...Array.from({ length: 40 }, () => ({
        number: 1,
        status: "held" as const,
        network: "neta",
        at,
      })),
      ...Array.from({ length: 12 }, () => ({
        number: 1,
        status: "counted" as const,
        network: "neta",
        at,
      })),
      ...Array.from({ length: 55 }, () => ({
        number: 2,
        status: "held" as const,
        network: "netb",
        at,
      })),
    ]);
    const campaign = await findCampaign(db(), c.slug);
    if (!campaign) throw new Error("no campaign");
    await scanAnomalies(db(), campaign, Date.now());
    const { flags } = await (await asCall("observer", `${base(c.slug)}/flags`)).json<{
      flags: { id: number; kind: string; subject: string; countedNow: number; heldNow: number }[];
    }>();
    const netA = flags.find((f) => f.kind === "prefix_burst" && f.subject === "neta");
    const netB = flags.find((f) => f.kind === "prefix_burst" && f.subject === "netb");
    expect(netA).toMatchObject({ countedNow: 12, heldNow: 40 });
    expect(netB).toMatchObject({ countedNow: 0, heldNow: 55 });

    const cleared = await asCall(
      "admin",
      `${base(c.slug)}/flags/${netA?.id}/clear`,
      json({ reason: "同一办公楼，核实为正常点赞" }),
    );
    expect(await cleared.json()).toMatchObject({ voided: 0, released: 40 });
    const voided = await asCall(
      "admin",
      `${base(c.slug)}/flags/${netB?.id}/void`,
      json({ reason: "刷票" }),
    );
    expect(await voided.json()).toMatchObject({ voided: 55, released: 0 });
    expect((await results(c.slug)).totalLikes).toBe(52);
    await expectReconciled(c.id);
    // Deciding again: 409, and nothing moves.
    const again = await asCall(
      "admin",
      `${base(c.slug)}/flags/${netB?.id}/void`,
      json({ reason: "x" }),
    );
    expect(again.status).toBe(409);
    await expectReconciled(c.id);
  });
});
