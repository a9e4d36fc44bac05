import { describe, expect, it } from "vitest";
import { call, makeCampaign } from "../helpers";
import {
  asCall,
  COMPLETE_NOMINATION,
  invite,
  json,
  openNominations,
  unitCall,
} from "../routes/admin/admin-helpers";
import { expectDocumented } from "./documented";

/** The selection's answers (units, review, jury), checked against the document like the others. */

const A = "/api/admin/campaigns/:slug";
const U = "/api/nominate/:token";

describe("the selection API answers as documented", () => {
  it("settings, invitations, a unit's nomination from draft to accepted", async () => {
    const c = await makeCampaign({ count: 2 });
    const base = `/api/admin/campaigns/${c.slug}`;
    await expectDocumented(await asCall("token", `${base}/selection`), `GET ${A}/selection`);
    await openNominations(c.slug);
    const patch = { ...json({ defaultQuota: 3 }), method: "PATCH" };
    await expectDocumented(
      await asCall("token", `${base}/selection`, patch),
      `PATCH ${A}/selection`,
    );

    const created = await asCall("token", `${base}/invitations`, json({ unit: "临县" }));
    expect(created.status).toBe(201);
    const { token } = (await expectDocumented(created, `POST ${A}/invitations`)) as {
      token: string;
    };
    await expectDocumented(await asCall("token", `${base}/invitations`), `GET ${A}/invitations`);

    await expectDocumented(await unitCall(token), `GET ${U}`);
    const draft = await unitCall(token, "/nominations", json({ name: "王某" }));
    expect(draft.status).toBe(201);
    const { id } = (await expectDocumented(draft, `POST ${U}/nominations`)) as { id: number };
    const incomplete = await unitCall(token, `/nominations/${id}/submit`, { method: "POST" });
    expect(incomplete.status).toBe(400);
    await expectDocumented(incomplete, `POST ${U}/nominations/:id/submit`);
    const edited = await unitCall(token, `/nominations/${id}`, {
      ...json(COMPLETE_NOMINATION),
      method: "PATCH",
    });
    await expectDocumented(edited, `PATCH ${U}/nominations/:id`);
    await expectDocumented(await unitCall(token, `/nominations/${id}`), `GET ${U}/nominations/:id`);
    const submitted = await unitCall(token, `/nominations/${id}/submit`, { method: "POST" });
    expect(submitted.status).toBe(200);
    await expectDocumented(submitted, `POST ${U}/nominations/:id/submit`);
    await expectDocumented(await unitCall("nope"), `GET ${U}`);

    await expectDocumented(await asCall("token", `${base}/nominations`), `GET ${A}/nominations`);
    const accepted = await asCall("token", `${base}/nominations/${id}/accept`, json({}));
    expect(accepted.status).toBe(200);
    await expectDocumented(accepted, `POST ${A}/nominations/:id/:decision{accept|return|decline}`);

    const second = await invite(c.slug, { unit: "兴县" });
    const revoked = await asCall("token", `${base}/invitations/${second.id}/revoke`, {
      method: "POST",
    });
    await expectDocumented(revoked, `POST ${A}/invitations/:id/revoke`);
    const gone = await unitCall(second.token);
    expect(gone.status).toBe(410);
    await expectDocumented(gone, `GET ${U}`);
  });

  it("the jury: jurors, a score, closing scoring, the combined result", async () => {
    const c = await makeCampaign({ count: 2 });
    const base = `/api/admin/campaigns/${c.slug}`;
    const made = await asCall("token", `${base}/jurors`, json({ name: "评委甲" }));
    expect(made.status).toBe(201);
    const juror = (await expectDocumented(made, `POST ${A}/jurors`)) as {
      id: number;
      token: string;
    };
    await expectDocumented(await asCall("token", `${base}/jurors`), `GET ${A}/jurors`);
    const early = await asCall("token", `${base}/combined`);
    expect(early.status).toBe(409);
    await expectDocumented(early, `GET ${A}/combined`);

    await expectDocumented(await call(`/api/jury/${juror.token}`), "GET /api/jury/:token");
    const scored = await call(`/api/jury/${juror.token}/scores/1`, {
      ...json({ score: 90, note: "事迹突出" }),
      method: "PUT",
    });
    expect(scored.status).toBe(200);
    await expectDocumented(scored, "PUT /api/jury/:token/scores/:number");

    const relinked = await asCall("token", `${base}/jurors/${juror.id}/link`, { method: "POST" });
    await expectDocumented(relinked, `POST ${A}/jurors/:id/link`);
    const closed = await asCall("token", `${base}/scoring/close`, { method: "POST" });
    expect(closed.status).toBe(200);
    await expectDocumented(closed, `POST ${A}/scoring/:action{close|reopen}`);
    const combined = await asCall("token", `${base}/combined`);
    expect(combined.status).toBe(200);
    await expectDocumented(combined, `GET ${A}/combined`);
    const revoked = await asCall("token", `${base}/jurors/${juror.id}/revoke`, { method: "POST" });
    await expectDocumented(revoked, `POST ${A}/jurors/:id/revoke`);
  });
});
