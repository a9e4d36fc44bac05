import type { Context } from "hono";
import { Hono } from "hono";
import {
  createNomination,
  deleteDraft,
  findUnitNomination,
  listUnitNominations,
  submitNomination,
  updateNomination,
} from "../../db/queries/nominations";
import { appendNominationPhoto, discardPhotos, droppedUrls } from "../../db/queries/photos";
import { findCampaignById, getSelectionSettings } from "../../db/queries/selection";
import type { Campaign, Nomination, NominationInvite, SelectionSettings } from "../../db/schema";
import { MAX_NOMINATION_PHOTOS, UPLOAD_PREFIX } from "../../domain/media";
import { missingForSubmit, nominationsOpen, unitCanEdit } from "../../domain/nomination";
import { isoInZone } from "../../domain/time";
import { ApiError } from "../../errors";
import type { AppEnv } from "../../types";
import { readJson } from "../../validators/json-body";
import { NominationContent } from "../../validators/selection";
import { unitNomination } from "../../views/selection-json";
import { requireInviteLink } from "../link-loader";
import { removeStoredPhoto, storeUploadedPhoto } from "../media";

/**
 * A nominating unit's API behind its invitation link (`/api/nominate/:token/…`). The link is the
 * credential, checked (expiry, revocation) on every request, and reaches only that unit's own
 * nominations: another unit's id is simply not found. Writes need the nomination phase open.
 */

interface UnitContext {
  invite: NominationInvite;
  campaign: Campaign;
  settings: SelectionSettings;
}

/** The link's invitation, campaign and settings (404/410 for a bad link). */
export async function loadUnit(c: Context<AppEnv>): Promise<UnitContext> {
  const invite = await requireInviteLink(c, c.req.param("token") ?? "");
  const [campaign, settings] = await Promise.all([
    findCampaignById(c.var.db, invite.campaignId),
    getSelectionSettings(c.var.db, invite.campaignId),
  ]);
  if (!campaign) throw new ApiError(404, "link_not_found", "No such link.");
  return { invite, campaign, settings };
}

function requireOpen(u: UnitContext): void {
  if (!nominationsOpen(u.settings.nominationsCloseAt, Date.now()))
    throw new ApiError(403, "nominations_closed", "Nominations are not open for this campaign.");
}

async function loadNomination(c: Context<AppEnv>, u: UnitContext): Promise<Nomination> {
  const id = Number(c.req.param("id"));
  const found =
    Number.isSafeInteger(id) && id > 0
      ? await findUnitNomination(c.var.db, u.invite.id, id)
      : undefined;
  if (!found) throw new ApiError(404, "nomination_not_found", "No such nomination for this unit.");
  return found;
}

function tooManyPhotos(): ApiError {
  return new ApiError(
    409,
    "too_many_photos",
    `At most ${MAX_NOMINATION_PHOTOS} photos per nomination: remove one before adding another.`,
  );
}

function requireEditable(n: Nomination): void {
  if (!unitCanEdit(n.status))
    throw new ApiError(
      409,
      "invalid_state",
      `This nomination is ${n.status} and can no longer be changed.`,
    );
}

/** Photos in a PATCH may only be ones already uploaded to this nomination. */
function checkPhotos(n: Nomination, content: NominationContent): void {
  if (!content.photos) return;
  const own = new Set(n.photos.map((p) => p.url));
  if (content.photos.some((p) => !own.has(p.url)))
    throw new ApiError(
      400,
      "invalid_body",
      "photos: upload photos; only uploaded ones can be kept",
    );
}

async function overview(c: Context<AppEnv>, u: UnitContext) {
  const zone = u.campaign.timeZone;
  const items = await listUnitNominations(c.var.db, u.invite.id);
  const used = items.filter((n) => n.status !== "declined").length;
  return {
    unit: u.invite.unit,
    group: u.invite.groupName,
    campaign: { slug: u.campaign.slug, title: u.campaign.title, organizer: u.campaign.organizer },
    quota: u.invite.quota,
    used,
    remaining: Math.max(0, u.invite.quota - used),
    nominationsOpen: nominationsOpen(u.settings.nominationsCloseAt, Date.now()),
    nominationsCloseAt:
      u.settings.nominationsCloseAt === null
        ? null
        : isoInZone(u.settings.nominationsCloseAt, zone),
    expiresAt: isoInZone(u.invite.expiresAt, zone),
    nominations: items.map((n) => unitNomination(n, zone)),
  };
}

export const nominateApi = new Hono<AppEnv>()
  .get("/:token", async (c) => {
    c.header("Cache-Control", "no-store");
    return c.json(await overview(c, await loadUnit(c)));
  })
  .post("/:token/nominations", async (c) => {
    const u = await loadUnit(c);
    requireOpen(u);
    const content = await readJson(c, NominationContent);
    if (content.photos?.length)
      throw new ApiError(400, "invalid_body", "photos: upload photos after saving the draft");
    const created = await createNomination(c.var.db, u.invite, content, Date.now());
    if (!created)
      throw new ApiError(
        409,
        "quota_exhausted",
        `This unit may put forward at most ${u.invite.quota} nomination(s).`,
      );
    return c.json(unitNomination({ ...created, number: null }, u.campaign.timeZone), 201);
  })
  .get("/:token/nominations/:id", async (c) => {
    const u = await loadUnit(c);
    const n = await loadNomination(c, u);
    const number = (await listUnitNominations(c.var.db, u.invite.id)).find(
      (x) => x.id === n.id,
    )?.number;
    c.header("Cache-Control", "no-store");
    return c.json(unitNomination({ ...n, number: number ?? null }, u.campaign.timeZone));
  })
  .patch("/:token/nominations/:id", async (c) => {
    const u = await loadUnit(c);
    requireOpen(u);
    const n = await loadNomination(c, u);
    requireEditable(n);
    const content = await readJson(c, NominationContent);
    checkPhotos(n, content);
    const updated = await updateNomination(c.var.db, n, content, Date.now());
    if (!updated)
      throw new ApiError(
        409,
        "invalid_state",
        content.photos
          ? "The photos changed meanwhile (another upload?): reload and try again."
          : "This nomination can no longer be changed.",
      );
    if (content.photos)
      await discardPhotos(c.var.db, c.env.MEDIA, droppedUrls(n.photos, updated.photos));
    return c.json(unitNomination({ ...updated, number: null }, u.campaign.timeZone));
  })
  .delete("/:token/nominations/:id", async (c) => {
    const u = await loadUnit(c);
    const n = await loadNomination(c, u);
    if (n.status !== "draft" || !(await deleteDraft(c.var.db, n)))
      throw new ApiError(409, "invalid_state", "Only drafts can be deleted.");
    await discardPhotos(
      c.var.db,
      c.env.MEDIA,
      n.photos.map((p) => p.url),
    );
    return c.body(null, 204);
  })
  .post("/:token/nominations/:id/submit", async (c) => {
    const u = await loadUnit(c);
    requireOpen(u);
    const n = await loadNomination(c, u);
    requireEditable(n);
    const missing = missingForSubmit(n);
    if (missing.length)
      throw new ApiError(
        400,
        "incomplete",
        `Fill in before submitting: ${missing.join(", ")}`,
        {},
        { fields: missing },
      );
    const submitted = await submitNomination(c.var.db, u.invite, n, Date.now());
    if (!submitted)
      throw new ApiError(409, "invalid_state", "This nomination can no longer be submitted.");
    return c.json(unitNomination({ ...submitted, number: null }, u.campaign.timeZone));
  })
  .post("/:token/nominations/:id/photos", async (c) => {
    const u = await loadUnit(c);
    requireOpen(u);
    const n = await loadNomination(c, u);
    requireEditable(n);
    if (n.photos.length >= MAX_NOMINATION_PHOTOS) throw tooManyPhotos();
    const photo = await storeUploadedPhoto(
      c,
      `${UPLOAD_PREFIX}${u.campaign.slug}/nominations/${n.id}`,
    );
    // Appended in SQL under the cap: concurrent uploads all land (up to the cap), none is lost.
    const updated = await appendNominationPhoto(
      c.var.db,
      n.id,
      photo,
      MAX_NOMINATION_PHOTOS,
      Date.now(),
    );
    if (!updated) {
      await removeStoredPhoto(c, photo.url);
      const current = await findUnitNomination(c.var.db, u.invite.id, n.id);
      if (current && unitCanEdit(current.status)) throw tooManyPhotos();
      throw new ApiError(409, "invalid_state", "This nomination can no longer be changed.");
    }
    return c.json(unitNomination({ ...updated, number: null }, u.campaign.timeZone), 201);
  });
