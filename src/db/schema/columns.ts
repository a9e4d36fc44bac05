import { sql } from "drizzle-orm";
import { type AnySQLiteColumn, index, integer, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/*
 * Column shapes several tables share. Each helper returns fresh builders: a drizzle column builder
 * belongs to the one table it is built into.
 *
 * Times are stored as integer milliseconds since the epoch (UTC) and turned into ISO strings with
 * the campaign's offset at the edge. Days ("2026-11-29") are calendar days in the campaign's zone.
 */

/** A photo of a nominee or a nomination, as stored in their `photos` JSON array. */
export type StoredPhoto = { url: string; caption: string };

/** `id INTEGER PRIMARY KEY AUTOINCREMENT`: ids are never reused, so links and audit rows stay true. */
export const serialId = () => integer("id").primaryKey({ autoIncrement: true });

/** The campaign a row belongs to, without a foreign key (counters and append-only logs). */
export const campaignKey = () => integer("campaign_id").notNull();

/** A text column that is never null and empty until filled. */
export const emptyText = (name: string) => text(name).notNull().default("");

/** `created_at` and `updated_at`, both set by the code (ms). */
export const timestamps = () => ({
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

/**
 * What a nominee and a unit's nomination both describe (after the name): accepting a nomination
 * copies these into the new nominee.
 */
export const profileColumns = () => ({
  position: emptyText("position"),
  unit: emptyText("unit"),
  groupName: emptyText("group_name"),
  headline: emptyText("headline"),
  /** JSON array of paragraphs. */
  story: text("story", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
  /** JSON array of {url, caption}. */
  photos: text("photos", { mode: "json" }).$type<StoredPhoto[]>().notNull().default(sql`'[]'`),
});

/**
 * The life of a bearer link (a unit's invitation, a juror's link): it works until it expires or
 * is revoked. The token's SHA-256 is stored next to these; the token itself never is.
 */
export const linkLifeColumns = () => ({
  expiresAt: integer("expires_at").notNull(),
  revokedAt: integer("revoked_at"),
  createdAt: integer("created_at").notNull(),
});

/**
 * A link table's indexes: a token's hash names one row (unique), and a campaign's links are listed
 * by id. `table` prefixes the index names, as the migrations created them.
 */
export const linkIndexes = (
  table: string,
  t: { tokenHash: AnySQLiteColumn; campaignId: AnySQLiteColumn; id: AnySQLiteColumn },
) => [
  uniqueIndex(`${table}_token`).on(t.tokenHash),
  index(`${table}_campaign`).on(t.campaignId, t.id),
];
