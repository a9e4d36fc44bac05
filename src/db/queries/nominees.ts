import { and, asc, desc, eq, getTableColumns, or, type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Database } from "../client";
import { type Nominee, nominees } from "../schema";

/**
 * The public's columns: 当选 only once the campaign is published (the flags are frozen then, see
 * migration 0011), so a flag ticked before publication or while it is withdrawn shows nowhere.
 * Written with qualified names: inside `sql`, `${nominees.x}` would render unqualified.
 */
const publicColumns = {
  ...getTableColumns(nominees),
  honoree: sql<boolean>`("nominees"."honoree" AND EXISTS (SELECT 1 FROM campaigns pc
    WHERE pc.id = "nominees"."campaign_id" AND pc.published_at IS NOT NULL))`.mapWith(
    nominees.honoree,
  ),
};

export interface NomineeFilter {
  q?: string;
  group?: string;
  sort: "number" | "likes";
}

/**
 * `column` contains `text` literally, ASCII letters in either case (as LIKE did). `instr()` and not
 * LIKE: D1 refuses LIKE patterns over 50 bytes ("LIKE or GLOB pattern too complex"), which 17
 * Chinese characters reach, and `%` or `_` are plain characters to instr. `lower()` folds ASCII only,
 * like LIKE's case rule.
 */
function contains(column: SQLiteColumn, text: string): SQL {
  return sql`instr(lower(${column}), lower(${text})) > 0`;
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
    .select(publicColumns)
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
    .select(publicColumns)
    .from(nominees)
    .where(and(eq(nominees.campaignId, campaignId), eq(nominees.number, number)))
    .get();
}

/**
 * A nominee with the numbers before and after it (previous/next links), in one statement: the row
 * and two probes of the (campaign_id, number) index, whatever the number of nominees. (Reading
 * every number to find the neighbours was most of a profile view's cost at 1,000 nominees; see
 * docs/benchmarks.md.)
 */
export async function findNomineeWithNeighbours(
  db: Database,
  campaignId: number,
  number: number,
): Promise<(Nominee & { previous: number | null; next: number | null }) | undefined> {
  return db
    .select({
      ...publicColumns,
      previous: sql<number | null>`(SELECT MAX(p.number) FROM nominees p
        WHERE p.campaign_id = ${campaignId} AND p.number < ${number})`,
      next: sql<number | null>`(SELECT MIN(q.number) FROM nominees q
        WHERE q.campaign_id = ${campaignId} AND q.number > ${number})`,
    })
    .from(nominees)
    .where(and(eq(nominees.campaignId, campaignId), eq(nominees.number, number)))
    .get();
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
