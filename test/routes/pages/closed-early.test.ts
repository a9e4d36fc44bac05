import { beforeAll, describe, expect, it } from "vitest";
import { formatLocal } from "../../../src/views/components/campaign-header";
import { call, makeCampaign, type TestCampaign } from "../../helpers";
import { asCall } from "../admin/admin-helpers";

// Closed by hand on 2026-11-20 12:00 Beijing time, ten days before the planned end.
const CLOSED = Date.UTC(2026, 10, 20, 4, 0);
const PLANNED = Date.UTC(2026, 10, 30, 10, 0);
const OPENED = Date.UTC(2026, 10, 1, 0, 0);

let c: TestCampaign;
beforeAll(async () => {
  c = await makeCampaign({ count: 2, opensAt: OPENED, closesAt: PLANNED, closedAt: CLOSED });
});

const text = async (res: Response) => {
  expect(res.status).toBe(200);
  return res.text();
};

describe("a campaign closed before its planned end", () => {
  it("the public campaign page gives the real end, and says it ended early", async () => {
    const html = await text(await call(`/c/${c.slug}`));
    const window = /<p class="window">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? "";
    const real = formatLocal(CLOSED, "Asia/Shanghai", "zh-CN");
    const planned = formatLocal(PLANNED, "Asia/Shanghai", "zh-CN");
    expect(window).toContain(`至 ${real}`);
    expect(window).toContain(`提前结束，原定 ${planned}`);
  });

  it("the English page does too", async () => {
    const html = await text(await call(`/c/${c.slug}?lang=en`));
    const window = /<p class="window">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? "";
    expect(window).toContain(`to ${formatLocal(CLOSED, "Asia/Shanghai", "en")}`);
    expect(window).toContain("closed early");
  });

  it("the console's campaign list and dashboard header give the real end", async () => {
    for (const path of ["/admin", `/admin/c/${c.slug}`]) {
      const html = await text(await asCall("observer", path));
      expect(html, path).toContain("至 2026-11-20 12:00（提前结束，原定 2026-11-30 18:00）");
    }
  });

  it("an on-time campaign shows its planned end with no note", async () => {
    const t = await makeCampaign({ count: 1, opensAt: OPENED, closesAt: PLANNED });
    const html = await text(await call(`/c/${t.slug}`));
    expect(html).not.toContain("提前结束");
    expect(html).toContain(formatLocal(PLANNED, "Asia/Shanghai", "zh-CN"));
  });
});
