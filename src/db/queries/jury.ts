import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Organizer } from "../../types";
import type { Database } from "../client";
import { type Campaign, type Juror, jurorScores, jurors, type Nominee, nominees } from "../schema";
import { audited } from "./audit";
import { findByTokenHash, findInCampaign, revokeLink } from "./campaign-rows";

/** Adds a juror with a personal link (stored as its hash), audit-logged in the same batch. */
export async function createJuror(
  db: Database,
  campaign: Campaign,
  input: { name: string; expiresAt: number },
  tokenHash: string,
  actor: Organizer,
  now: number,
): Promise<Juror> {
  const created = await audited(
    db,
    db
      .insert(jurors)
      .values({
        campaignId: campaign.id,
        name: input.name,
        tokenHash,
        expiresAt: input.expiresAt,
        createdAt: now,
      })
      .returning(),
    {
      campaignId: campaign.id,
      actor,
      action: "juror.create",
      after: { name: input.name, expiresAt: input.expiresAt },
      now,
    },
  );
  const row = created[0];
  if (!row) throw new Error("juror not created");
  return row;
}

export type JurorWithProgress = Juror & { scored: number };

/** The panel with how many nominees each juror has scored (never the scores themselves). */
export async function listJurors(db: Database, campaignId: number): Promise<JurorWithProgress[]> {
  const rows = await db
    .select({
      juror: jurors,
      scored: sql<number>`(SELECT count(*) FROM juror_scores s WHERE s.juror_id = "jurors"."id")`,
    })
    .from(jurors)
    .where(eq(jurors.campaignId, campaignId))
    .orderBy(asc(jurors.id));
  return rows.map((r) => ({ ...r.juror, scored: Number(r.scored) }));
}

export const findJuror = (db: Database, campaignId: number, id: number) =>
  findInCampaign(db, jurors, campaignId, id);

export const findJurorByTokenHash = (db: Database, tokenHash: string) =>
  findByTokenHash(db, jurors, tokenHash);

/** A new link for the same juror (a lost phone): the old link stops working, scores stay. */
export async function renewJurorLink(
  db: Database,
  juror: Juror,
  tokenHash: string,
  expiresAt: number,
  actor: Organizer,
  now: number,
) {
  await audited(
    db,
    db.update(jurors).set({ tokenHash, expiresAt }).where(eq(jurors.id, juror.id)),
    {
      campaignId: juror.campaignId,
      actor,
      action: "juror.link",
      before: { name: juror.name, expiresAt: juror.expiresAt },
      after: { name: juror.name, expiresAt },
      now,
    },
  );
}

export const revokeJuror = (db: Database, juror: Juror, actor: Organizer, now: number) =>
  revokeLink(db, jurors, juror, { name: juror.name }, "juror.revoke", actor, now);

/** A row of a juror's sheet: the nominee as the table holds it, and this juror's score. */
export type SheetRow = Pick<Nominee, "number" | "name" | "position" | "unit" | "headline"> & {
  group: string;
  score: number | null;
  note: string;
};

/** A juror's own sheet: every nominee with this juror's score, and nobody else's. */
export async function jurorSheet(db: Database, juror: Juror): Promise<SheetRow[]> {
  const rows = await db
    .select({
      number: nominees.number,
      name: nominees.name,
      position: nominees.position,
      unit: nominees.unit,
      group: nominees.groupName,
      headline: nominees.headline,
      score: jurorScores.score,
      note: jurorScores.note,
    })
    .from(nominees)
    .leftJoin(
      jurorScores,
      and(eq(jurorScores.nomineeId, nominees.id), eq(jurorScores.jurorId, juror.id)),
    )
    .where(eq(nominees.campaignId, juror.campaignId))
    .orderBy(asc(nominees.number));
  return rows.map((r) => ({ ...r, score: r.score ?? null, note: r.note ?? "" }));
}

/**
 * Saves (or changes) a juror's score. The checks are in the statement itself, so a score can never
 * land after scoring was closed, the campaign published or the link revoked, whatever the timing:
 * "saved", or why not.
 */
export async function saveScore(
  db: Database,
  juror: Juror,
  number: number,
  score: number,
  note: string,
  now: number,
): Promise<"saved" | "closed" | "not_found"> {
  const row = await db.get<{ score: number }>(sql`
    INSERT INTO juror_scores (juror_id, nominee_id, campaign_id, score, note, updated_at)
    SELECT ${juror.id}, n.id, n.campaign_id, CAST(${score} AS INTEGER), ${note}, ${now}
    FROM nominees n JOIN campaigns c ON c.id = n.campaign_id
    WHERE n.campaign_id = ${juror.campaignId} AND n.number = ${number}
      AND c.published_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM selection_settings s
                      WHERE s.campaign_id = n.campaign_id AND s.scoring_closed_at IS NOT NULL)
      AND EXISTS (SELECT 1 FROM jurors j WHERE j.id = ${juror.id} AND j.revoked_at IS NULL
                  AND j.expires_at > ${now})
    ON CONFLICT (juror_id, nominee_id) DO UPDATE
      SET score = excluded.score, note = excluded.note, updated_at = excluded.updated_at
    RETURNING score`);
  if (row) return "saved";
  const exists = await db
    .select({ id: nominees.id })
    .from(nominees)
    .where(and(eq(nominees.campaignId, juror.campaignId), eq(nominees.number, number)))
    .get();
  return exists ? "closed" : "not_found";
}

export interface ScoreRow {
  jurorId: number;
  jurorName: string;
  number: number;
  score: number;
  note: string;
}

/** Every score of the campaign, for the organizer after closing and for the combined result. */
export async function allScores(db: Database, campaignId: number): Promise<ScoreRow[]> {
  return (
    db
      .select({
        jurorId: jurors.id,
        jurorName: jurors.name,
        number: nominees.number,
        score: jurorScores.score,
        note: jurorScores.note,
      })
      .from(jurorScores)
      .innerJoin(jurors, eq(jurors.id, jurorScores.jurorId))
      .innerJoin(nominees, eq(nominees.id, jurorScores.nomineeId))
      // A revoked juror has left the panel: their scores no longer count.
      .where(and(eq(jurorScores.campaignId, campaignId), isNull(jurors.revokedAt)))
      .orderBy(asc(nominees.number), asc(jurors.id))
  );
}

/** Who has scored whom (no values): for "missing scores" while scoring is open. */
export async function scoreCells(
  db: Database,
  campaignId: number,
): Promise<{ jurorId: number; number: number }[]> {
  return db
    .select({ jurorId: jurorScores.jurorId, number: nominees.number })
    .from(jurorScores)
    .innerJoin(nominees, eq(nominees.id, jurorScores.nomineeId))
    .where(eq(jurorScores.campaignId, campaignId));
}
