import { and, asc, eq, sql } from "drizzle-orm";
import type { Organizer } from "../../types";
import type { Database } from "../client";
import { type Campaign, type NominationInvite, nominationInvites, nominations } from "../schema";
import { audited } from "./audit";
import { findByTokenHash, findInCampaign, revokeLink } from "./campaign-rows";

export interface InviteInput {
  unit: string;
  group: string;
  contact: string;
  quota: number;
  expiresAt: number;
}

/** Creates a unit's invitation (its token only as a hash) with its audit entry. */
export async function createInvite(
  db: Database,
  campaign: Campaign,
  input: InviteInput,
  tokenHash: string,
  actor: Organizer,
  now: number,
): Promise<NominationInvite> {
  const values = {
    campaignId: campaign.id,
    unit: input.unit,
    groupName: input.group,
    contact: input.contact,
    quota: input.quota,
    expiresAt: input.expiresAt,
    tokenHash,
    createdAt: now,
  };
  const created = await audited(db, db.insert(nominationInvites).values(values).returning(), {
    campaignId: campaign.id,
    actor,
    action: "invitation.create",
    after: {
      unit: input.unit,
      group: input.group,
      quota: input.quota,
      expiresAt: input.expiresAt,
    },
    now,
  });
  const row = created[0];
  if (!row) throw new Error("invitation not created");
  return row;
}

export type InviteWithUse = NominationInvite & { used: number; submitted: number };

/** A campaign's invitations with how many nominations each has (drafts included) and submitted. */
export async function listInvites(db: Database, campaignId: number): Promise<InviteWithUse[]> {
  return db
    .select({
      invite: nominationInvites,
      used: sql<number>`(SELECT count(*) FROM nominations n WHERE n.invite_id = "nomination_invites"."id" AND n.status != 'declined')`,
      submitted: sql<number>`(SELECT count(*) FROM nominations n WHERE n.invite_id = "nomination_invites"."id" AND n.status != 'draft')`,
    })
    .from(nominationInvites)
    .where(eq(nominationInvites.campaignId, campaignId))
    .orderBy(asc(nominationInvites.id))
    .then((rows) =>
      rows.map((r) => ({ ...r.invite, used: Number(r.used), submitted: Number(r.submitted) })),
    );
}

export const findInvite = (db: Database, campaignId: number, id: number) =>
  findInCampaign(db, nominationInvites, campaignId, id);

/** The invitation a link's token names, by the token's hash. */
export const findInviteByTokenHash = (db: Database, tokenHash: string) =>
  findByTokenHash(db, nominationInvites, tokenHash);

/** Revokes a link at once; its unit's nominations stay. */
export const revokeInvite = (
  db: Database,
  invite: NominationInvite,
  actor: Organizer,
  now: number,
): Promise<void> =>
  revokeLink(db, nominationInvites, invite, { unit: invite.unit }, "invitation.revoke", actor, now);

/** How many of the invitation's nominations take a quota place. */
export async function quotaUsed(db: Database, inviteId: number): Promise<number> {
  const row = await db
    .select({ n: sql<number>`count(*)` })
    .from(nominations)
    .where(and(eq(nominations.inviteId, inviteId), sql`${nominations.status} != 'declined'`))
    .get();
  return Number(row?.n ?? 0);
}
