import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { seedStatements } from "../../../src/db/queries/seed";
import { zuimeiXinfang } from "../../../src/db/seed/zuimei-xinfang";
import { call, like, reconcile } from "../../helpers";

async function loadSeed() {
  await env.DB.batch(seedStatements(zuimeiXinfang, Date.now()).map((s) => env.DB.prepare(s)));
}

describe("seed campaign zuimei-xinfang", () => {
  it("holds the article's 10 honorees as nominees 1–10, in the article's order", () => {
    expect(zuimeiXinfang.slug).toBe("zuimei-xinfang");
    expect(zuimeiXinfang.organizer).toBe("市信访工作联席会议办公室");
    expect(zuimeiXinfang.timeZone).toBe("Asia/Shanghai");
    expect(zuimeiXinfang.rules).toEqual({ likesPerCandidatePerDay: 1, likesPerVoterPerDay: 5 });
    expect(zuimeiXinfang.showCounts).toBe("always");
    expect(zuimeiXinfang.nominees.map((n) => [n.number, n.name])).toEqual(
      [
        "陈顺",
        "郭宣佑",
        "康峰",
        "李凯",
        "李亚利",
        "吕岗",
        "王瀚东",
        "薛晓云",
        "袁红利",
        "张瑞",
      ].map((name, i) => [i + 1, name]),
    );
    for (const n of zuimeiXinfang.nominees) {
      expect(["县市区", "市直单位"]).toContain(n.group);
      expect(n.story.length, n.name).toBeGreaterThanOrEqual(3);
      expect(n.headline.length).toBeGreaterThan(4);
      expect(n.position && n.unit).toBeTruthy();
      expect(n.photos[0]?.url).toBe(`/portraits/zuimei-xinfang/${n.number}.png`);
    }
  });

  it("names private persons by surname + 某 only", () => {
    const text = JSON.stringify(zuimeiXinfang);
    // Private persons named (in part or in full) in the source article.
    for (const name of ["高某秀", "陈某莲", "陈某军", "郑国建", "国建", "某秀", "某莲", "某军"]) {
      expect(text).not.toContain(name);
    }
  });

  it("loads idempotently: a second run keeps likes and changes nothing", async () => {
    await loadSeed();
    const res = await like("zuimei-xinfang", 1, { ip: "203.0.113.50" });
    expect(res.status).toBe(201);
    await loadSeed();
    const body = await (await call("/api/campaigns/zuimei-xinfang")).json<
      Record<string, unknown>
    >();
    expect(body).toMatchObject({
      slug: "zuimei-xinfang",
      status: "open",
      candidateCount: 10,
      totalLikes: 1,
      opensAt: "2026-01-01T00:00:00+08:00",
    });
    const { results } = await env.DB.prepare("SELECT COUNT(*) AS n FROM campaigns WHERE slug = ?")
      .bind("zuimei-xinfang")
      .all<{ n: number }>();
    expect(results[0]?.n).toBe(1);
    const campaign = await env.DB.prepare(
      "SELECT id FROM campaigns WHERE slug = 'zuimei-xinfang'",
    ).first<{
      id: number;
    }>();
    const rows = await reconcile(campaign?.id ?? -1);
    expect(rows).toHaveLength(10);
    expect(rows[0]).toMatchObject({ number: 1, counter: 1, counted: 1 });
  });

  it("survives quotes in the data", () => {
    const tricky = {
      ...zuimeiXinfang,
      slug: "o'brien",
      title: 'It\'s "quoted"; DROP TABLE likes; --',
      nominees: [],
    };
    const [sql] = seedStatements(tricky, 0);
    expect(sql).toContain("'o''brien'");
    expect(sql).toContain("'It''s \"quoted\"; DROP TABLE likes; --'");
  });
});
