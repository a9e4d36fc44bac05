import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { SQLiteUpdateSetSource } from "drizzle-orm/sqlite-core";
import { mediaKey, orphanKeys, UPLOAD_PREFIX } from "../../domain/media";
import { UNIT_EDITABLE } from "../../domain/nomination";
import type { Organizer } from "../../types";
import type { Database } from "../client";
import { type Nomination, type Nominee, nominations, nominees, type StoredPhoto } from "../schema";
import { actorLabel } from "./audit";

/**
 * Photos as rows hold them: a JSON array of {url, caption} on nominations and nominees. Uploads
 * are appended in SQL (json_insert under a length guard), never read-modify-written, so ten
 * concurrent uploads keep all ten up to the cap; R2 objects no row references any more are
 * deleted when a row drops them and, as a backstop, by the scheduled sweep.
 */

/**
 * Changes a nomination the unit may still edit (draft or returned) and, with `guard`, only if that
 * holds too, in one statement: nothing can slip in between the check and the change. Undefined
 * when nothing changed.
 */
export async function updateEditableNomination(
  db: Database,
  nominationId: number,
  set: SQLiteUpdateSetSource<typeof nominations>,
  guard?: SQL,
): Promise<Nomination | undefined> {
  const [row] = await db
    .update(nominations)
    .set(set)
    .where(and(eq(nominations.id, nominationId), inArray(nominations.status, UNIT_EDITABLE), guard))
    .returning();
  return row;
}

/**
 * Appends a photo to an editable nomination unless it already holds `max`. Undefined when nothing
 * changed (full, or no longer editable).
 */
export const appendNominationPhoto = (
  db: Database,
  nominationId: number,
  photo: StoredPhoto,
  max: number,
  now: number,
): Promise<Nomination | undefined> =>
  updateEditableNomination(
    db,
    nominationId,
    {
      photos: sql`json_insert(${nominations.photos}, '$[#]', json(${JSON.stringify(photo)}))`,
      updatedAt: now,
    },
    sql`json_array_length(${nominations.photos}) < ${max}`,
  );

/**
 * Appends a photo to a nominee unless it already holds `max`, with its audit entry in the same
 * batch (written only if the append happened). Undefined when the nominee is full.
 */
export async function appendNomineePhoto(
  db: Database,
  nominee: Nominee,
  photo: StoredPhoto,
  max: number,
  actor: Organizer,
  now: number,
): Promise<Nominee | undefined> {
  const d1 = db.$client;
  const [updated] = await d1.batch<Nominee & { photos: string }>([
    d1
      .prepare(
        `UPDATE nominees SET photos = json_insert(photos, '$[#]', json(?1)), updated_at = ?2
         WHERE id = ?3 AND json_array_length(photos) < ?4
         RETURNING id`,
      )
      .bind(JSON.stringify(photo), now, nominee.id, max),
    d1
      .prepare(
        `INSERT INTO audit_log (campaign_id, actor, action, before, after, created_at)
         SELECT campaign_id, ?1, 'nominee.photo',
           json_object('number', number, 'photos', json_remove(photos, '$[#-1]')),
           json_object('number', number, 'photos', json(photos)), ?2
         FROM nominees WHERE id = ?3 AND changes() = 1`,
      )
      .bind(actorLabel(actor), now, nominee.id),
  ]);
  if (!updated?.results.length) return undefined;
  return db.select().from(nominees).where(eq(nominees.id, nominee.id)).get();
}

/** The photo URLs of a row's list, in order, as one comparable string. */
export function photoUrls(photos: StoredPhoto[]): string {
  return photos.map((p) => p.url).join(" ");
}

/**
 * A guard for replacing a photo list: true only while the row still holds the photos it was read
 * with, so a removal racing an upload does not silently drop the new photo.
 */
export function photosUnchanged(
  column: typeof nominations.photos | typeof nominees.photos,
  was: StoredPhoto[],
) {
  return sql`coalesce((SELECT group_concat(json_extract(value, '$.url'), ' ')
    FROM json_each(${column})), '') = ${photoUrls(was)}`;
}

/** Which of these R2 keys some nominee or nomination still references. */
async function referencedKeys(db: Database, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const { results } = await db.$client
    .prepare(
      `SELECT DISTINCT substr(json_extract(p.value, '$.url'), 8) AS key
       FROM (SELECT photos FROM nominees UNION ALL SELECT photos FROM nominations) AS r,
         json_each(r.photos) AS p
       WHERE json_extract(p.value, '$.url') IN (SELECT '/media/' || value FROM json_each(?1))`,
    )
    .bind(JSON.stringify(keys))
    .all<{ key: string }>();
  return new Set(results.map((r) => r.key));
}

/**
 * Deletes from R2 the uploads among `dropped` (photo URLs a row no longer holds) that no other
 * row references (an accepted nomination shares its photos with its nominee, a copied campaign
 * with its source). Returns the deleted keys. Best effort: the sweep catches any left over.
 */
export async function discardPhotos(
  db: Database,
  bucket: R2Bucket,
  dropped: string[],
): Promise<string[]> {
  const keys = dropped.flatMap((url) => {
    const key = mediaKey(url);
    return key?.startsWith(UPLOAD_PREFIX) ? [key] : [];
  });
  if (keys.length === 0) return [];
  const kept = await referencedKeys(db, keys);
  const gone = [...new Set(keys.filter((k) => !kept.has(k)))];
  if (gone.length) await bucket.delete(gone);
  return gone;
}

/** URLs in `before` that `after` no longer holds. */
export function droppedUrls(before: StoredPhoto[], after: StoredPhoto[]): string[] {
  const still = new Set(after.map((p) => p.url));
  return before.map((p) => p.url).filter((u) => !still.has(u));
}

/** Every R2 key under the upload prefix that some row references. */
async function allReferencedUploads(db: Database): Promise<Set<string>> {
  const { results } = await db.$client
    .prepare(
      `SELECT DISTINCT substr(json_extract(p.value, '$.url'), 8) AS key
       FROM (SELECT photos FROM nominees UNION ALL SELECT photos FROM nominations) AS r,
         json_each(r.photos) AS p
       WHERE json_extract(p.value, '$.url') LIKE ?1`,
    )
    .bind(`/media/${UPLOAD_PREFIX}%`)
    .all<{ key: string }>();
  return new Set(results.map((r) => r.key));
}

/**
 * The scheduled sweep: uploads (R2 keys under the upload prefix) that no nominee or nomination
 * references and that are older than the grace period (an upload is stored before its row is
 * written). Bounded per run: at most `pages` listings of 1,000 objects; the cursor is not kept,
 * so a large backlog shrinks run by run from the start of the prefix. Returns the deleted keys.
 */
export async function sweepOrphanPhotos(
  db: Database,
  bucket: R2Bucket,
  now: number,
  pages = 5,
): Promise<string[]> {
  const referenced = await allReferencedUploads(db);
  const deleted: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < pages; page++) {
    const listed = await bucket.list({ prefix: UPLOAD_PREFIX, limit: 1000, cursor });
    const orphans = orphanKeys(
      listed.objects.map((o) => ({ key: o.key, uploaded: o.uploaded.getTime() })),
      referenced,
      now,
    );
    if (orphans.length) {
      await bucket.delete(orphans);
      deleted.push(...orphans);
    }
    if (!listed.truncated) break;
    cursor = listed.cursor;
  }
  return deleted;
}
