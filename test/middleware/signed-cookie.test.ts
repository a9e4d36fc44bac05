import { Hono } from "hono";
import { getSignedCookie, setSignedCookie } from "hono/cookie";
import { describe, expect, it } from "vitest";
import { readSignedCookie, writeSignedCookie } from "../../src/middleware/signed-cookie";

const SECRET = "test-session-secret-0123456789abcdef";

/** A tiny app that writes with one implementation and reads with the other. */
function app() {
  return new Hono()
    .get("/ours/set", async (c) => {
      await writeSignedCookie(c, "by_voter", c.req.query("v") ?? "", SECRET, { httpOnly: true });
      return c.text("ok");
    })
    .get("/hono/set", async (c) => {
      await setSignedCookie(c, "by_voter", c.req.query("v") ?? "", SECRET, { httpOnly: true });
      return c.text("ok");
    })
    .get("/ours/get", async (c) =>
      c.json({ value: (await readSignedCookie(c, SECRET, "by_voter")) ?? null }),
    )
    .get("/hono/get", async (c) =>
      c.json({ value: (await getSignedCookie(c, SECRET, "by_voter")) || null }),
    );
}

async function issued(path: string, value: string): Promise<string> {
  const res = await app().request(`${path}?v=${encodeURIComponent(value)}`);
  const cookie = res.headers.get("Set-Cookie") ?? "";
  return cookie.split(";")[0] ?? "";
}

async function read(path: string, cookie: string): Promise<string | null> {
  const res = await app().request(path, { headers: { Cookie: cookie } });
  return ((await res.json()) as { value: string | null }).value;
}

describe("signed cookies (hono/cookie's format, key imported once)", () => {
  it("writes exactly what hono/cookie writes, so issued cookies stay valid", async () => {
    for (const v of ["aB3-xY_9aB3-xY_9", "admin.1767225600000.%E5%BC%A0%E4%B8%89"]) {
      const ours = await issued("/ours/set", v);
      expect(ours).toBe(await issued("/hono/set", v));
      expect(await read("/hono/get", ours)).toBe(v);
      expect(await read("/ours/get", await issued("/hono/set", v))).toBe(v);
    }
  });

  it("rejects a changed value, a changed or missing signature, and another secret's cookie", async () => {
    const good = await issued("/ours/set", "aB3-xY_9aB3-xY_9");
    const [name, raw] = good.split("=") as [string, string];
    const decoded = decodeURIComponent(raw);
    const dot = decoded.lastIndexOf(".");
    const sig = decoded.slice(dot + 1);
    const forged = (v: string) => `${name}=${encodeURIComponent(v)}`;
    expect(await read("/ours/get", good)).toBe("aB3-xY_9aB3-xY_9");
    expect(await read("/ours/get", forged(`aB3-xY_9aB3-xY_8.${sig}`))).toBeNull();
    expect(
      await read(
        "/ours/get",
        forged(`aB3-xY_9aB3-xY_9.${sig.replace(/^./, sig[0] === "A" ? "B" : "A")}`),
      ),
    ).toBeNull();
    expect(await read("/ours/get", forged("aB3-xY_9aB3-xY_9"))).toBeNull();
    expect(
      await read(
        "/ours/get",
        forged("aB3-xY_9aB3-xY_9.not-base64!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!="),
      ),
    ).toBeNull();
    expect(await read("/ours/get", "")).toBeNull();
    const other = await new Hono()
      .get("/", async (c) => {
        await setSignedCookie(c, "by_voter", "aB3-xY_9aB3-xY_9", "another-secret-0123456789abcdef");
        return c.text("ok");
      })
      .request("/");
    expect(
      await read("/ours/get", (other.headers.get("Set-Cookie") ?? "").split(";")[0] ?? ""),
    ).toBeNull();
  });
});
