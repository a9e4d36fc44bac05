import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { Organizer } from "../../types";
import type { Database } from "../client";
import { type Campaign, campaigns } from "../schema";
import { honoreeStatements } from "./admin-nominees";
import { audited, auditStatement } from "./audit";

/** Whether a D1 error is the `nominees_honoree_frozen` trigger (migration 0011) refusing. */
export function isHonoreesFrozen(error: unknown): boolean {
  return /honorees_frozen/.test(String((error as Error)?.message ?? error));
}

/**
 * Publishes the honorees: the 当选 flags, the campaign's published list and the audit entry in one
 * batch. The flags are written before `published_at` is set, because from then on trigger
 * `nominees_honoree_frozen` refuses any change to them. A republication (after 撤回公布) is
 * recorded as `campaign.republish` with its reason. Returns the new row, or undefined when the
 * campaign was published meanwhile.
 */
export async function publishHonorees(
  db: Database,
  campaign: Campaign,
  honorees: number[],
  reason: string,
  actor: Organizer,
  now: number,
): Promise<Campaign | undefined> {
  const list = [...new Set(honorees)].sort((a, b) => a - b);
  const republish = campaign.publicationWithdrawnAt !== null;
  const [, , updated] = await db.batch([
    ...honoreeStatements(db, campaign.id, list, now),
    db
      .update(campaigns)
      .set({ publishedAt: now, publishedHonorees: list, updatedAt: now })
      .where(and(eq(campaigns.id, campaign.id), isNull(campaigns.publishedAt)))
      .returning(),
    auditStatement(db, {
      campaignId: campaign.id,
      actor,
      action: republish ? "campaign.republish" : "campaign.publish",
      before: { publishedAt: null, honorees: campaign.publishedHonorees },
      after: { publishedAt: now, honorees: list, ...(reason && { reason }) },
      now,
    }),
  ]);
  return updated[0];
}

/**
 * 撤回公布: the campaign goes back to closed, its published list is cleared (the public sees no
 * honorees until it is published again) and the reason is recorded with the list that was
 * withdrawn. The 当选 flags stay as they were, ready to be changed and republished.
 */
export async function withdrawPublication(
  db: Database,
  campaign: Campaign,
  reason: string,
  actor: Organizer,
  now: number,
): Promise<Campaign | undefined> {
  const updated = await audited(
    db,
    db
      .update(campaigns)
      .set({
        publishedAt: null,
        publishedHonorees: null,
        publicationWithdrawnAt: now,
        updatedAt: now,
      })
      .where(and(eq(campaigns.id, campaign.id), isNotNull(campaigns.publishedAt)))
      .returning(),
    {
      campaignId: campaign.id,
      actor,
      action: "campaign.withdraw",
      before: { publishedAt: campaign.publishedAt, honorees: campaign.publishedHonorees },
      after: { publishedAt: null, reason },
      now,
    },
  );
  return updated[0];
}
