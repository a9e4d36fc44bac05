import { asc, desc, eq } from "drizzle-orm";
import type { TallyRow } from "../../domain/ranking";
import type { Database } from "../client";
import { nominees } from "../schema";

export type { RankedRow, TallyRow } from "../../domain/ranking";

/**
 * Per-nominee tallies from the counters: one indexed read of the campaign's nominees, whatever the
 * size of the ledger.
 */
export async function tallies(db: Database, campaignId: number): Promise<TallyRow[]> {
  return db
    .select({
      number: nominees.number,
      name: nominees.name,
      unit: nominees.unit,
      group: nominees.groupName,
      likes: nominees.likes,
      voidedLikes: nominees.voidedLikes,
      heldLikes: nominees.heldLikes,
    })
    .from(nominees)
    .where(eq(nominees.campaignId, campaignId))
    .orderBy(desc(nominees.likes), asc(nominees.number));
}
