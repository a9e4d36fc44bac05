import { and, asc, eq, inArray, max, notInArray, type SQL, sql } from "drizzle-orm";
import type { NomineeDraft } from "../../domain/nominee-import";
import type { Organizer } from "../../types";
import type { NomineeInput, NomineePatch } from "../../validators/nominee";
import type { Database } from "../client";
import { type Campaign, type Nominee, nominees } from "../schema";
import { audited, auditStatement } from "./audit";
import { profileValues, sent } from "./sent-fields";

/** All of a campaign's nominees with their counts, by number. */
export async function listNomineesAdmin(db: Database, campaignId: number): Promise<Nominee[]> {
  return db
    .select()
    .from(nominees)
    .where(eq(nominees.campaignId, campaignId))
    .orderBy(asc(nominees.number));
}

async function nextNumber(db: Database, campaignId: number): Promise<number> {
  const row = await db
    .select({ n: max(nominees.number) })
    .from(nominees)
    .where(eq(nominees.campaignId, campaignId))
    .get();
  return (row?.n ?? 0) + 1;
}

function toColumns(input: NomineePatch) {
  return {
    ...sent(input, ["number"]),
    ...profileValues(input),
    ...sent(input, ["nominatingUnit", "honoree"]),
  };
}

/** Creates a nominee (next free number unless given); null when the number is taken. */
export async function createNominee(
  db: Database,
  campaign: Campaign,
  input: NomineeInput,
  actor: Organizer,
  now: number,
): Promise<Nominee | null> {
  const number = input.number ?? (await nextNumber(db, campaign.id));
  const values = {
    ...toColumns(input),
    number,
    name: input.name,
    campaignId: campaign.id,
    createdAt: now,
    updatedAt: now,
  };
  try {
    const created = await audited(db, db.insert(nominees).values(values).returning(), {
      campaignId: campaign.id,
      actor,
      action: "nominee.create",
      after: values,
      now,
    });
    return created[0] ?? null;
  } catch (error) {
    if (/UNIQUE constraint failed/i.test(String(error))) return null;
    throw error;
  }
}

/** Applies a patch to a nominee; null when a new number clashes with another nominee. */
export async function updateNominee(
  db: Database,
  before: Nominee,
  patch: NomineePatch,
  actor: Organizer,
  now: number,
): Promise<Nominee | null> {
  const change = { ...toColumns(patch), updatedAt: now };
  try {
    const updated = await audited(
      db,
      db.update(nominees).set(change).where(eq(nominees.id, before.id)).returning(),
      {
        campaignId: before.campaignId,
        actor,
        action: "nominee.update",
        before,
        after: { ...before, ...change },
        now,
      },
    );
    return updated[0] ?? null;
  } catch (error) {
    if (/UNIQUE constraint failed/i.test(String(error))) return null;
    throw error;
  }
}

/** Deletes a nominee who never received a like (the ledger keeps every like's nominee). */
export async function deleteNominee(db: Database, nominee: Nominee, actor: Organizer, now: number) {
  await audited(db, db.delete(nominees).where(eq(nominees.id, nominee.id)), {
    campaignId: nominee.campaignId,
    actor,
    action: "nominee.delete",
    before: nominee,
    now,
  });
}

/**
 * Renumbers nominees 1..n in the given order (numbers are the URLs people share, so the route only
 * allows this before the first like). Two steps avoid tripping UNIQUE(campaign, number) midway.
 */
export async function renumberNominees(
  db: Database,
  campaign: Campaign,
  order: number[],
  actor: Organizer,
  now: number,
) {
  const statements = [
    db
      .update(nominees)
      .set({ number: sql`-${nominees.number}` })
      .where(eq(nominees.campaignId, campaign.id)),
    ...order.map((oldNumber, i) =>
      db
        .update(nominees)
        .set({ number: i + 1, updatedAt: now })
        .where(and(eq(nominees.campaignId, campaign.id), eq(nominees.number, -oldNumber))),
    ),
    auditStatement(db, {
      campaignId: campaign.id,
      actor,
      action: "nominee.reorder",
      after: { order },
      now,
    }),
  ] as const;
  await db.batch(statements as unknown as Parameters<typeof db.batch>[0]);
}

/** Sets the honorees (当选) to exactly `numbers`, as part of publishing. */
export function honoreeStatements(
  db: Database,
  campaignId: number,
  numbers: number[],
  now: number,
) {
  const list = numbers.length ? numbers : [-1];
  const mark = (honoree: boolean, listed: SQL) =>
    db
      .update(nominees)
      .set({ honoree, updatedAt: now })
      .where(and(eq(nominees.campaignId, campaignId), listed));
  return [
    mark(true, inArray(nominees.number, list)),
    mark(false, notInArray(nominees.number, list)),
  ] as const;
}

/** An imported nominee (see domain/nominee-import), its photo as the table stores it. */
export type NewNominee = Omit<NomineeDraft, "photoUrl" | "photoCaption"> & {
  photos: { url: string; caption: string }[];
};

/** Inserts validated imported rows, all or nothing, with one audit entry. */
export async function importNominees(
  db: Database,
  campaign: Campaign,
  rows: NewNominee[],
  actor: Organizer,
  now: number,
): Promise<void> {
  const values = rows.map((r) => ({
    campaignId: campaign.id,
    number: r.number,
    name: r.name,
    position: r.position,
    unit: r.unit,
    groupName: r.group,
    headline: r.headline,
    story: r.story,
    photos: r.photos,
    nominatingUnit: r.nominatingUnit,
    createdAt: now,
    updatedAt: now,
  }));
  // D1 binds at most 100 variables per statement: 7 rows of 12 columns per INSERT.
  const inserts = [];
  for (let i = 0; i < values.length; i += 7)
    inserts.push(db.insert(nominees).values(values.slice(i, i + 7)));
  await db.batch([
    ...inserts,
    auditStatement(db, {
      campaignId: campaign.id,
      actor,
      action: "nominee.import",
      after: { count: rows.length, numbers: rows.map((r) => r.number) },
      now,
    }),
  ] as unknown as Parameters<typeof db.batch>[0]);
}
