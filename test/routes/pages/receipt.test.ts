import { describe, expect, it } from "vitest";
import { receiptCode } from "../../../src/domain/identity";
import {
  call,
  holdFlushes,
  insertLikes,
  like,
  lookUpUntilLimited,
  makeCampaign,
  voterCookie,
} from "../../helpers";
import { asCall, json } from "../admin/admin-helpers";

async function html(path: string, init?: RequestInit) {
  const res = await call(path, init);
  return { res, text: await res.text() };
}

/** The page's visible words, roughly: tags and attributes out. */
const words = (page: string) =>
  page
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<style[\s\S]*?<\/style>/g, "")
    .replace(/<[^>]+>/g, " ");

describe("GET /c/:slug/receipt (查询点赞凭证)", () => {
  it("shows the form, in Chinese, with nothing looked up", async () => {
    const c = await makeCampaign();
    const { res, text } = await html(`/c/${c.slug}/receipt`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("private, no-cache");
    expect(text).toContain("<h1>查询点赞凭证</h1>");
    expect(text).toContain('<label for="code">点赞凭证号</label>');
    expect(text).toContain(`action="/c/${c.slug}/receipt"`);
    expect(text).not.toContain("查询结果");
    expect(words(text)).not.toMatch(/\b(Receipt|Check|Counted|Voided)\b/);
  });

  it("finds a like however its code is typed, and says it is counted, for whom and when", async () => {
    const c = await makeCampaign({ count: 3 });
    const { receipt } = await (await like(c.slug, 2)).json<{ receipt: string }>();
    const typed = ` ${receipt.toLowerCase().replaceAll("-", "")} `;
    const { res, text } = await html(`/c/${c.slug}/receipt?code=${encodeURIComponent(typed)}`);
    expect(res.status).toBe(200);
    expect(text).toContain('<h2 id="receipt-result">查询结果</h2>');
    expect(text).toContain("<b>已计入</b>");
    expect(text).toContain(`<span class="receipt-code">${receipt}</span>`);
    expect(text).toContain(`<a href="/c/${c.slug}/2">2号 候选人2</a>`);
    expect(text).toMatch(/<dt>点赞时间<\/dt><dd>\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}<\/dd>/);
    // What the voter typed stays in the field.
    expect(text).toContain(`value="${typed}"`);
  });

  it("reads O, I and L typed for the digits 0 and 1", async () => {
    const c = await makeCampaign();
    // A code with a 1 and a 0 (the app's own), typed with an l and an O.
    const code = `1B0C-${receiptCode().slice(5)}`;
    await insertLikes(c.id, [{ number: 1, receipt: code }]);
    const typed = `lBOC${code.slice(4)}`;
    const { res, text } = await html(`/c/${c.slug}/receipt?code=${typed}`);
    expect(res.status).toBe(200);
    expect(text).toContain("<b>已计入</b>");
    expect(text).toContain(`<span class="receipt-code">${code}</span>`);
  });

  it("says a held like is recorded and waits for the organizer's check, and a voided one why", async () => {
    const c = await makeCampaign({ count: 2 });
    const [held] = await insertLikes(c.id, [{ number: 2, status: "held" }]);
    const heldPage = await html(`/c/${c.slug}/receipt?code=${held?.receipt}`);
    expect(heldPage.text).toContain("<b>已记录，待核验</b>");
    expect(heldPage.text).toContain("经主办方核验后计入");

    const liked = await like(c.slug, 1, { ip: "203.0.113.77" });
    const { receipt } = await liked.json<{ receipt: string }>();
    const ledger = await (await asCall("token", `/api/admin/campaigns/${c.slug}/votes.csv`)).text();
    const line = ledger.split("\r\n").find((l) => l.includes(receipt)) ?? "";
    await asCall(
      "token",
      `/api/admin/campaigns/${c.slug}/votes/void`,
      json({ voterHash: line.split(",")[3], reason: "核查为脚本刷票" }),
    );
    const { text } = await html(`/c/${c.slug}/receipt?code=${receipt}`);
    expect(text).toContain("<b>已核减</b>");
    expect(text).toContain("<dt>核减原因</dt><dd>核查为脚本刷票</dd>");
    expect(text).toContain("<dt>核减时间</dt>");
    // Nothing about who cast it.
    expect(text).not.toContain(line.split(",")[3] ?? "no voter hash");
  });

  it("answers an unknown code 404 and a malformed one with what a code looks like", async () => {
    const a = await makeCampaign();
    const b = await makeCampaign();
    const { receipt } = await (await like(a.slug, 1)).json<{ receipt: string }>();
    const unknown = await html(`/c/${a.slug}/receipt?code=0000-0000-0000`);
    expect(unknown.res.status).toBe(404);
    expect(unknown.text).toContain("没有找到凭证号 0000-0000-0000");
    expect(unknown.text).toContain('role="alert"');
    // A receipt of another campaign is not found here.
    expect((await call(`/c/${b.slug}/receipt?code=${receipt}`)).status).toBe(404);
    const malformed = await html(`/c/${a.slug}/receipt?code=${encodeURIComponent("点赞凭证")}`);
    expect(malformed.res.status).toBe(200);
    expect(malformed.text).toContain("凭证号的格式不对");
    expect(malformed.text).toContain('aria-invalid="true"');
    expect((await call("/c/no-such-campaign/receipt")).status).toBe(404);
  });

  it("finds a like still in its shard for its voter, and tells a flooding network to wait", async () => {
    const c = await makeCampaign({ shards: 4 });
    await holdFlushes(c, 4);
    const liked = await like(c.slug, 1, { ip: "192.0.2.160" });
    const { receipt } = await liked.json<{ receipt: string }>();
    const cookie = voterCookie(liked);
    const from = (ip: string, extra: Record<string, string> = {}) => ({
      headers: { "CF-Connecting-IP": ip, ...extra },
    });
    const { limited, before } = await lookUpUntilLimited(
      (code) => `/c/${c.slug}/receipt?code=${code}`,
      "192.0.2.161",
    );
    for (const status of before) expect(status).toBe(404);
    expect(limited?.headers.get("Retry-After")).toBe("60");
    expect(await limited?.text()).toContain("这个网络查询得太频繁了，请一分钟后再试。");
    const own = await html(`/c/${c.slug}/receipt?code=${receipt}`, from("192.0.2.162", { cookie }));
    expect(own.res.status).toBe(200);
    expect(own.text).toContain("<b>已计入</b>");
  }, 60_000);

  it("speaks English when asked", async () => {
    const c = await makeCampaign();
    const { receipt } = await (await like(c.slug, 1)).json<{ receipt: string }>();
    const { text } = await html(`/c/${c.slug}/receipt?code=${receipt}&lang=en`);
    expect(text).toContain("<h1>Check a like receipt</h1>");
    expect(text).toContain("<b>Counted</b>");
  });

  it("is linked from the like's receipt, with or without JavaScript", async () => {
    const c = await makeCampaign();
    const post = await call(`/c/${c.slug}/1`, {
      method: "POST",
      redirect: "manual",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: "http://localhost",
        "CF-Connecting-IP": "203.0.113.21",
      },
    });
    const location = post.headers.get("Location") ?? "";
    const rc = /rc=([^#]+)/.exec(location)?.[1] ?? "";
    const { text } = await html(location.replace(/#.*$/, ""), {
      headers: { Cookie: voterCookie(post) },
    });
    expect(text).toContain(`点赞凭证：${rc}`);
    expect(text).toContain(`<a href="/c/${c.slug}/receipt?code=${rc}">查询是否计入</a>`);
    // And from the campaign's page, for a code kept from another day.
    const home = await html(`/c/${c.slug}`);
    expect(home.text).toContain(
      `<a class="button secondary" href="/c/${c.slug}/receipt">查询点赞凭证</a>`,
    );
  });
});
