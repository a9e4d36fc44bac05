import { describe, expect, it } from "vitest";
import {
  loginLimitKey,
  newTotpSecret,
  totpCode,
  totpUri,
  verifyTotp,
} from "../../src/domain/organizer-accounts";

describe("loginLimitKey", () => {
  it("keys on the network, never the full address", () => {
    expect(loginLimitKey("203.0.113.7", "wang")).toBe("login:203.0.113.0/24:wang");
    expect(loginLimitKey("203.0.113.200", "wang")).toBe(loginLimitKey("203.0.113.7", "wang"));
    const a = loginLimitKey("2001:db8:1:2::1", "wang");
    const b = loginLimitKey("2001:db8:1:2:ffff:ffff:ffff:fffe", "wang");
    expect(a).toBe("login:2001:db8:1:2::/64:wang");
    expect(b).toBe(a);
    expect(loginLimitKey("2001:db8:1:3::1", "wang")).not.toBe(a);
  });

  it("keys on the account: each account and the built-in passwords have their own bucket", () => {
    expect(loginLimitKey("203.0.113.7", "Wang ")).toBe(loginLimitKey("203.0.113.7", "wang"));
    expect(loginLimitKey("203.0.113.7", "li")).not.toBe(loginLimitKey("203.0.113.7", "wang"));
    expect(loginLimitKey("203.0.113.7", null)).toBe("login:203.0.113.0/24:*builtin");
  });
});

describe("TOTP (RFC 6238 through otpauth)", () => {
  it("matches the RFC 6238 SHA-1 test vector", () => {
    // RFC 6238 appendix B: secret "12345678901234567890", T = 59 s → 94287082 (8 digits); the
    // 6-digit code is its last six digits.
    const secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    expect(totpCode(secret, 59_000)).toBe("287082");
    expect(totpCode(secret, 1_111_111_109_000)).toBe("081804");
  });

  it("accepts the current code and one step of drift, once", () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const now = 1_800_000_000_000;
    const step = Math.floor(now / 30_000);
    expect(verifyTotp(secret, totpCode(secret, now), now, 0)).toBe(step);
    expect(verifyTotp(secret, totpCode(secret, now - 30_000), now, 0)).toBe(step - 1);
    expect(verifyTotp(secret, totpCode(secret, now - 90_000), now, 0)).toBeNull();
    // Used once (lastStep = step): refused again.
    expect(verifyTotp(secret, totpCode(secret, now), now, step)).toBeNull();
    expect(verifyTotp(secret, "12345", now, 0)).toBeNull();
    expect(verifyTotp(secret, "abcdef", now, 0)).toBeNull();
  });

  it("writes an otpauth URI an authenticator app reads", () => {
    const uri = totpUri("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "wang");
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain("secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    expect(uri).toContain("period=30");
    expect(uri).toContain("digits=6");
  });
});
