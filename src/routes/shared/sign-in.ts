import type { Context } from "hono";
import { claimTotpStep, findAccountByUsername } from "../../db/queries/organizer-accounts";
import { loginLimitKey, normalUsername, verifyTotp } from "../../domain/organizer-accounts";
import { hashPassword, verifyPassword } from "../../domain/passwords";
import type { SessionSubject } from "../../middleware/organizer-auth";
import { clientIp } from "../../middleware/voter";
import type { AppEnv, Role } from "../../types";

/** Signing in to the console: the rules the API and the no-JavaScript form share. */

/** Checks a password against both roles' passwords (both are always checked: no timing hint). */
export async function roleForPassword(
  env: CloudflareBindings,
  password: string,
): Promise<Role | null> {
  const [admin, observer] = await Promise.all([
    verifyPassword(password, env.ADMIN_PASSWORD),
    verifyPassword(password, env.OBSERVER_PASSWORD),
  ]);
  return admin ? "admin" : observer ? "observer" : null;
}

/**
 * Login attempts are limited per network (IPv4 /24, IPv6 /64) and account: a few tries a minute
 * stop guessing, not people, and a flood against one account leaves the others alone.
 */
export async function loginAllowed(
  env: CloudflareBindings,
  headers: Headers,
  username: string | null,
): Promise<boolean> {
  const { success } = await env.LOGIN_RATE_LIMITER.limit({
    key: loginLimitKey(clientIp(headers), username),
  });
  return success;
}

/** An unknown username costs the same PBKDF2 as a known one: no hint which usernames exist. */
let decoy: Promise<string> | undefined;

export type SignIn =
  | { ok: true; subject: SessionSubject }
  | { ok: false; reason: "rate_limited" | "unauthorized" | "totp_required" };

const BUILT_IN_NAME: Record<Role, string> = { admin: "内置管理员", observer: "内置观察员" };

/**
 * The sign-in rules, shared by the API and the no-JavaScript form: the limiter first, then the
 * password (an account's, or a built-in one), then the account's second factor when it has one.
 */
export async function signIn(
  c: Context<AppEnv>,
  input: { username?: string; password: string; code?: string; name?: string },
): Promise<SignIn> {
  const username = input.username ? normalUsername(input.username) : null;
  if (!(await loginAllowed(c.env, c.req.raw.headers, username))) {
    return { ok: false, reason: "rate_limited" };
  }
  if (username === null) {
    const role = await roleForPassword(c.env, input.password);
    if (!role) return { ok: false, reason: "unauthorized" };
    // A built-in password names no one: the log says so, and keeps what the person typed as
    // self-declared.
    const name = input.name ? `${BUILT_IN_NAME[role]}（自称：${input.name}）` : BUILT_IN_NAME[role];
    return { ok: true, subject: { role, name, accountId: null } };
  }
  const account = await findAccountByUsername(c.var.db, username);
  if (!account) {
    decoy ??= hashPassword("decoy password for unknown usernames");
    await verifyPassword(input.password, await decoy);
    return { ok: false, reason: "unauthorized" };
  }
  const passwordOk = await verifyPassword(input.password, account.passwordHash);
  if (!passwordOk || account.disabledAt !== null) return { ok: false, reason: "unauthorized" };
  if (account.totpSecret) {
    if (!input.code) return { ok: false, reason: "totp_required" };
    const step = verifyTotp(account.totpSecret, input.code, Date.now(), account.totpLastStep);
    if (step === null || !(await claimTotpStep(c.var.db, account.id, step))) {
      return { ok: false, reason: "unauthorized" };
    }
  }
  return {
    ok: true,
    subject: {
      role: account.role,
      name: account.username,
      accountId: account.id,
      displayName: account.displayName,
    },
  };
}
