import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, like, makeCampaign } from "../../helpers";
import { asCall, errorCode, invite, json, openNominations, sessionCookie } from "./admin-helpers";

/** Issue 14 item 4: copy a campaign into a new draft, and preview a draft. */

const count = async (sql: string, ...binds: unknown[]) =>
  (
    await env.DB.prepare(sql)
      .bind(...binds)
      .first<{ n: number }>()
  )?.n ?? -1;

async function setUpSource() {
  const c = await makeCampaign({ count: 3, likesPerVoterPerDay: 7, challengeDifficulty: 80_000 });
  await openNominations(c.slug);
  await invite(c.slug, { unit: "临县", group: "县市区", quota: 2 });
  const revoked = await invite(c.slug, { unit: "兴县" });
  await asCall("admin", `/api/admin/campaigns/${c.slug}/invitations/${revoked.id}/revoke`, {
    method: "POST",
  });
  const juror = await asCall(
    "admin",
    `/api/admin/campaigns/${c.slug}/jurors`,
    json({ name: "张委员" }),
  );
  expect(juror.status).toBe(201);
  const { id: jurorId } = await juror.json<{ id: number }>();
  const nominee = await env.DB.prepare(
    "SELECT id FROM nominees WHERE campaign_id = ? AND number = 1",
  )
    .bind(c.id)
    .first<{ id: number }>();
  await env.DB.prepare(
    "INSERT INTO juror_scores (juror_id, nominee_id, campaign_id, score, updated_at) VALUES (?, ?, ?, 90, 0)",
  )
    .bind(jurorId, nominee?.id, c.id)
    .run();
  expect((await like(c.slug, 1, { ip: "203.0.113.7" })).status).toBe(201);
  await asCall("admin", `/api/admin/campaigns/${c.slug}`, {
    ...json({
      notice: {
        startsAt: null,
        endsAt: null,
        objectionUnit: "市联席办",
        objectionPhone: "0358-1234567",
        objectionEmail: "",
      },
    }),
    method: "PATCH",
  });
  return c;
}

interface CopyAnswer {
  campaign: Record<string, unknown> & { slug: string; status: string };
  invitations: { unit: string; url: string }[];
  jurors: { name: string; url: string }[];
}

describe("copying a campaign", () => {
  it("makes a draft with the settings, units and jurors (new links), without likes, scores or nominees", async () => {
    const c = await setUpSource();
    const slug = `${c.slug}-copy`;
    const res = await asCall("admin", `/api/admin/campaigns/${c.slug}/copy`, json({ slug }));
    expect(res.status).toBe(201);
    const body = await res.json<CopyAnswer>();
    expect(body.campaign).toMatchObject({
      slug,
      title: `测试评选 ${c.slug}（副本）`,
      status: "draft",
      draft: true,
      publishedAt: null,
      closedAt: null,
      rules: { likesPerCandidatePerDay: 1, likesPerVoterPerDay: 7 },
      protection: { challengeDifficulty: 80_000 },
      notice: { objectionUnit: "市联席办", objectionPhone: "0358-1234567" },
      candidateCount: 0,
      totalLikes: 0,
    });
    // Live units only, each with a new working link; the panel without its scores.
    expect(body.invitations.map((i) => i.unit)).toEqual(["临县"]);
    expect(body.jurors.map((j) => j.name)).toEqual(["张委员"]);
    const unitToken = body.invitations[0]?.url.split("/n/")[1] ?? "";
    const unit = await call(`/api/nominate/${unitToken}`);
    expect(unit.status).toBe(200);
    expect(await unit.json()).toMatchObject({ unit: "临县", group: "县市区", quota: 2, used: 0 });
    const jurorToken = body.jurors[0]?.url.split("/j/")[1] ?? "";
    expect((await call(`/api/jury/${jurorToken}`)).status).toBe(200);
    const copy = await env.DB.prepare("SELECT id FROM campaigns WHERE slug = ?")
      .bind(slug)
      .first<{ id: number }>();
    expect(
      await count("SELECT count(*) AS n FROM juror_scores WHERE campaign_id = ?", copy?.id),
    ).toBe(0);
    expect(await count("SELECT count(*) AS n FROM likes WHERE campaign_id = ?", copy?.id)).toBe(0);
    expect(
      await count("SELECT count(*) AS n FROM selection_settings WHERE campaign_id = ?", copy?.id),
    ).toBe(1);
    // Audit-logged on both campaigns.
    expect(
      await count(
        "SELECT count(*) AS n FROM audit_log WHERE action = 'campaign.copy' AND campaign_id IN (?, ?)",
        c.id,
        copy?.id,
      ),
    ).toBe(2);
    // The source is untouched.
    expect(await count("SELECT count(*) AS n FROM nominees WHERE campaign_id = ?", c.id)).toBe(3);
  });

  it("copies the nominees when asked, without likes or 当选", async () => {
    const c = await makeCampaign({ count: 2, closedAt: Date.now() - 1000 });
    await like(c.slug, 2, { ip: "203.0.113.9" }).catch(() => undefined);
    await asCall("admin", `/api/admin/campaigns/${c.slug}/publish`, json({ honorees: [2] }));
    const slug = `${c.slug}-2`;
    const res = await asCall(
      "admin",
      `/api/admin/campaigns/${c.slug}/copy`,
      json({ slug, title: "第二批", includeNominees: true }),
    );
    expect(res.status).toBe(201);
    const list = await (await asCall("admin", `/api/admin/campaigns/${slug}/nominees`)).json<{
      items: { number: number; name: string; likes: number; honoree: boolean; photos: unknown[] }[];
    }>();
    expect(list.items.map((n) => [n.number, n.name, n.likes, n.honoree])).toEqual([
      [1, "候选人1", 0, false],
      [2, "候选人2", 0, false],
    ]);
    expect(list.items[0]?.photos).toHaveLength(1);
  });

  it("refuses a taken slug, a bad body and an observer", async () => {
    const c = await makeCampaign({ count: 1 });
    const taken = await asCall(
      "admin",
      `/api/admin/campaigns/${c.slug}/copy`,
      json({ slug: c.slug }),
    );
    expect(taken.status).toBe(409);
    expect(await errorCode(taken)).toBe("slug_taken");
    const bad = await asCall("admin", `/api/admin/campaigns/${c.slug}/copy`, json({ slug: "A B" }));
    expect(bad.status).toBe(400);
    const observer = await asCall(
      "observer",
      `/api/admin/campaigns/${c.slug}/copy`,
      json({ slug: `${c.slug}-x` }),
    );
    expect(observer.status).toBe(403);
  });
});

describe("the console's copy form", () => {
  it("is on the settings page for admins only, with the draft's preview link", async () => {
    const c = await makeCampaign({ count: 1, draft: true });
    const admin = await (await asCall("admin", `/admin/c/${c.slug}/settings`)).text();
    expect(admin).toContain('data-form="copy"');
    expect(admin).toContain(`href="/c/${c.slug}"`);
    const observer = await (await asCall("observer", `/admin/c/${c.slug}/settings`)).text();
    expect(observer).not.toContain('data-form="copy"');
  });
});

describe("previewing a draft", () => {
  it("shows a signed-in organizer the draft with a 预览 banner, never cached; the public gets 404", async () => {
    const c = await makeCampaign({ count: 2, draft: true });
    const cookie = await sessionCookie("admin");
    for (const path of [`/c/${c.slug}`, `/c/${c.slug}/1`]) {
      const asPublic = await call(path);
      expect(asPublic.status).toBe(404);
      expect(await asPublic.text()).not.toContain("候选人1");
      const asOrganizer = await call(path, { headers: { Cookie: cookie } });
      expect(asOrganizer.status).toBe(200);
      expect(asOrganizer.headers.get("Cache-Control")).toBe("no-store");
      const html = await asOrganizer.text();
      expect(html).toContain("data-preview");
      expect(html).toContain("预览");
      expect(html).toContain("候选人1");
      // Nothing the organizer saw is served to the public afterwards.
      expect((await call(path)).status).toBe(404);
    }
    const en = await call(`/c/${c.slug}?lang=en`, { headers: { Cookie: cookie } });
    expect(await en.text()).toContain("Preview");
    // The API stays closed to everyone, and a forged session is the public.
    expect((await call(`/api/campaigns/${c.slug}`, { headers: { Cookie: cookie } })).status).toBe(
      404,
    );
    const forged = await call(`/c/${c.slug}`, {
      headers: { Cookie: "by_admin=admin.99999999999999.x.forged" },
    });
    expect(forged.status).toBe(404);
  });

  it("shows no banner on a public campaign, even to an organizer", async () => {
    const c = await makeCampaign({ count: 1 });
    const html = await (
      await call(`/c/${c.slug}`, { headers: { Cookie: await sessionCookie("admin") } })
    ).text();
    expect(html).not.toContain("data-preview");
  });
});

describe("accounts limited to some campaigns", () => {
  it("may not copy (a copy is a new campaign) and preview only their own drafts", async () => {
    const mine = await makeCampaign({ count: 1, draft: true });
    const other = await makeCampaign({ count: 1, draft: true });
    const created = await asCall(
      "token",
      "/api/admin/accounts",
      json({
        username: `limited${Date.now() % 100000}`,
        displayName: "县局李",
        role: "admin",
        password: "long-enough-password",
        campaigns: [mine.slug],
      }),
    );
    expect(created.status).toBe(201);
    const { account } = await created.json<{ account: { username: string } }>();
    const login = await call("/api/admin/session", {
      method: "POST",
      headers: { "Content-Type": "application/json", "CF-Connecting-IP": "10.77.0.1" },
      body: JSON.stringify({ username: account.username, password: "long-enough-password" }),
    });
    expect(login.status).toBe(201);
    const cookie = /by_admin=[^;]+/.exec(login.headers.get("Set-Cookie") ?? "")?.[0] ?? "";
    const copy = await call(`/api/admin/campaigns/${mine.slug}/copy`, {
      ...json({ slug: `${mine.slug}-x` }),
      headers: { "Content-Type": "application/json", Cookie: cookie },
    });
    expect(copy.status).toBe(403);
    expect((await call(`/c/${mine.slug}`, { headers: { Cookie: cookie } })).status).toBe(200);
    expect((await call(`/c/${other.slug}`, { headers: { Cookie: cookie } })).status).toBe(404);
  });
});
