import { describe, expect, it } from "vitest";
import { makeCampaign } from "../../helpers";
import { invite, json, openNominations, unitCall } from "../admin/admin-helpers";

// The unit's page names missing fields in its own language and highlights them: it needs the
// fields as data, not inside an English sentence.
describe("submitting an incomplete nomination", () => {
  it("answers 400 incomplete with the missing fields as a list", async () => {
    const c = await makeCampaign({ count: 0 });
    await openNominations(c.slug);
    const { token } = await invite(c.slug, { unit: "临县" });
    const created = await unitCall(token, "/nominations", json({ name: "陈某" }));
    const draft = await created.json<{ id: number }>();
    const res = await unitCall(token, `/nominations/${draft.id}/submit`, { method: "POST" });
    expect(res.status).toBe(400);
    const body = await res.json<{ error: { code: string; message: string; fields: string[] } }>();
    expect(body.error.code).toBe("incomplete");
    expect(body.error.fields).toEqual(["position", "headline", "story"]);
    expect(body.error.message).toContain("position");
  });
});
