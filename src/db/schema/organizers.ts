import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { campaignRef } from "./campaigns";
import { serialId, timestamps } from "./columns";

/*
 * Named organizer accounts and their console sessions (issue 14). Accounts are disabled, never
 * deleted, so a username in the audit log always names the same person. Sessions are rows, not
 * only signed cookies: the cookie carries a random id whose SHA-256 is `idHash`, and a session
 * ends the moment its row is revoked.
 */
export const organizerAccounts = sqliteTable(
  "organizer_accounts",
  {
    id: serialId(),
    /** Compared without case (COLLATE NOCASE in the migration). */
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: ["admin", "observer"] }).notNull(),
    /** PBKDF2, as domain/passwords.ts makes it. */
    passwordHash: text("password_hash").notNull(),
    /** Base32 TOTP secret once enrolment is confirmed; null = no second factor. */
    totpSecret: text("totp_secret"),
    /** The last 30-second step a code was accepted for: a code is good once. */
    totpLastStep: integer("totp_last_step").notNull().default(0),
    disabledAt: integer("disabled_at"),
    ...timestamps(),
    lastLoginAt: integer("last_login_at"),
    /** Audit label of who created it. */
    createdBy: text("created_by").notNull(),
  },
  (t) => [uniqueIndex("organizer_accounts_username").on(t.username)],
);

/** An account with rows here sees only these campaigns; with none, every campaign. */
export const organizerAccountCampaigns = sqliteTable(
  "organizer_account_campaigns",
  {
    accountId: integer("account_id")
      .notNull()
      .references(() => organizerAccounts.id, { onDelete: "cascade" }),
    campaignId: campaignRef("cascade"),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.campaignId] })],
);

export const organizerSessions = sqliteTable(
  "organizer_sessions",
  {
    idHash: text("id_hash").primaryKey(),
    /** null for a session opened with a built-in password. */
    accountId: integer("account_id").references(() => organizerAccounts.id, {
      onDelete: "cascade",
    }),
    role: text("role", { enum: ["admin", "observer"] }).notNull(),
    /** The audit label's name at sign-in. */
    name: text("name").notNull(),
    /**
     * Built-in password sessions: a digest of the configured password they were opened with, so
     * changing the secret ends them (domain/organizer-accounts.ts `builtInSecretTag`).
     */
    secretTag: text("secret_tag"),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    revokedAt: integer("revoked_at"),
  },
  (t) => [
    index("organizer_sessions_account").on(t.accountId),
    index("organizer_sessions_expiry").on(t.expiresAt),
  ],
);

export type OrganizerAccount = typeof organizerAccounts.$inferSelect;
