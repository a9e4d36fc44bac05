import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { NominationStatus, ReviewDecision } from "../../domain/nomination";
import { REVIEW_RESULT, UNIT_EDITABLE } from "../../domain/nomination";
import type { Organizer } from "../../types";
import type { Database } from "../client";
import {
  auditLog,
  type Campaign,
  type Nomination,
  type NominationInvite,
  nominationInvites,
  nominations,
  nominees,
} from "../schema";
import { actorLabel, audited } from "./audit";
import { firstRow } from "./campaign-rows";
import { photosUnchanged, updateEditableNomination } from "./photos";
import { type ProfileFields, profileValues } from "./sent-fields";

/** The fields a unit fills in. */
export type NominationContent = ProfileFields;

/** The audit actor for what a unit does through its link. */
const unitActor = (invite: NominationInvite) => `${invite.unit} (unit, link)`;

export type UnitNomination = Nomination & { number: number | null };

/**
 * A unit's own nominations, newest first, with the nominee number of accepted ones: the link
 * never shows anyone else's.
 */
export async function listUnitNominations(
  db: Database,
  inviteId: number,
): Promise<UnitNomination[]> {
  const rows = await db
    .select({ n: nominations, number: nominees.number })
    .from(nominations)
    .leftJoin(nominees, eq(nominees.id, nominations.nomineeId))
    .where(eq(nominations.inviteId, inviteId))
    .orderBy(desc(nominations.id));
  return rows.map((r) => ({ ...r.n, number: r.number ?? null }));
}

/** One of the unit's nominations; undefined for another unit's id. */
export const findUnitNomination = (db: Database, inviteId: number, id: number) =>
  firstRow(db, nominations, and(eq(nominations.inviteId, inviteId), eq(nominations.id, id)));

/**
 * Starts a draft if the unit still has a quota place: the count and the insert are one
 * statement, so two phones saving at once cannot both take the last place. Undefined when full.
 */
export async function createNomination(
  db: Database,
  invite: NominationInvite,
  content: NominationContent,
  now: number,
): Promise<Nomination | undefined> {
  const c = {
    name: content.name ?? "",
    position: content.position ?? "",
    unit: content.unit ?? invite.unit,
    group: content.group ?? invite.groupName,
    headline: content.headline ?? "",
    story: JSON.stringify(content.story ?? []),
    photos: JSON.stringify(content.photos ?? []),
  };
  const row = await db.get<{ id: number }>(sql`
    INSERT INTO nominations (campaign_id, invite_id, status, name, position, unit, group_name,
      headline, story, photos, created_at, updated_at)
    SELECT ${invite.campaignId}, ${invite.id}, 'draft', ${c.name}, ${c.position}, ${c.unit},
      ${c.group}, ${c.headline}, ${c.story}, ${c.photos}, ${now}, ${now}
    WHERE (SELECT count(*) FROM nominations WHERE invite_id = ${invite.id} AND status != 'declined')
      < (SELECT quota FROM nomination_invites WHERE id = ${invite.id})
    RETURNING id`);
  if (!row) return undefined;
  return findUnitNomination(db, invite.id, row.id);
}

/** Autosave: changes a draft or returned nomination; undefined if it is no longer editable. */
export async function updateNomination(
  db: Database,
  nomination: Nomination,
  content: NominationContent,
  now: number,
): Promise<Nomination | undefined> {
  // A new photo list replaces the one read: only if no upload landed in between.
  return updateEditableNomination(
    db,
    nomination.id,
    { ...profileValues(content), updatedAt: now },
    content.photos ? photosUnchanged(nominations.photos, nomination.photos) : undefined,
  );
}

/** Deletes a draft (never a submitted nomination). */
export async function deleteDraft(db: Database, nomination: Nomination): Promise<boolean> {
  const rows = await db
    .delete(nominations)
    .where(and(eq(nominations.id, nomination.id), eq(nominations.status, "draft")))
    .returning({ id: nominations.id });
  return rows.length === 1;
}

/** Submits for review, recorded in the audit log under the unit's name in the same batch. */
export async function submitNomination(
  db: Database,
  invite: NominationInvite,
  nomination: Nomination,
  now: number,
): Promise<Nomination | undefined> {
  const [updated] = await db.batch([
    db
      .update(nominations)
      .set({ status: "submitted", submittedAt: now, updatedAt: now })
      .where(and(eq(nominations.id, nomination.id), inArray(nominations.status, UNIT_EDITABLE)))
      .returning(),
    db.insert(auditLog).values({
      campaignId: invite.campaignId,
      actor: unitActor(invite),
      action: "nomination.submit",
      before: { id: nomination.id, status: nomination.status },
      after: { id: nomination.id, status: "submitted", name: nomination.name },
      createdAt: now,
    }),
  ]);
  // A nomination that was not editable any more changed nothing (the audit row says "tried").
  return updated[0];
}

export type ReviewItem = Nomination & { inviteUnit: string };

/** The review queue: every nomination that left draft, submitted ones first, oldest first. */
export async function listForReview(db: Database, campaignId: number): Promise<ReviewItem[]> {
  const rows = await db
    .select({ n: nominations, inviteUnit: nominationInvites.unit })
    .from(nominations)
    .innerJoin(nominationInvites, eq(nominationInvites.id, nominations.inviteId))
    .where(and(eq(nominations.campaignId, campaignId), sql`${nominations.status} != 'draft'`))
    .orderBy(
      sql`CASE ${nominations.status} WHEN 'submitted' THEN 0 WHEN 'returned' THEN 1 ELSE 2 END`,
      asc(nominations.submittedAt),
      asc(nominations.id),
    );
  return rows.map((r) => ({ ...r.n, inviteUnit: r.inviteUnit }));
}

export async function findNomination(
  db: Database,
  campaignId: number,
  id: number,
): Promise<ReviewItem | undefined> {
  const row = await db
    .select({ n: nominations, inviteUnit: nominationInvites.unit })
    .from(nominations)
    .innerJoin(nominationInvites, eq(nominationInvites.id, nominations.inviteId))
    .where(and(eq(nominations.campaignId, campaignId), eq(nominations.id, id)))
    .get();
  return row ? { ...row.n, inviteUnit: row.inviteUnit } : undefined;
}

/**
 * Records the organizer's decision on a submitted nomination with its audit entry, in one batch.
 * Accepting creates the nominee with the next free number (the nominating unit is the link's),
 * so numbers already shared never change. Returns the new status and the nominee's number, or
 * undefined when the nomination was decided meanwhile.
 */
export async function decideNomination(
  db: Database,
  campaign: Campaign,
  item: ReviewItem,
  decision: ReviewDecision,
  comment: string,
  actor: Organizer,
  now: number,
): Promise<{ status: NominationStatus; number: number | null } | undefined> {
  const status = REVIEW_RESULT[decision];
  const by = actorLabel(actor);
  const guard = and(eq(nominations.id, item.id), eq(nominations.status, "submitted"));
  if (decision !== "accept") {
    const updated = await audited(
      db,
      db
        .update(nominations)
        .set({ status, reviewComment: comment, decidedAt: now, decidedBy: by, updatedAt: now })
        .where(guard)
        .returning(),
      {
        campaignId: campaign.id,
        actor,
        action: `nomination.${decision}`,
        before: { id: item.id, name: item.name, unit: item.inviteUnit, status: item.status },
        after: { id: item.id, name: item.name, status, comment },
        now,
      },
    );
    return updated[0] ? { status, number: null } : undefined;
  }
  const d1 = db.$client;
  await d1.batch([
    d1
      .prepare(
        `INSERT INTO nominees (campaign_id, number, name, position, unit, group_name, headline,
           story, photos, nominating_unit, created_at, updated_at)
         SELECT ?1, (SELECT coalesce(max(number), 0) + 1 FROM nominees WHERE campaign_id = ?1),
           n.name, n.position, n.unit, n.group_name, n.headline, n.story, n.photos, i.unit, ?2, ?2
         FROM nominations n JOIN nomination_invites i ON i.id = n.invite_id
         WHERE n.id = ?3 AND n.status = 'submitted'`,
      )
      .bind(campaign.id, now, item.id),
    // changes() = 1: only if the nominee above was just created, so last_insert_rowid() is it.
    d1
      .prepare(
        `UPDATE nominations SET status = 'accepted', nominee_id = last_insert_rowid(),
           review_comment = ?1, decided_at = ?2, decided_by = ?3, updated_at = ?2
         WHERE id = ?4 AND status = 'submitted' AND changes() = 1`,
      )
      .bind(comment, now, by, item.id),
    d1
      .prepare(
        `INSERT INTO audit_log (campaign_id, actor, action, before, after, created_at)
         SELECT ?1, ?2, 'nomination.accept',
           json_object('id', ?3, 'name', ?4, 'unit', ?5, 'status', 'submitted'),
           json_object('id', ?3, 'status', 'accepted', 'number', m.number, 'comment', ?6), ?7
         FROM nominations n JOIN nominees m ON m.id = n.nominee_id
         WHERE n.id = ?3 AND n.decided_at = ?7 AND changes() = 1`,
      )
      .bind(campaign.id, by, item.id, item.name, item.inviteUnit, comment, now),
  ]);
  // Decided by this request only if it carries this request's time.
  const after = await db
    .select({
      status: nominations.status,
      nomineeId: nominations.nomineeId,
      decidedAt: nominations.decidedAt,
    })
    .from(nominations)
    .where(eq(nominations.id, item.id))
    .get();
  if (after?.status !== "accepted" || after.decidedAt !== now) return undefined;
  const nominee = await db.get<{ number: number }>(
    sql`SELECT number FROM nominees WHERE id = ${after.nomineeId}`,
  );
  return { status: "accepted", number: nominee?.number ?? null };
}

/**
 * Puts a declined nomination back in the review queue (submitted), the reason as the comment the
 * unit reads, with its audit entry in the same batch. Undefined when it was no longer declined.
 */
export async function reopenNomination(
  db: Database,
  campaign: Campaign,
  item: ReviewItem,
  reason: string,
  actor: Organizer,
  now: number,
): Promise<Nomination | undefined> {
  const updated = await audited(
    db,
    db
      .update(nominations)
      .set({
        status: "submitted",
        reviewComment: reason,
        decidedAt: null,
        decidedBy: null,
        updatedAt: now,
      })
      .where(and(eq(nominations.id, item.id), eq(nominations.status, "declined")))
      .returning(),
    {
      campaignId: campaign.id,
      actor,
      action: "nomination.reopen",
      before: { id: item.id, name: item.name, unit: item.inviteUnit, status: item.status },
      after: { id: item.id, name: item.name, status: "submitted", reason },
      now,
    },
  );
  return updated[0];
}
