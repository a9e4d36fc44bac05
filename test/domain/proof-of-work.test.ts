import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sha256Hex as clientSha256, solve } from "../../src/client/pow-worker";
import {
  createChallenge,
  encodeSolution,
  parseSolution,
  solveChallenge,
  verifySolution,
} from "../../src/domain/proof-of-work";

const secret = "test-secret";
const now = Date.parse("2026-11-29T08:00:00Z");
const base = { secret, campaignId: 7, voterHash: "a".repeat(32), now };

async function solved(maxNumber = 300) {
  const c = await createChallenge({ ...base, maxNumber });
  const s = await solveChallenge(c);
  if (!s) throw new Error("unsolvable");
  return { c, s, raw: encodeSolution(s) };
}

describe("proof of work", () => {
  it("accepts a solved challenge for the same campaign and voter", async () => {
    const { c, raw } = await solved();
    expect(await verifySolution(raw, base)).toEqual({ ok: true, challenge: c.challenge, level: 1 });
    // The plain JSON form is accepted too.
    expect((await verifySolution(JSON.stringify(parseSolution(raw)), base)).ok).toBe(true);
  });

  it("refuses a wrong number, a forged signature, another voter or campaign, and expiry", async () => {
    const { s } = await solved();
    const wrong = encodeSolution({ ...s, number: s.number + 1 });
    expect(await verifySolution(wrong, base)).toEqual({ ok: false, reason: "wrong_number" });
    const forged = encodeSolution({ ...s, signature: "0".repeat(32) });
    expect(await verifySolution(forged, base)).toEqual({ ok: false, reason: "bad_signature" });
    const raw = encodeSolution(s);
    expect(await verifySolution(raw, { ...base, voterHash: "b".repeat(32) })).toEqual({
      ok: false,
      reason: "other_voter",
    });
    expect(await verifySolution(raw, { ...base, campaignId: 8 })).toEqual({
      ok: false,
      reason: "other_voter",
    });
    expect(await verifySolution(raw, { ...base, now: now + 5 * 60_000 + 1000 })).toEqual({
      ok: false,
      reason: "expired",
    });
    expect(await verifySolution(raw, { ...base, secret: "other" })).toEqual({
      ok: false,
      reason: "bad_signature",
    });
  });

  it("refuses a salt rewritten to change the expiry (the signature covers the salt)", async () => {
    const { s } = await solved();
    const later = s.salt.replace(/expires=\d+/, "expires=9999999999");
    const tampered = encodeSolution({ ...s, salt: later });
    expect((await verifySolution(tampered, base)).ok).toBe(false);
  });

  it("carries its friction level in the signed salt: a raised level is refused", async () => {
    const c = await createChallenge({ ...base, maxNumber: 300, level: 4 });
    const s = await solveChallenge(c);
    if (!s) throw new Error("unsolvable");
    expect(await verifySolution(encodeSolution(s), base)).toMatchObject({ ok: true, level: 4 });
    // A cheap level-1 challenge dressed up as level 9 (to pass the hoarding check) fails.
    const cheap = (await solved()).s;
    const dressed = encodeSolution({ ...cheap, salt: cheap.salt.replace(/l=\d+/, "l=9") });
    expect((await verifySolution(dressed, base)).ok).toBe(false);
  });

  it("refuses junk without throwing", async () => {
    for (const raw of ["", "not base64 !", btoa("[]"), btoa('{"algorithm":"SHA-256"}'), "{"]) {
      expect((await verifySolution(raw, base)).ok).toBe(false);
    }
  });

  it("has a browser solver whose SHA-256 matches the standard", async () => {
    for (const text of [
      "",
      "abc",
      "x".repeat(55),
      "y".repeat(56),
      "z".repeat(64),
      "salt?e=1&c=2",
    ]) {
      expect(clientSha256(text)).toBe(createHash("sha256").update(text).digest("hex"));
    }
    const c = await createChallenge({ ...base, maxNumber: 500 });
    const n = solve(c);
    expect(n).not.toBeNull();
    const raw = encodeSolution({ ...c, number: n ?? -1 });
    expect((await verifySolution(raw, base)).ok).toBe(true);
  });
});
