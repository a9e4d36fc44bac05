import { describe, expect, it } from "vitest";
import { call, makeCampaign } from "../helpers";
import { asCall } from "./admin/admin-helpers";

interface Envelope {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}

/** A JSON request as the console sends it (Chinese) or an API client (no language). */
function send(method: string, body: unknown, zh = false): RequestInit {
  return {
    method,
    headers: { "Content-Type": "application/json", ...(zh && { "Accept-Language": "zh-CN" }) },
    body: JSON.stringify(body),
  };
}

async function failure(res: Response, status = 400) {
  expect(res.status).toBe(status);
  const { error } = await res.json<Envelope>();
  return { ...error, paths: (error.issues ?? []).map((i) => i.path) };
}

describe("one validation path: error.issues on representative routes", () => {
  it("a new campaign lists every bad field, nested ones with dotted paths", async () => {
    const res = await asCall(
      "token",
      "/api/admin/campaigns",
      send("POST", {
        slug: "Bad Slug!",
        title: "",
        organizer: "吕梁市信访局",
        opensAt: "2026-12-01T08:00:00+08:00",
        closesAt: "yesterday",
        rules: { likesPerCandidatePerDay: 0, likesPerVoterPerDay: 5 },
        notice: { startsAt: "2026-12-10T00:00:00+08:00", endsAt: null },
      }),
    );
    const error = await failure(res);
    expect(error.code).toBe("invalid_body");
    expect(error.paths).toEqual(
      expect.arrayContaining([
        "slug",
        "title",
        "closesAt",
        "rules.likesPerCandidatePerDay",
        "notice.endsAt",
      ]),
    );
    // An API caller (no Accept-Language) reads the schemas' English.
    for (const issue of error.issues ?? []) expect(issue.message).toMatch(/[A-Za-z]{3}/);
  });

  it("answers the console in Chinese, field by field", async () => {
    const c = await makeCampaign({ count: 2 });
    const res = await asCall(
      "token",
      `/api/admin/campaigns/${c.slug}/nominees/1`,
      send(
        "PATCH",
        { name: "", photos: [{ url: "/ok.jpg" }, { url: "javascript:alert(1)" }] },
        true,
      ),
    );
    const error = await failure(res);
    expect(error.code).toBe("invalid_body");
    expect(error.issues).toEqual([
      { path: "name", message: "请填写姓名。" },
      { path: "photos.1.url", message: expect.stringMatching(/^照片第 2 项的地址格式不正确/) },
    ]);
    expect(error.message).toMatch(/^请填写姓名。/);
  });

  it("checks a query string and keeps its code", async () => {
    const c = await makeCampaign();
    const list = await failure(await call(`/api/campaigns/${c.slug}/candidates?sort=name`));
    expect(list.code).toBe("invalid_query");
    expect(list.paths).toEqual(["sort"]);
    const audit = await failure(await asCall("token", "/api/admin/audit?limit=x"));
    expect(audit.code).toBe("invalid_query");
    expect(audit.paths).toEqual(["limit"]);
  });

  it("refuses malformed JSON as invalid_body, and an unknown campaign before its body", async () => {
    const c = await makeCampaign();
    const malformed = await asCall("token", `/api/admin/campaigns/${c.slug}/nominees`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{oops",
    });
    expect((await failure(malformed)).code).toBe("invalid_body");
    const unknown = await asCall(
      "token",
      "/api/admin/campaigns/no-such-campaign/nominees",
      send("POST", { name: "" }),
    );
    expect((await failure(unknown, 404)).code).toBe("campaign_not_found");
  });

  it("treats a path parameter that is no number as not found", async () => {
    const c = await makeCampaign();
    const res = await call(`/api/campaigns/${c.slug}/candidates/abc`);
    const error = await failure(res, 404);
    expect(error).toMatchObject({ code: "candidate_not_found", paths: [] });
    const flag = await asCall(
      "token",
      `/api/admin/campaigns/${c.slug}/flags/x/void`,
      send("POST", { reason: "r" }),
    );
    expect((await failure(flag, 404)).code).toBe("flag_not_found");
  });
});
