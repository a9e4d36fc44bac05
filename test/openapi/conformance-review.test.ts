import { describe, expect, it } from "vitest";
import { like, makeCampaign } from "../helpers";
import { asCall, json } from "../routes/admin/admin-helpers";
import { expectDocumented } from "./documented";
import { burst, visitor } from "./like-setup";

/** The review's answers (flags, held likes, status changes, the ledger), against the document. */

const A = "/api/admin/campaigns/:slug";

describe("the review API answers as documented", () => {
  it("held likes, flags, matches, void and reinstate, changes, the ledger", async () => {
    const c = await makeCampaign({ count: 2, holdFlagged: true });
    const base = `/api/admin/campaigns/${c.slug}`;
    await burst(c);
    const ip = "192.0.2.78";
    expect((await like(c.slug, 1, { cookie: await visitor(c.slug, ip), ip })).status).toBe(202);

    await expectDocumented(await asCall("token", `${base}/held`), `GET ${A}/held`);
    const released = await asCall(
      "token",
      `${base}/held/release`,
      json({ number: 1, reason: "人工核实" }),
    );
    expect(released.status).toBe(200);
    await expectDocumented(released, `POST ${A}/held/:decision{release|void}`);

    await expectDocumented(
      await asCall("token", `${base}/flags/scan`, { method: "POST" }),
      `POST ${A}/flags/scan`,
    );
    const flags = await asCall("token", `${base}/flags?status=all`);
    const { flags: list } = (await expectDocumented(flags, `GET ${A}/flags`)) as {
      flags: { id: number }[];
    };
    const bad = await asCall("token", `${base}/flags?status=x`);
    expect(bad.status).toBe(400);
    await expectDocumented(bad, `GET ${A}/flags`);
    const first = list[0];
    expect(first, "the burst left a flag").toBeDefined();
    const decided = await asCall(
      "token",
      `${base}/flags/${first?.id}/clear`,
      json({ reason: "正常" }),
    );
    expect(decided.status).toBe(200);
    await expectDocumented(decided, `POST ${A}/flags/:id/:decision{void|clear}`);
    const again = await asCall(
      "token",
      `${base}/flags/${first?.id}/clear`,
      json({ reason: "正常" }),
    );
    expect(again.status).toBe(409);
    await expectDocumented(again, `POST ${A}/flags/:id/:decision{void|clear}`);

    const matches = await asCall("token", `${base}/votes/matches?number=1`);
    expect(matches.status).toBe(200);
    await expectDocumented(matches, `GET ${A}/votes/matches`);
    const voided = await asCall(
      "token",
      `${base}/votes/void`,
      json({ number: 1, from: "2020-01-01T00:00:00+08:00", reason: "核减" }),
    );
    expect(voided.status).toBe(200);
    const back = await asCall(
      "token",
      `${base}/votes/reinstate`,
      json({ number: 1, reason: "误核减" }),
    );
    await expectDocumented(back, `POST ${A}/votes/reinstate`);
    await expectDocumented(
      await asCall("token", `${base}/votes/changes`),
      `GET ${A}/votes/changes`,
    );

    const sealed = await asCall("token", `${base}/ledger/seal`, { method: "POST" });
    expect(sealed.status).toBe(200);
    await expectDocumented(sealed, `POST ${A}/ledger/seal`);
    await expectDocumented(await asCall("token", `${base}/ledger`), `GET ${A}/ledger`);
  });
});
