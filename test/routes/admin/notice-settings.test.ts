import { describe, expect, it } from "vitest";
import { call, makeCampaign } from "../../helpers";
import { asCall, errorCode, json } from "./admin-helpers";

/** Issue 14 item 3: the 公示期 and the objection contact on the campaign. */

const NOTICE = {
  startsAt: "2026-12-10T09:00:00+08:00",
  endsAt: "2026-12-16T17:00:00+08:00",
  objectionUnit: "市信访工作联席会议办公室",
  objectionPhone: "0358-8223456",
  objectionEmail: "xinfang@lvliang.example.cn",
};

const patch = (slug: string, body: unknown) =>
  asCall("admin", `/api/admin/campaigns/${slug}`, { ...json(body), method: "PATCH" });

describe("公示期 and objection contact", () => {
  it("saves with the settings and answers them in the organizer API", async () => {
    const c = await makeCampaign({ count: 1 });
    const res = await patch(c.slug, { notice: NOTICE });
    expect(res.status).toBe(200);
    expect((await res.json<{ notice: unknown }>()).notice).toEqual(NOTICE);
    // Clearing is allowed: every field may be empty until it is known.
    const cleared = await patch(c.slug, {
      notice: {
        startsAt: null,
        endsAt: null,
        objectionUnit: "",
        objectionPhone: "",
        objectionEmail: "",
      },
    });
    expect((await cleared.json<{ notice: { startsAt: null } }>()).notice.startsAt).toBeNull();
  });

  it.each([
    [{ ...NOTICE, endsAt: "2026-12-01T00:00:00+08:00" }, "notice.endsAt must be after"],
    [{ ...NOTICE, endsAt: null }, "both the start and the end"],
    [{ ...NOTICE, objectionPhone: "call me" }, "notice.objectionPhone"],
    [{ ...NOTICE, objectionEmail: "not-an-address" }, "notice.objectionEmail"],
    [{ ...NOTICE, objectionUnit: "" }, "notice.objectionUnit"],
    [{ ...NOTICE, objectionPhone: "", objectionEmail: "" }, "phone number or an e-mail"],
    [{ ...NOTICE, startsAt: "2026-12-10 09:00" }, "ISO 8601"],
  ])("refuses %o with a 400 naming the field", async (notice, words) => {
    const c = await makeCampaign({ count: 1 });
    const res = await patch(c.slug, { notice });
    expect(res.status).toBe(400);
    const body = await res.json<{ error: { code: string; message: string } }>();
    expect(body.error.code).toBe("invalid_body");
    expect(body.error.message).toContain(words);
  });

  it("is public only after publication, on the campaign page (both languages), its JSON and the 公示", async () => {
    const c = await makeCampaign({ count: 2, closedAt: Date.now() - 1000 });
    expect((await patch(c.slug, { notice: NOTICE })).status).toBe(200);
    const before = await (await call(`/c/${c.slug}`)).text();
    expect(before).not.toContain("data-notice");
    expect(await (await call(`/api/campaigns/${c.slug}`)).json()).not.toHaveProperty("notice");

    const published = await asCall(
      "admin",
      `/api/admin/campaigns/${c.slug}/publish`,
      json({ honorees: [1] }),
    );
    expect(published.status).toBe(200);
    const zh = await (await call(`/c/${c.slug}`)).text();
    expect(zh).toContain("公示期");
    expect(zh).toContain("2026年12月10日 09:00 至 2026年12月16日 17:00");
    expect(zh).toContain("市信访工作联席会议办公室");
    expect(zh).toContain('href="tel:03588223456"');
    expect(zh).toContain('href="mailto:xinfang@lvliang.example.cn"');
    const en = await (await call(`/c/${c.slug}?lang=en`)).text();
    expect(en).toContain("Notice period");
    expect(en).toContain("Receiving office");
    expect(await (await call(`/api/campaigns/${c.slug}`)).json()).toMatchObject({ notice: NOTICE });

    const printed = await (await asCall("observer", `/admin/c/${c.slug}/notice`)).text();
    expect(printed).toContain("公示期");
    expect(printed).toContain("如有异议，请在公示期内以真实姓名向市信访工作联席会议办公室反映");
    expect(printed).toContain("电话 0358-8223456");
  });

  it("shows the 公示 block in the settings form", async () => {
    const c = await makeCampaign({ count: 1 });
    await patch(c.slug, { notice: NOTICE });
    const page = await (await asCall("admin", `/admin/c/${c.slug}/settings`)).text();
    expect(page).toContain('name="noticeStartsAt"');
    expect(page).toContain('value="2026-12-10T09:00"');
    expect(page).toContain('value="0358-8223456"');
    const created = await asCall("admin", "/admin");
    expect(await created.text()).toContain('name="objectionUnit"');
    expect(await errorCode(await patch(c.slug, { notice: "x" }))).toBe("invalid_body");
  });
});
