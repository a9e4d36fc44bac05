import * as v from "valibot";
import {
  DISPLAY_NAME_MAX,
  PASSWORD_MAX,
  PASSWORD_MIN,
  USERNAME_PATTERN,
} from "../domain/organizer-accounts";
import { RequiredText } from "./common";

/**
 * Console sign-in and named organizer accounts (issue 14). `{password}` alone signs in with a
 * built-in password (ADMIN_PASSWORD / OBSERVER_PASSWORD); `{username, password}` with an account,
 * plus `code` when the account has a second factor.
 */
/** The longest each field takes (the console's sign-in and account forms read them). */
export const ACCOUNT_LIMITS = {
  /** What sign-in accepts; a new account's name is 3–32 characters (USERNAME_PATTERN). */
  loginUsername: 64,
  username: 32,
  password: PASSWORD_MAX,
  passwordMin: PASSWORD_MIN,
  code: 16,
  /** Self-declared name with a built-in password. */
  name: 40,
  displayName: DISPLAY_NAME_MAX,
} as const;

export const LoginRequest = v.object({
  username: v.optional(
    v.pipe(v.string("username must be text"), v.trim(), v.maxLength(ACCOUNT_LIMITS.loginUsername)),
  ),
  password: v.pipe(
    v.string("password is required"),
    v.minLength(1, "password is required"),
    v.maxLength(PASSWORD_MAX),
  ),
  code: v.optional(
    v.pipe(v.string("code must be text"), v.trim(), v.maxLength(ACCOUNT_LIMITS.code)),
  ),
  /** With a built-in password only: who says they are signing in (kept as self-declared). */
  name: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.maxLength(ACCOUNT_LIMITS.name, `name must be at most ${ACCOUNT_LIMITS.name} characters`),
    ),
  ),
});

const Username = v.pipe(
  v.string("username must be text"),
  v.trim(),
  v.toLowerCase(),
  v.regex(
    USERNAME_PATTERN,
    "username must be 3–32 of a-z, 0-9, dot, dash or underscore, starting with a letter or digit",
  ),
);

export const NewPassword = v.pipe(
  v.string("password must be text"),
  v.minLength(PASSWORD_MIN, `password must be at least ${PASSWORD_MIN} characters`),
  v.maxLength(PASSWORD_MAX, `password must be at most ${PASSWORD_MAX} characters`),
);

const Role = v.picklist(["admin", "observer"], "role must be admin or observer");

/** Campaign slugs the account is limited to; empty = every campaign. */
const Scope = v.pipe(v.array(v.string(), "campaigns must be a list of slugs"), v.maxLength(200));

export const AccountCreate = v.object({
  username: Username,
  displayName: RequiredText(DISPLAY_NAME_MAX, "displayName"),
  role: Role,
  password: NewPassword,
  campaigns: v.optional(Scope, []),
});

export const AccountPatch = v.object({
  displayName: v.optional(RequiredText(DISPLAY_NAME_MAX, "displayName")),
  role: v.optional(Role),
  disabled: v.optional(v.boolean("disabled must be true or false")),
  campaigns: v.optional(Scope),
  /** A new password set by an admin (the owner should change it after signing in). */
  password: v.optional(NewPassword),
  /** Removes the second factor (lost phone): the owner enrols again. */
  resetTotp: v.optional(v.literal(true, "resetTotp must be true")),
});

export const PasswordChange = v.object({
  currentPassword: v.pipe(v.string("currentPassword is required"), v.maxLength(PASSWORD_MAX)),
  newPassword: NewPassword,
});

export const TotpEnable = v.object({
  /** The secret shown at enrolment (base32, 160 bits). */
  secret: v.pipe(v.string("secret is required"), v.regex(/^[A-Z2-7]{32}$/, "secret is malformed")),
  code: v.pipe(v.string("code is required"), v.trim(), v.maxLength(ACCOUNT_LIMITS.code)),
});

export const TotpDisable = v.object({
  password: v.pipe(v.string("password is required"), v.maxLength(PASSWORD_MAX)),
});
