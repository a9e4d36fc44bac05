/**
 * Rules for named organizer accounts: what a username and a password must be, the second factor
 * (RFC 6238 TOTP through the `otpauth` library) and the login limiter's key. No I/O; time is a
 * parameter.
 */
import { Secret, TOTP } from "otpauth";
import type { Organizer } from "../types";
import { keyedHash } from "./identity";
import { ipPrefix } from "./ip-prefix";

/** Lower-case letters, digits, dot, dash, underscore; 3–32 characters, starting with a letter or digit. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,31}$/;
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
export const DISPLAY_NAME_MAX = 40;

/** Whether an organizer may see a campaign (accounts limited to some campaigns see only those). */
export function mayAccessCampaign(organizer: Organizer, campaignId: number): boolean {
  return !organizer.campaignIds || organizer.campaignIds.includes(campaignId);
}

/** Account management is for admins who see every campaign (the token, built-in or named). */
export function mayManageAccounts(organizer: Organizer): boolean {
  return organizer.role === "admin" && !organizer.campaignIds;
}

/** Usernames compare without case and surrounding spaces. */
export function normalUsername(raw: string): string {
  return raw.trim().toLowerCase();
}

/**
 * The login limiter's key: the client's network (IPv4 /24, IPv6 /64) and the account tried,
 * never the full address, so rotating addresses inside one /64 buys no extra guesses, and a flood
 * against one account leaves every other account's sign-in alone. The built-in passwords share
 * one key of their own.
 */
export function loginLimitKey(ip: string, username: string | null): string {
  const account = username === null ? "*builtin" : normalUsername(username);
  return `login:${ipPrefix(ip)}:${account}`;
}

const ISSUER = "榜样评选管理";
const PERIOD = 30;

function totp(secret: string, label: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(secret),
  });
}

/** A fresh 160-bit secret in base32, as authenticator apps expect it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secret: string, username: string): string {
  return totp(secret, username).toString();
}

/** The current code (tests and the enrolment check use it). */
export function totpCode(secret: string, now: number): string {
  return totp(secret, "x").generate({ timestamp: now });
}

/**
 * Checks a 6-digit code against the secret at `now`, one step of clock drift either way. Returns
 * the time step the code belongs to, or null. A step at or before `lastStep` is refused: a code
 * that has signed in once cannot sign in again.
 */
export function verifyTotp(
  secret: string,
  code: string,
  now: number,
  lastStep: number,
): number | null {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  let delta: number | null;
  try {
    delta = totp(secret, "x").validate({ token, timestamp: now, window: 1 });
  } catch {
    return null; // a malformed stored secret matches nothing
  }
  if (delta === null) return null;
  const step = Math.floor(now / 1000 / PERIOD) + delta;
  return step > lastStep ? step : null;
}

/**
 * A short digest of a configured built-in password (plain or PBKDF2 hash), kept with the
 * sessions it opened: when the secret changes, the tag no longer matches and they end. It is
 * keyed with the session key so the stored tag says nothing about the password by itself.
 */
export function builtInSecretTag(sessionKey: string, configured: string): Promise<string> {
  return keyedHash(`builtin-tag:${sessionKey}`, configured);
}
