import { describe, expect, it } from "vitest";
import { call, makeCampaign } from "../helpers";
import { asCall, json } from "../routes/admin/admin-helpers";
import { expectDocumented } from "./documented";

/** Sign-in, accounts, one's own account, the audit log and copying, against the document. */

describe("the organizer API's other answers are as documented", () => {
  it("session, accounts, me, audit and copy", async () => {
    const SESSION = "/api/admin/session";
    const wrong = await call(SESSION, json({ password: "nope" }));
    expect(wrong.status).toBe(401);
    await expectDocumented(wrong, `POST ${SESSION}`);
    await expectDocumented(await asCall("admin", SESSION), `GET ${SESSION}`);

    const username = `doc${Date.now().toString(36)}`;
    const password = "correct-horse-battery-9";
    const body = { username, displayName: "王丽", role: "observer", password };
    const created = await asCall("admin", "/api/admin/accounts", json(body));
    expect(created.status).toBe(201);
    const { account } = (await expectDocumented(created, "POST /api/admin/accounts")) as {
      account: { id: number };
    };
    const taken = await asCall("admin", "/api/admin/accounts", json(body));
    expect(taken.status).toBe(409);
    await expectDocumented(taken, "POST /api/admin/accounts");
    await expectDocumented(await asCall("admin", "/api/admin/accounts"), "GET /api/admin/accounts");
    const PATCH = "PATCH /api/admin/accounts/:id{[0-9]{1,9}}";
    const patch = { ...json({ displayName: "王丽丽" }), method: "PATCH" };
    await expectDocumented(
      await asCall("admin", `/api/admin/accounts/${account.id}`, patch),
      PATCH,
    );
    await expectDocumented(await asCall("admin", "/api/admin/accounts/999999", patch), PATCH);

    const login = await call(SESSION, json({ username, password }));
    expect(login.status).toBe(201);
    await expectDocumented(login, `POST ${SESSION}`);
    const cookie = /by_admin=[^;]+/.exec(login.headers.get("Set-Cookie") ?? "")?.[0] ?? "";
    const me = await call("/api/admin/me", { headers: { Cookie: cookie } });
    expect(me.status).toBe(200);
    await expectDocumented(me, "GET /api/admin/me");
    const out = await call(SESSION, { method: "DELETE", headers: { Cookie: cookie } });
    expect(out.status).toBe(204);
    await expectDocumented(out, `DELETE ${SESSION}`);

    const c = await makeCampaign({ count: 2 });
    const audit = await asCall("observer", `/api/admin/audit?campaign=${c.slug}`);
    await expectDocumented(audit, "GET /api/admin/audit");
    const badAudit = await asCall("observer", "/api/admin/audit?limit=x");
    expect(badAudit.status).toBe(400);
    await expectDocumented(badAudit, "GET /api/admin/audit");
    const copied = await asCall(
      "admin",
      `/api/admin/campaigns/${c.slug}/copy`,
      json({ slug: `${c.slug}-copy`, includeNominees: true }),
    );
    expect(copied.status).toBe(201);
    await expectDocumented(copied, "POST /api/admin/campaigns/:slug/copy");
  });
});
