import { describe, expect, it } from "vitest";
import { call, makeCampaign } from "../../helpers";
import { asCall } from "../admin/admin-helpers";

const KB = 1024;
const MB = 1024 * KB;

/** A POST of `bytes` bytes (a JSON string, so a route that reads it gets valid JSON). */
function body(bytes: number, method = "POST"): RequestInit {
  return {
    method,
    headers: { "Content-Type": "application/json" },
    body: `"${"x".repeat(bytes - 2)}"`,
  };
}

describe("body limits declared by the routes (maxBody)", () => {
  it("gives each route its own allowance, the public 4 KB where none is declared", async () => {
    const c = await makeCampaign({ count: 1 });
    const admin = `/api/admin/campaigns/${c.slug}`;
    const cases: [string, () => Promise<Response>, number, boolean][] = [
      [
        "a like",
        () => call(`/api/campaigns/${c.slug}/candidates/1/likes`, body(5 * KB)),
        5 * KB,
        true,
      ],
      ["a nominee", () => asCall("token", `${admin}/nominees`, body(5 * KB)), 5 * KB, false],
      ["a nominee", () => asCall("token", `${admin}/nominees`, body(300 * KB)), 300 * KB, true],
      ["a unit's draft", () => call("/api/nominate/nope/nominations", body(5 * KB)), 5 * KB, false],
      [
        "a unit's draft",
        () => call("/api/nominate/nope/nominations", body(300 * KB)),
        300 * KB,
        true,
      ],
      ["an import", () => asCall("token", `${admin}/nominees/import`, body(1 * MB)), MB, false],
      ["an import", () => asCall("token", `${admin}/nominees/import`, body(3 * MB)), 3 * MB, true],
      ["a photo", () => asCall("token", `${admin}/nominees/1/photos`, body(1 * MB)), MB, false],
      ["a photo", () => asCall("token", `${admin}/nominees/1/photos`, body(6 * MB)), 6 * MB, true],
      ["a seal", () => asCall("token", `${admin}/certificate/seal`, body(1 * MB)), MB, false],
    ];
    for (const [what, send, bytes, refused] of cases) {
      const res = await send();
      if (refused) {
        expect(res.status, `${what}, ${bytes} bytes`).toBe(413);
        expect((await res.json<{ error: { code: string } }>()).error.code).toBe(
          "payload_too_large",
        );
      } else expect(res.status, `${what}, ${bytes} bytes`).not.toBe(413);
    }
  });
});
