import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Organizer } from "../../types";
import type { Database } from "../client";
import { type Campaign, type NominationInvite, nominationInvites, nominations } from "../schema";
import { auditStatement } from "./audit";

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
  const [created] = await db.batch([
    db.insert(nominationInvites).values(values).returning(),
    auditStatement(db, {
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
    }),
  ]);
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

export async function findInvite(
  db: Database,
  campaignId: number,
  id: number,
): Promise<NominationInvite | undefined> {
  return db
    .select()
    .from(nominationInvites)
    .where(and(eq(nominationInvites.campaignId, campaignId), eq(nominationInvites.id, id)))
    .get();
}

/** The invitation a link's token names, by the token's hash. */
export async function findInviteByTokenHash(
  db: Database,
  tokenHash: string,
): Promise<NominationInvite | undefined> {
  return db
    .select()
    .from(nominationInvites)
    .where(eq(nominationInvites.tokenHash, tokenHash))
    .get();
}

/** Revokes a link at once; its unit's nominations stay. */
export async function revokeInvite(
  db: Database,
  invite: NominationInvite,
  actor: Organizer,
  now: number,
): Promise<void> {
  await db.batch([
    db
      .update(nominationInvites)
      .set({ revokedAt: now })
      .where(and(eq(nominationInvites.id, invite.id), isNull(nominationInvites.revokedAt))),
    auditStatement(db, {
      campaignId: invite.campaignId,
      actor,
      action: "invitation.revoke",
      before: { unit: invite.unit, revokedAt: invite.revokedAt },
      after: { unit: invite.unit, revokedAt: now },
      now,
    }),
  ]);
}

/** How many of the invitation's nominations take a quota place. */
export async function quotaUsed(db: Database, inviteId: number): Promise<number> {
  const row = await db
    .select({ n: sql<number>`count(*)` })
    .from(nominations)
    .where(and(eq(nominations.inviteId, inviteId), sql`${nominations.status} != 'declined'`))
    .get();
  return Number(row?.n ?? 0);
}
