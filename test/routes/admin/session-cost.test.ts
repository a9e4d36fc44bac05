import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import app from "../../../src/index";
import { call, countingD1, type D1Call, makeCampaign } from "../../helpers";
import { sessionCookie } from "./admin-helpers";

/**
 * Revocable sessions cost one indexed read per organizer request, and nothing on the public
 * paths: a page, the results and a like sent with an organizer's cookie never read the session
 * table.
 */

async function sqlOf(path: string, init: RequestInit): Promise<{ status: number; sql: string[] }> {
  const calls: D1Call[] = [];
  const res = await app.fetch(
    new Request(`http://localhost${path}`, init),
    { ...env, DB: countingD1(calls) },
    createExecutionContext(),
  );
  return { status: res.status, sql: calls.map((c) => c.sql ?? "") };
}

const readsSessions = (sql: string[]) => sql.filter((s) => s.includes("organizer_sessions"));

describe("the cost of revocable sessions", () => {
  it("is one read per organizer request", async () => {
    const cookie = await sessionCookie("admin");
    const { status, sql } = await sqlOf("/api/admin/campaigns", { headers: { Cookie: cookie } });
    expect(status).toBe(200);
    expect(readsSessions(sql)).toHaveLength(1);
  });

  it("is nothing on the public pages, results and likes, even with an organizer's cookie", async () => {
    const c = await makeCampaign();
    const cookie = await sessionCookie("admin");
    // A voter cookie first, so the like below is an ordinary like.
    const first = await call(`/c/${c.slug}`);
    const voter = /by_voter=[^;]+/.exec(first.headers.get("Set-Cookie") ?? "")?.[0] ?? "";
    const both = `${cookie}; ${voter}`;
    for (const [path, init] of [
      [`/c/${c.slug}`, {}],
      [`/c/${c.slug}/1`, {}],
      [`/c/${c.slug}/results`, {}],
      [`/api/campaigns/${c.slug}/results`, {}],
      [
        `/api/campaigns/${c.slug}/candidates/1/likes`,
        { method: "POST", headers: { "CF-Connecting-IP": "198.51.100.4" } },
      ],
    ] as const) {
      const headers = { ...("headers" in init ? init.headers : {}), Cookie: both };
      const { status, sql } = await sqlOf(path, { ...init, headers });
      expect(status, path).toBeLessThan(300);
      expect(readsSessions(sql), path).toEqual([]);
    }
  });
});
