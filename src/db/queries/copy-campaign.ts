import { and, eq, isNull } from "drizzle-orm";
import { copiedCampaign, copiedLinkExpiry } from "../../domain/campaign-copy";
import type { Organizer } from "../../types";
import type { Database } from "../client";
import { type Campaign, campaigns, jurors, nominationInvites } from "../schema";
import { actorLabel, auditStatement } from "./audit";

export interface CopyInput {
  slug: string;
  title?: string;
  includeNominees: boolean;
}

/** A unit's or juror's new link: the token goes back to the organizer once, the hash is stored. */
export interface NewLink {
  name: string;
  token: string;
  tokenHash: string;
}

/** What the source has to copy: live (not revoked) units and jurors. */
export async function copySources(db: Database, source: Campaign) {
  const [invites, panel] = await Promise.all([
    db
      .select()
      .from(nominationInvites)
      .where(and(eq(nominationInvites.campaignId, source.id), isNull(nominationInvites.revokedAt)))
      .orderBy(nominationInvites.id),
    db
      .select()
      .from(jurors)
      .where(and(eq(jurors.campaignId, source.id), isNull(jurors.revokedAt)))
      .orderBy(jurors.id),
  ]);
  return { invites, jurors: panel };
}

/**
 * Copies a campaign into a new draft in one batch (all or nothing): the campaign row, its
 * selection settings (scoring not closed), units and jurors with the new links' hashes, the
 * nominees if asked (no likes, no 当选), and one audit entry on each campaign. The statements
 * after the first find the new campaign by its slug. Null when the slug is taken.
 */
export async function copyCampaign(
  db: Database,
  source: Campaign,
  input: CopyInput,
  links: { invites: NewLink[]; jurors: NewLink[] },
  sources: Awaited<ReturnType<typeof copySources>>,
  actor: Organizer,
  now: number,
): Promise<Campaign | null> {
  const values = copiedCampaign(source, input, now);
  const d1 = db.$client;
  const newId = "(SELECT id FROM campaigns WHERE slug = ?1)";
  const expiresAt = copiedLinkExpiry(source.closesAt, now);
  const statements = [
    d1
      .prepare(
        `INSERT INTO selection_settings (campaign_id, nominations_close_at, default_quota,
           weight_public, public_method, scoring_closed_at, updated_at)
         SELECT ${newId}, nominations_close_at, default_quota, weight_public, public_method, NULL, ?2
         FROM selection_settings WHERE campaign_id = ?3`,
      )
      .bind(input.slug, now, source.id),
    ...sources.invites.map((invite, i) =>
      d1
        .prepare(
          `INSERT INTO nomination_invites (campaign_id, unit, group_name, contact, token_hash,
             quota, expires_at, created_at)
           VALUES (${newId}, ?2, ?3, ?4, ?5, ?6, ?7, ?8)`,
        )
        .bind(
          input.slug,
          invite.unit,
          invite.groupName,
          invite.contact,
          links.invites[i]?.tokenHash ?? "",
          invite.quota,
          expiresAt,
          now,
        ),
    ),
    ...sources.jurors.map((juror, i) =>
      d1
        .prepare(
          `INSERT INTO jurors (campaign_id, name, token_hash, expires_at, created_at)
           VALUES (${newId}, ?2, ?3, ?4, ?5)`,
        )
        .bind(input.slug, juror.name, links.jurors[i]?.tokenHash ?? "", expiresAt, now),
    ),
    ...(input.includeNominees
      ? [
          d1
            .prepare(
              `INSERT INTO nominees (campaign_id, number, name, position, unit, group_name,
                 headline, story, photos, nominating_unit, created_at, updated_at)
               SELECT ${newId}, number, name, position, unit, group_name, headline, story, photos,
                 nominating_unit, ?2, ?2
               FROM nominees WHERE campaign_id = ?3 ORDER BY number`,
            )
            .bind(input.slug, now, source.id),
        ]
      : []),
    d1
      .prepare(
        `INSERT INTO audit_log (campaign_id, actor, action, before, after, created_at)
         VALUES (${newId}, ?2, 'campaign.copy', json_object('from', ?3), json(?4), ?5)`,
      )
      .bind(
        input.slug,
        actorLabel(actor),
        source.slug,
        JSON.stringify({
          slug: input.slug,
          title: values.title,
          units: sources.invites.length,
          jurors: sources.jurors.length,
          nominees: input.includeNominees,
        }),
        now,
      ),
  ];
  // Drizzle writes the campaign row (every column, whatever later migrations add); the rest are
  // plain statements in the same D1 batch, so it stays one transaction.
  const insert = db.insert(campaigns).values(values).toSQL();
  const sourceAudit = auditStatement(db, {
    campaignId: source.id,
    actor,
    action: "campaign.copy",
    after: { to: input.slug, nominees: input.includeNominees },
    now,
  }).toSQL();
  try {
    await d1.batch([
      d1.prepare(insert.sql).bind(...insert.params),
      d1.prepare(sourceAudit.sql).bind(...sourceAudit.params),
      ...statements,
    ]);
  } catch (error) {
    if (/UNIQUE constraint failed: campaigns\.slug/i.test(String(error))) return null;
    throw error;
  }
  return (await db.select().from(campaigns).where(eq(campaigns.slug, input.slug)).get()) ?? null;
}
