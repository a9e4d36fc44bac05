import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { call, like, makeCampaign, type TestCampaign } from "../../helpers";
import { asCall, json } from "./admin-helpers";

/** A like count no page shows by accident: if it appears, it came from the campaign's data. */
const LIKES = 98765;
const XSS = "<img src=x onerror=alert(1)>";
const XSS_TITLE = '"><script>alert(1)</script>';

const pages = (slug: string) => [
  "/admin",
  `/admin/c/${slug}`,
  `/admin/c/${slug}/settings`,
  `/admin/c/${slug}/nominees`,
  `/admin/c/${slug}/review`,
  `/admin/c/${slug}/audit`,
  `/admin/c/${slug}/notice`,
];

async function page(as: "none" | "admin" | "observer", path: string) {
  const res = await asCall(as, path);
  return { res, text: await res.text() };
}

async function sha256(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

let c: TestCampaign;

beforeAll(async () => {
  c = await makeCampaign({ count: 4, title: "页面测试评选" });
  await env.DB.prepare("UPDATE nominees SET likes = ? WHERE campaign_id = ? AND number = 2")
    .bind(LIKES, c.id)
    .run();
});

describe("organizer console pages", () => {
  it("answers the sign-in form to anonymous visitors, with nothing from the campaign", async () => {
    for (const path of [...pages(c.slug), `/admin/c/${c.slug}/live`, "/admin/c/nope"]) {
      const { res, text } = await page("none", path);
      if (path.endsWith("/live")) {
        expect(res.status).toBe(401);
      } else {
        expect(res.status, path).toBe(200);
        expect(res.headers.get("Content-Type")).toContain("text/html");
        expect(res.headers.get("Cache-Control")).toBe("no-store");
        expect(text).toContain('data-form="login"');
        expect(text).toContain('type="password"');
      }
      expect(text).not.toContain(String(LIKES));
      expect(text).not.toContain("98,765");
      expect(text).not.toContain("页面测试评选");
      expect(text).not.toContain("候选人1");
    }
  });

  it("shows every page to admins and observers", async () => {
    for (const as of ["admin", "observer"] as const) {
      for (const path of pages(c.slug)) {
        const { res, text } = await page(as, path);
        expect(res.status, `${as} ${path}`).toBe(200);
        expect(text.startsWith("<!doctype html>")).toBe(true);
        expect(text).toContain("页面测试评选");
        expect(text).toContain('src="/admin.js"');
        expect(text).not.toContain('data-form="login"');
        // No inline script code: only the JSON data block.
        expect(text.match(/<script(?![^>]*(src=|type="application\/json"))/g)).toBeNull();
      }
      const dashboard = await page(as, `/admin/c/${c.slug}`);
      expect(dashboard.text).toContain("98,765");
      expect(dashboard.text).toContain('role="img"');
      expect(dashboard.text).toContain("<svg");
      const live = await page(as, `/admin/c/${c.slug}/live`);
      expect(live.res.status).toBe(200);
      expect(live.text).toContain("98,765");
      expect(live.text).toContain('data-part="ranking"');
    }
    const list = await page("observer", "/admin");
    expect(list.text).toContain(`href="/admin/c/${c.slug}"`);
    expect(list.text).toContain("纪检李");
  });

  it("shows on the dashboard how likes reach the database, from the shards", async () => {
    const s = await makeCampaign({ count: 2, title: "写入测试" });
    for (const ip of ["198.51.100.1", "198.51.100.2", "198.51.100.3"]) {
      expect((await like(s.slug, 1, { ip })).status).toBe(201);
    }
    const { text } = await page("observer", `/admin/c/${s.slug}`);
    expect(text).toContain("点赞写入");
    expect(text).toContain("16 个分片");
    // The tests' shards flush before they answer: nothing waits, three likes went in.
    expect(text).toMatch(/尚未写入数据库的点赞<\/dt><dd>0</);
    expect(text).toMatch(/共 3 票/);
    // The shards are chosen in the new campaign's form only; the settings page shows them fixed.
    expect((await page("admin", "/admin")).text).toMatch(
      /name="shards"[^>]*value="16"|value="16"[^>]*name="shards"/,
    );
    const settings = (await page("admin", `/admin/c/${s.slug}/settings`)).text;
    expect(settings).toContain("分片数：16（创建活动时设定，不能修改）");
    expect(settings).not.toContain('name="shards"');
    const d = await makeCampaign({ count: 2, ingest: "direct" });
    const direct = (await page("observer", `/admin/c/${d.slug}`)).text;
    expect(direct).toContain("直接写入数据库（小型活动）");
    expect(direct).not.toContain("尚未写入数据库的点赞");
  });

  it("answers a console 404 for an unknown campaign", async () => {
    const { res, text } = await page("admin", "/admin/c/no-such-campaign/nominees");
    expect(res.status).toBe(404);
    expect(text).toContain("找不到该评选活动");
  });

  it("gives observers no write controls", async () => {
    const writeMarks = [
      "data-lifecycle=",
      'data-form="campaign"',
      'data-form="nominee"',
      'data-form="import"',
      'data-form="photo"',
      'data-form="void"',
      'data-form="publish"',
      "data-delete-nominee",
      "data-delete-campaign",
      "data-remove-photo",
      "data-move=",
      'type="submit"',
    ];
    const seenByAdmin = new Set<string>();
    for (const path of pages(c.slug)) {
      const observer = (await page("observer", path)).text;
      for (const mark of writeMarks) {
        // The settings form is shown to observers, but disabled and without a submit button.
        if (mark === 'data-form="campaign"') continue;
        expect(observer, `${path} ${mark}`).not.toContain(mark);
      }
      const admin = (await page("admin", path)).text;
      for (const mark of writeMarks) if (admin.includes(mark)) seenByAdmin.add(mark);
    }
    const settings = (await page("observer", `/admin/c/${c.slug}/settings`)).text;
    expect(settings).toMatch(/<fieldset disabled/);
    // The admin does get them (so the check above is meaningful).
    for (const mark of writeMarks) expect(seenByAdmin.has(mark), mark).toBe(true);
  });

  it("prints the notice with the ranking and the digest of export.csv", async () => {
    const { text } = await page("observer", `/admin/c/${c.slug}/notice`);
    const digest = /data-sha256[^>]*>([0-9a-f]{64})</.exec(text)?.[1];
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    const csv = await asCall("observer", `/api/admin/campaigns/${c.slug}/export.csv`);
    expect(digest).toBe(await sha256(await csv.arrayBuffer()));
    // Ranked: nominee 2 (98,765 likes) first, then 1, 3, 4 sharing rank 2.
    const names = [...text.matchAll(/<th scope="row">(候选人\d)<\/th>/g)].map((m) => m[1]);
    expect(names).toEqual(["候选人2", "候选人1", "候选人3", "候选人4"]);
    expect(text).toContain("导出时间");
  });

  it("marks honorees 当选 on the notice once published", async () => {
    const p = await makeCampaign({ count: 3, title: "公示当选测试" });
    for (const action of ["close", "publish"]) {
      const res = await asCall(
        "admin",
        `/api/admin/campaigns/${p.slug}/${action}`,
        action === "publish" ? json({ honorees: [3] }) : { method: "POST" },
      );
      expect(res.status, action).toBe(200);
    }
    const { text } = await page("admin", `/admin/c/${p.slug}/notice`);
    expect(text).not.toContain("preview-banner");
    const row = /<tr class="honoree">[\s\S]*?<\/tr>/.exec(text)?.[0] ?? "";
    expect(row).toContain("候选人3");
    expect(row).toContain("当选");
    expect(text.match(/class="elected"/g)).toHaveLength(1);
  });

  it("lists an action on the audit page after it happened", async () => {
    const a = await makeCampaign({ count: 1, title: "日志测试" });
    const before = (await page("observer", `/admin/c/${a.slug}/audit`)).text;
    expect(before).not.toContain("修改活动设置");
    const res = await asCall("admin", `/api/admin/campaigns/${a.slug}`, {
      ...json({ title: "日志测试（已改名）" }),
      method: "PATCH",
    });
    expect(res.status).toBe(200);
    const after = (await page("observer", `/admin/c/${a.slug}/audit`)).text;
    expect(after).toContain("修改活动设置");
    expect(after).toContain("王主任");
    // A readable diff: the old and the new title, and nothing unchanged.
    expect(after).toMatch(/<del>日志测试<\/del>[\s\S]*<ins>日志测试（已改名）<\/ins>/);
    expect(after).not.toContain("<del>测试联席办</del>");
  });

  it("pages older audit entries with before=<id>", async () => {
    const a = await makeCampaign({ count: 1, title: "翻页测试" });
    for (let i = 0; i < 52; i++) {
      await asCall("token", `/api/admin/campaigns/${a.slug}/${i % 2 ? "resume" : "pause"}`, {
        method: "POST",
      });
    }
    const first = (await page("admin", `/admin/c/${a.slug}/audit`)).text;
    const next = /audit\?before=(\d+)/.exec(first)?.[1];
    expect(next).toBeDefined();
    const older = (await page("admin", `/admin/c/${a.slug}/audit?before=${next}`)).text;
    expect(older.match(/<tr id="audit-/g)).toHaveLength(2);
    expect(older).toContain("最新记录");
  });

  it("escapes a nominee's and a campaign's text on every console page", async () => {
    const x = await makeCampaign({ count: 1, title: XSS_TITLE, organizer: XSS });
    const created = await asCall(
      "admin",
      `/api/admin/campaigns/${x.slug}/nominees`,
      json({ name: XSS, unit: XSS, group: XSS, headline: XSS, story: [XSS] }),
    );
    expect(created.status).toBe(201);
    for (const path of [...pages(x.slug), `/admin/c/${x.slug}/live`]) {
      for (const as of ["admin", "observer"] as const) {
        const { res, text } = await page(as, path);
        expect(res.status, path).toBe(200);
        expect(text, path).not.toContain(XSS);
        expect(text, path).not.toContain("<script>alert(1)");
        if (!path.endsWith("/settings") && !path.endsWith("/review") && path !== "/admin")
          expect(text, path).toContain("&lt;img src=x onerror=alert(1)&gt;");
      }
    }
  });

  it("signs in without JavaScript and refuses a wrong password", async () => {
    const form = (password: string) =>
      call(`/admin/c/${c.slug}`, {
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          "CF-Connecting-IP": "10.77.0.1",
        },
        body: new URLSearchParams({ password, name: "张科长" }).toString(),
        redirect: "manual",
      });
    const wrong = await form("nope");
    expect(wrong.status).toBe(401);
    const wrongText = await wrong.text();
    expect(wrongText).toContain("密码错误");
    expect(wrongText).not.toContain("98,765");
    const right = await form("test-observer-password");
    expect(right.status).toBe(303);
    expect(right.headers.get("Location")).toBe(`/admin/c/${c.slug}`);
    const cookie = /by_admin=[^;]+/.exec(right.headers.get("Set-Cookie") ?? "")?.[0] ?? "";
    const dashboard = await call(`/admin/c/${c.slug}`, { headers: { Cookie: cookie } });
    const text = await dashboard.text();
    expect(text).toContain("98,765");
    expect(text).toContain("张科长");
    expect(text).toContain("观察员");
  });

  it("serves an import template with the Chinese headers", async () => {
    const res = await asCall("admin", "/admin/import-template.csv");
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain("编号,姓名,职务,单位,分组");
  });
});
