import { describe, expect, it } from "vitest";
import { constantTimeEqual, hashPassword, verifyPassword } from "../../src/domain/passwords";

describe("organizer passwords", () => {
  it("accepts the configured plain password and nothing else", async () => {
    expect(await verifyPassword("s3cret-pass", "s3cret-pass")).toBe(true);
    expect(await verifyPassword("s3cret-pas", "s3cret-pass")).toBe(false);
    expect(await verifyPassword("", "s3cret-pass")).toBe(false);
    expect(await verifyPassword("anything", "")).toBe(false);
    expect(await verifyPassword("anything", undefined)).toBe(false);
  });

  it("verifies PBKDF2 hashes made by npm run hash-password", async () => {
    const hash = await hashPassword("联席办-2026-口令", 1000);
    expect(hash).toMatch(/^pbkdf2-sha256\$1000\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword("联席办-2026-口令", hash)).toBe(true);
    expect(await verifyPassword("联席办-2026-口令!", hash)).toBe(false);
    // Two hashes of one password differ (random salt).
    expect(await hashPassword("x", 1000)).not.toBe(await hashPassword("x", 1000));
  });

  it("matches nothing against a malformed or excessive hash instead of throwing", async () => {
    expect(await verifyPassword("x", "pbkdf2-sha256$1000$***$***")).toBe(false);
    expect(await verifyPassword("x", "pbkdf2-sha256$99999999$AAAA$AAAA")).toBe(false);
  });

  it("compares bytes without short-circuiting on length", () => {
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).toBe(true);
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 0]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toBe(false);
  });
});
