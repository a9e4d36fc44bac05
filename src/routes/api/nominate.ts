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
import type { Nomination } from "../../db/schema";
import { BODY_BYTES } from "../../domain/body-limits";
import { MAX_NOMINATION_PHOTOS, UPLOAD_PREFIX } from "../../domain/media";
import { missingForSubmit, nominationsOpen, unitCanEdit } from "../../domain/nomination";
import { isoInZone } from "../../domain/time";
import { ApiError } from "../../errors";
import type { AppEnv, UnitContext } from "../../types";
import { validate } from "../../validators/hook";
import { IdParams } from "../../validators/params";
import { NominationContent } from "../../validators/selection";
import { unitNomination } from "../../views/selection-json";
import { maxBody } from "../shared/body-limit";
import { loadUnit, unitLink } from "../shared/links";
import { addUploadedPhoto, photoBody, photoQuery, tooManyPhotos } from "../shared/uploads";

/**
 * A nominating unit's API behind its invitation link (`/api/nominate/:token/…`). The link is the
 * credential, checked (expiry, revocation) on every request, and reaches only that unit's own
 * nominations: another unit's id is simply not found. Writes need the nomination phase open.
 */

function requireOpen(u: UnitContext): void {
  if (!nominationsOpen(u.settings.nominationsCloseAt, Date.now()))
    throw new ApiError(403, "nominations_closed", "Nominations are not open for this campaign.");
}

const NO_NOMINATION = { status: 404, message: "No such nomination for this unit." } as const;

const nominationId = validate("param", IdParams, "nomination_not_found", NO_NOMINATION);

async function loadNomination(c: Context<AppEnv>, u: UnitContext, id: number): Promise<Nomination> {
  const found = await findUnitNomination(c.var.db, u.invite.id, id);
  if (!found) throw new ApiError(404, "nomination_not_found", NO_NOMINATION.message);
  return found;
}

/** A nomination the unit may still change, while nominations are open. */
async function loadEditable(c: Context<AppEnv>, u: UnitContext, id: number): Promise<Nomination> {
  requireOpen(u);
  const n = await loadNomination(c, u, id);
  requireEditable(n);
  return n;
}

/** A nomination as its unit sees it right after a write (numbers come only with acceptance). */
function written(u: UnitContext, n: Nomination) {
  return unitNomination({ ...n, number: null }, u.campaign.timeZone);
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
  // A nomination's text (photos declare their own, larger allowance).
  .use(maxBody(BODY_BYTES.console))
  .get("/:token", async (c) => {
    c.header("Cache-Control", "no-store");
    return c.json(await overview(c, await loadUnit(c)));
  })
  .post("/:token/nominations", unitLink, validate("json", NominationContent), async (c) => {
    const u = c.var.unit;
    requireOpen(u);
    const content = c.req.valid("json");
    if (content.photos?.length)
      throw new ApiError(400, "invalid_body", "photos: upload photos after saving the draft");
    const created = await createNomination(c.var.db, u.invite, content, Date.now());
    if (!created)
      throw new ApiError(
        409,
        "quota_exhausted",
        `This unit may put forward at most ${u.invite.quota} nomination(s).`,
      );
    return c.json(written(u, created), 201);
  })
  .get("/:token/nominations/:id", unitLink, nominationId, async (c) => {
    const u = c.var.unit;
    const n = await loadNomination(c, u, c.req.valid("param").id);
    const number = (await listUnitNominations(c.var.db, u.invite.id)).find(
      (x) => x.id === n.id,
    )?.number;
    c.header("Cache-Control", "no-store");
    return c.json(unitNomination({ ...n, number: number ?? null }, u.campaign.timeZone));
  })
  .patch(
    "/:token/nominations/:id",
    unitLink,
    nominationId,
    validate("json", NominationContent),
    async (c) => {
      const u = c.var.unit;
      const n = await loadEditable(c, u, c.req.valid("param").id);
      const content = c.req.valid("json");
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
      return c.json(written(u, updated));
    },
  )
  .delete("/:token/nominations/:id", unitLink, nominationId, async (c) => {
    const u = c.var.unit;
    const n = await loadNomination(c, u, c.req.valid("param").id);
    if (n.status !== "draft" || !(await deleteDraft(c.var.db, n)))
      throw new ApiError(409, "invalid_state", "Only drafts can be deleted.");
    await discardPhotos(
      c.var.db,
      c.env.MEDIA,
      n.photos.map((p) => p.url),
    );
    return c.body(null, 204);
  })
  .post("/:token/nominations/:id/submit", unitLink, nominationId, async (c) => {
    const u = c.var.unit;
    const n = await loadEditable(c, u, c.req.valid("param").id);
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
    return c.json(written(u, submitted));
  })
  .post(
    "/:token/nominations/:id/photos",
    photoBody,
    unitLink,
    nominationId,
    photoQuery,
    async (c) => {
      const u = c.var.unit;
      const n = await loadEditable(c, u, c.req.valid("param").id);
      const cap = {
        max: MAX_NOMINATION_PHOTOS,
        per: "nomination",
        keyPrefix: `${UPLOAD_PREFIX}${u.campaign.slug}/nominations/${n.id}`,
        caption: c.req.valid("query").caption,
      } as const;
      const updated = await addUploadedPhoto(c, n, cap, (photo) =>
        appendNominationPhoto(c.var.db, n.id, photo, cap.max, Date.now()),
      );
      if (!updated) {
        const current = await findUnitNomination(c.var.db, u.invite.id, n.id);
        if (current && unitCanEdit(current.status))
          throw tooManyPhotos(MAX_NOMINATION_PHOTOS, "nomination");
        throw new ApiError(409, "invalid_state", "This nomination can no longer be changed.");
      }
      return c.json(written(u, updated), 201);
    },
  );
