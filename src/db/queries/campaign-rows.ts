import { and, eq, isNull, type SQL } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Organizer } from "../../types";
import type { Database } from "../client";
import { audited } from "./audit";

/** A table whose rows belong to one campaign and have an integer id. */
type CampaignTable = SQLiteTable & { id: SQLiteColumn; campaignId: SQLiteColumn };

/** A bearer link's table (a unit's invitation, a juror): found by its token's hash, revocable. */
type LinkTable = CampaignTable & { tokenHash: SQLiteColumn; revokedAt: SQLiteColumn };

/** The first row of `table` where `where` holds, or undefined. */
export function firstRow<T extends SQLiteTable>(
  db: Database,
  table: T,
  where: SQL | undefined,
): Promise<T["$inferSelect"] | undefined> {
  return db
    .select()
    .from(table as SQLiteTable)
    .where(where)
    .get() as Promise<T["$inferSelect"] | undefined>;
}

/**
 * Row `id` of `table` if it belongs to the campaign: an organizer's URL names the campaign and the
 * row, and another campaign's id is "not found", never that other campaign's row.
 */
export const findInCampaign = <T extends CampaignTable>(
  db: Database,
  table: T,
  campaignId: number,
  id: number,
) => firstRow(db, table, and(eq(table.campaignId, campaignId), eq(table.id, id)));

/** The link (invitation or juror) a token names, by the token's hash; revoked ones included. */
export const findByTokenHash = <T extends LinkTable>(db: Database, table: T, tokenHash: string) =>
  firstRow(db, table, eq(table.tokenHash, tokenHash));

/**
 * Revokes a link at once, with its audit entry in the same batch; `label` says whose link it was
 * (`{ unit }`, `{ name }`) before and after. A link already revoked keeps its first time.
 */
export async function revokeLink<T extends LinkTable>(
  db: Database,
  table: T,
  link: { id: number; campaignId: number; revokedAt: number | null },
  label: Record<string, string>,
  action: string,
  actor: Organizer,
  now: number,
): Promise<void> {
  await audited(
    db,
    db
      .update(table as LinkTable)
      .set({ revokedAt: now } as T["$inferInsert"])
      .where(and(eq(table.id, link.id), isNull(table.revokedAt))),
    {
      campaignId: link.campaignId,
      actor,
      action,
      before: { ...label, revokedAt: link.revokedAt },
      after: { ...label, revokedAt: now },
      now,
    },
  );
}
