import { and, asc, desc, eq, or, type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Database } from "../client";
import { type Nominee, nominees } from "../schema";

export interface NomineeFilter {
  q?: string;
  group?: string;
  sort: "number" | "likes";
}

/** `column` contains `text` literally: LIKE wildcards in the search are escaped. */
function contains(column: SQLiteColumn, text: string): SQL {
  const pattern = `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  return sql`${column} LIKE ${pattern} ESCAPE '\\'`;
}

/** A campaign's nominees matching a search (name, unit, or 编号) and group, in the asked order. */
export async function listNominees(
  db: Database,
  campaignId: number,
  filter: NomineeFilter,
): Promise<Nominee[]> {
  const conditions: SQL[] = [eq(nominees.campaignId, campaignId)];
  const q = filter.q?.trim();
  if (q) {
    const matches: SQL[] = [contains(nominees.name, q), contains(nominees.unit, q)];
    // "07", "7号", "编号7" all mean nominee 7.
    const digits = q.replace(/^编号|号$/g, "");
    if (/^\d{1,9}$/.test(digits)) matches.push(eq(nominees.number, Number(digits)));
    const any = or(...matches);
    if (any) conditions.push(any);
  }
  if (filter.group) conditions.push(eq(nominees.groupName, filter.group));
  const order =
    filter.sort === "likes" ? [desc(nominees.likes), asc(nominees.number)] : [asc(nominees.number)];
  return db
    .select()
    .from(nominees)
    .where(and(...conditions))
    .orderBy(...order);
}

export async function findNominee(
  db: Database,
  campaignId: number,
  number: number,
): Promise<Nominee | undefined> {
  return db
    .select()
    .from(nominees)
    .where(and(eq(nominees.campaignId, campaignId), eq(nominees.number, number)))
    .get();
}

/**
 * The nominees before and after `number`, for previous/next links: two probes of the
 * (campaign_id, number) index in one statement, whatever the number of nominees (reading every
 * number was most of a profile view's cost at 1,000 nominees; see docs/benchmarks.md).
 */
export async function neighbourNumbers(
  db: Database,
  campaignId: number,
  number: number,
): Promise<{ previous: number | null; next: number | null }> {
  const row = await db.$client
    .prepare(
      `SELECT (SELECT MAX(number) FROM nominees WHERE campaign_id = ?1 AND number < ?2) AS previous,
              (SELECT MIN(number) FROM nominees WHERE campaign_id = ?1 AND number > ?2) AS next`,
    )
    .bind(campaignId, number)
    .first<{ previous: number | null; next: number | null }>();
  return { previous: row?.previous ?? null, next: row?.next ?? null };
}

/** The campaign's groups (县市区, 市直单位, …) in order of first appearance by number. */
export async function listGroups(db: Database, campaignId: number): Promise<string[]> {
  const rows = await db
    .select({ group: nominees.groupName, first: sql<number>`min(${nominees.number})` })
    .from(nominees)
    .where(eq(nominees.campaignId, campaignId))
    .groupBy(nominees.groupName)
    .orderBy(sql`min(${nominees.number})`);
  return rows.map((r) => r.group).filter((g) => g !== "");
}
