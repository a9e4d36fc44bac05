import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { campaigns } from "../../../src/db/schema";
import { call, db, like, makeCampaign } from "../../helpers";
import { asCall, errorCode, json } from "./admin-helpers";

const settings = (slug: string) => ({
  slug,
  title: "第二批“最美信访干部”评选",
  organizer: "市信访工作联席会议办公室",
  description: "第一段\n\n第二段",
  opensAt: "2026-01-01T00:00:00+08:00",
  closesAt: "2030-01-01T00:00:00+08:00",
  rules: { likesPerCandidatePerDay: 1, likesPerVoterPerDay: 3 },
});

async function audit(slug: string) {
  const res = await asCall("observer", `/api/admin/audit?campaign=${slug}`);
  return (
    await res.json<{
      entries: { action: string; actor: string; before: unknown; after: unknown }[];
    }>()
  ).entries;
}

describe("campaign management", () => {
  it("creates a draft that the public cannot see, then opens it", async () => {
    const res = await asCall("admin", "/api/admin/campaigns", json(settings("second-batch")));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      slug: "second-batch",
      status: "draft",
      draft: true,
      opensAt: "2026-01-01T00:00:00+08:00",
    });
    expect((await call("/api/campaigns/second-batch")).status).toBe(404);
    const dup = await asCall("admin", "/api/admin/campaigns", json(settings("second-batch")));
    expect(dup.status).toBe(409);
    expect(await errorCode(dup)).toBe("slug_taken");

    const opened = await asCall("admin", "/api/admin/campaigns/second-batch/open", {
      method: "POST",
    });
    expect(opened.status).toBe(200);
    expect(await opened.json()).toMatchObject({ status: "open", draft: false });
    expect((await call("/api/campaigns/second-batch")).status).toBe(200);

    const entries = await audit("second-batch");
    expect(entries.map((e) => e.action)).toEqual(["campaign.open", "campaign.create"]);
    expect(entries[0]?.actor).toBe("内置管理员（自称：王主任） (admin, session)");
    expect(entries[0]?.before).toMatchObject({ draft: true });
    expect(entries[0]?.after).toMatchObject({ draft: false });
  });

  it("explains invalid settings field by field", async () => {
    const bad = {
      ...settings("Bad Slug!"),
      closesAt: "2020-01-01T00:00:00+08:00",
      timeZone: "Mars/Base",
      rules: { likesPerCandidatePerDay: 0, likesPerVoterPerDay: 5 },
    };
    const res = await asCall("admin", "/api/admin/campaigns", json(bad));
    expect(res.status).toBe(400);
    const { error } = await res.json<{ error: { code: string; message: string } }>();
    expect(error.code).toBe("invalid_body");
    expect(error.message).toContain("slug");
    expect(error.message).toContain("timeZone");
    expect(error.message).toContain("likesPerCandidatePerDay");
    const malformed = await asCall("admin", "/api/admin/campaigns", {
      method: "POST",
      body: "{oops",
    });
    expect(malformed.status).toBe(400);
    expect(await errorCode(malformed)).toBe("invalid_body");
  });

  it("pauses, resumes, closes and publishes, refusing actions that make no sense", async () => {
    const c = await makeCampaign({ count: 3 });
    const act = (action: string, body?: unknown) =>
      asCall(
        "token",
        `/api/admin/campaigns/${c.slug}/${action}`,
        body ? json(body) : { method: "POST" },
      );
    expect((await act("pause")).status).toBe(200);
    expect((await like(c.slug, 1)).status).toBe(403);
    expect((await act("resume")).status).toBe(200);
    expect((await like(c.slug, 1)).status).toBe(201);
    const early = await act("publish", { honorees: [1] });
    expect(early.status).toBe(409);
    expect(await errorCode(early)).toBe("invalid_state");
    expect((await act("close")).status).toBe(200);
    expect((await like(c.slug, 2)).status).toBe(403);
    expect((await act("resume")).status).toBe(409);
    const unknownHonoree = await act("publish", { honorees: [1, 9] });
    expect(unknownHonoree.status).toBe(400);
    const published = await act("publish", { honorees: [1, 3] });
    expect(published.status).toBe(200);
    expect(await published.json()).toMatchObject({ status: "published" });
    const list = await (await call(`/api/campaigns/${c.slug}/candidates`)).json<{
      items: { number: number; honoree: boolean }[];
    }>();
    expect(list.items.map((i) => [i.number, i.honoree])).toEqual([
      [1, true],
      [2, false],
      [3, true],
    ]);
    expect((await act("open")).status).toBe(409);
  });

  it("edits settings with a partial patch and records before and after", async () => {
    const c = await makeCampaign();
    const res = await asCall("admin", `/api/admin/campaigns/${c.slug}`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        showCounts: "after_close",
        rules: { likesPerCandidatePerDay: 2, likesPerVoterPerDay: null },
      }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      showCounts: "after_close",
      rules: { likesPerCandidatePerDay: 2, likesPerVoterPerDay: null },
    });
    const [entry] = await audit(c.slug);
    expect(entry).toMatchObject({
      action: "campaign.update",
      before: { showCounts: "always" },
      after: { showCounts: "after_close" },
    });
    const backwards = await asCall("admin", `/api/admin/campaigns/${c.slug}`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ closesAt: "2000-01-01T00:00:00+08:00" }),
    });
    expect(backwards.status).toBe(400);
  });

  it("sets the like shards on create and refuses to change them, rather than ignoring the field", async () => {
    const created = await asCall(
      "admin",
      "/api/admin/campaigns",
      json({ ...settings("thirty-two-shards"), shards: 32 }),
    );
    expect(created.status).toBe(201);
    const patch = (body: unknown) =>
      asCall("admin", "/api/admin/campaigns/thirty-two-shards", {
        method: "PATCH",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    const res = await patch({ shards: 8, title: "改了标题" });
    expect(res.status).toBe(400);
    const { error } = await res.json<{
      error: { code: string; issues: { path: string; message: string }[] };
    }>();
    expect(error.code).toBe("invalid_body");
    expect(error.issues).toEqual([
      { path: "shards", message: "shards is set when a campaign is created and cannot change" },
    ]);
    // Nothing of the refused patch was applied; the ingest path itself may change.
    const ok = await patch({ ingest: "direct" });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ title: settings("x").title });
    const [row] = await db()
      .select({ shards: campaigns.shards })
      .from(campaigns)
      .where(eq(campaigns.slug, "thirty-two-shards"));
    expect(row?.shards).toBe(32);
    // A direct campaign's shards are not asked: the ingest state is zeros, not 32 objects' stats.
    const ingest = await asCall("admin", "/api/admin/campaigns/thirty-two-shards/ingest");
    expect(await ingest.json()).toEqual({
      ingest: "direct",
      shards: 32,
      pending: 0,
      flushes: 0,
      flushedLikes: 0,
      lagP99Ms: null,
    });
  });

  it("deletes only campaigns without likes", async () => {
    const empty = await makeCampaign();
    expect(
      (await asCall("admin", `/api/admin/campaigns/${empty.slug}`, { method: "DELETE" })).status,
    ).toBe(204);
    expect((await asCall("admin", `/api/admin/campaigns/${empty.slug}`)).status).toBe(404);
    const used = await makeCampaign();
    await like(used.slug, 1);
    const res = await asCall("admin", `/api/admin/campaigns/${used.slug}`, { method: "DELETE" });
    expect(res.status).toBe(409);
    expect(await errorCode(res)).toBe("campaign_has_likes");
  });

  it("shows a live dashboard with totals, ranking, groups, hours and rejections", async () => {
    const c = await makeCampaign({ count: 3 });
    const first = await like(c.slug, 2);
    const cookie = /by_voter=[^;]+/.exec(first.headers.get("Set-Cookie") ?? "")?.[0] ?? "";
    await like(c.slug, 2, { cookie }); // 409, counted as a rejection
    await like(c.slug, 3);
    const res = await asCall("observer", `/api/admin/campaigns/${c.slug}/dashboard`);
    expect(res.status).toBe(200);
    const d = await res.json<{
      totals: { likes: number };
      ranking: { rank: number; number: number }[];
      groups: { group: string; likes: number }[];
      likesPerHour: { likes: number }[];
      rejections: { reason: string; count: number }[];
    }>();
    expect(d.totals.likes).toBe(2);
    expect(d.ranking.slice(0, 2).map((r) => [r.rank, r.number])).toEqual([
      [1, 2],
      [1, 3],
    ]);
    expect(d.groups).toEqual(
      expect.arrayContaining([{ group: "市直单位", nominees: 1, likes: 1 }]),
    );
    expect(d.likesPerHour.reduce((s, h) => s + h.likes, 0)).toBe(2);
    expect(d.rejections).toContainEqual({ reason: "already_liked", count: 1 });
  });
});

describe("protection settings", () => {
  it("defaults friction on and retention off, and changes them with validation", async () => {
    const slug = `protect-${Date.now().toString(36)}`;
    const created = await asCall("admin", "/api/admin/campaigns", json(settings(slug)));
    expect(created.status).toBe(201);
    expect((await created.json<{ protection: unknown }>()).protection).toEqual({
      challengePrefixPerMinute: 30,
      challengeVoterPerMinute: 6,
      challengeDifficulty: 50_000,
      // Issue 13: new campaigns hold the likes an open anomaly flag covers.
      holdFlagged: true,
      retentionDays: null,
    });
    const protection = {
      challengePrefixPerMinute: null,
      challengeVoterPerMinute: 3,
      challengeDifficulty: 20_000,
      holdFlagged: false,
      retentionDays: 30,
    };
    const patched = await asCall("admin", `/api/admin/campaigns/${slug}`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ protection }),
    });
    expect(patched.status).toBe(200);
    expect((await patched.json<{ protection: unknown }>()).protection).toEqual(protection);
    // One field alone changes just that field.
    const one = await asCall("admin", `/api/admin/campaigns/${slug}`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ protection: { retentionDays: 90 } }),
    });
    expect(one.status).toBe(200);
    expect((await one.json<{ protection: unknown }>()).protection).toEqual({
      ...protection,
      retentionDays: 90,
    });
    for (const bad of [
      { ...protection, challengeDifficulty: 10 },
      { ...protection, challengePrefixPerMinute: 5000 },
      { ...protection, retentionDays: -1 },
      { ...protection, challengeVoterPerMinute: "3" },
    ]) {
      const res = await asCall("admin", `/api/admin/campaigns/${slug}`, {
        method: "PATCH",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ protection: bad }),
      });
      expect(res.status).toBe(400);
      expect(await errorCode(res)).toBe("invalid_body");
    }
  });
});

describe("lifecycle routes", () => {
  it("match only /:slug/<action>, never a longer path that ends in an action word", async () => {
    const c = await makeCampaign();
    const res = await asCall("admin", `/api/admin/campaigns/${c.slug}/anything/close`, json({}));
    expect(res.status).toBe(404);
    const after = await (await asCall("admin", `/api/admin/campaigns/${c.slug}`)).json<{
      status: string;
    }>();
    expect(after.status).toBe("open");
  });
});
