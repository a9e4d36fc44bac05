import { Hono } from "hono";
import { campaignHasLikes } from "../../db/queries/admin-campaigns";
import {
  createNominee,
  deleteNominee,
  importNominees,
  listNomineesAdmin,
  renumberNominees,
  updateNominee,
} from "../../db/queries/admin-nominees";
import { appendNomineePhoto, discardPhotos, droppedUrls } from "../../db/queries/photos";
import type { Campaign } from "../../db/schema";
import { BODY_BYTES } from "../../domain/body-limits";
import { markDuplicates } from "../../domain/import-duplicates";
import { MAX_NOMINEE_PHOTOS, UPLOAD_PREFIX } from "../../domain/media";
import { parseNomineeImport } from "../../domain/nominee-import";
import { ApiError } from "../../errors";
import type { AppEnv } from "../../types";
import { validate } from "../../validators/hook";
import { NomineeInput, NomineePatch, ReorderRequest } from "../../validators/nominee";
import { ImportQuery } from "../../validators/queries";
import { adminNominee } from "../../views/admin-json";
import { maxBody } from "../shared/body-limit";
import { nomineeParam, organizerCampaign, requireNominee } from "../shared/campaign";
import { addUploadedPhoto, photoBody, photoQuery, tooManyPhotos } from "../shared/uploads";

/**
 * After publication the 当选 flags are the published list: they change only through 撤回公布 and
 * a republication (routes/admin/publication.ts; the trigger `nominees_honoree_frozen` backs this).
 */
function refuseFrozen(campaign: Campaign): void {
  if (campaign.publishedAt !== null)
    throw new ApiError(
      409,
      "honorees_frozen",
      "Results are published: withdraw the publication (POST …/withdraw) before changing 当选.",
    );
}

export const adminNomineesApi = new Hono<AppEnv>()
  .get("/:slug/nominees", organizerCampaign, async (c) => {
    const campaign = c.var.campaign;
    return c.json({ items: (await listNomineesAdmin(c.var.db, campaign.id)).map(adminNominee) });
  })
  .post("/:slug/nominees", organizerCampaign, validate("json", NomineeInput), async (c) => {
    const campaign = c.var.campaign;
    const input = c.req.valid("json");
    if (input.honoree) refuseFrozen(campaign);
    const created = await createNominee(c.var.db, campaign, input, c.var.organizer, Date.now());
    if (!created)
      throw new ApiError(409, "number_taken", `Number ${input.number} is already used.`);
    return c.json(adminNominee(created), 201);
  })
  .post(
    "/:slug/nominees/reorder",
    organizerCampaign,
    validate("json", ReorderRequest),
    async (c) => {
      const campaign = c.var.campaign;
      const { order } = c.req.valid("json");
      const current = (await listNomineesAdmin(c.var.db, campaign.id)).map((n) => n.number);
      const same =
        order.length === current.length &&
        [...order].sort((a, b) => a - b).every((n, i) => n === current[i]);
      if (!same)
        throw new ApiError(
          400,
          "invalid_body",
          "order must list every current number exactly once.",
        );
      // Numbers are in the URLs people have shared: once likes exist they never change.
      if (await campaignHasLikes(c.var.db, campaign.id)) {
        throw new ApiError(
          409,
          "campaign_has_likes",
          "Numbers cannot change once likes have been cast.",
        );
      }
      await renumberNominees(c.var.db, campaign, order, c.var.organizer, Date.now());
      return c.json({ items: (await listNomineesAdmin(c.var.db, campaign.id)).map(adminNominee) });
    },
  )
  .post(
    "/:slug/nominees/import",
    maxBody(BODY_BYTES.import),
    organizerCampaign,
    validate("query", ImportQuery, "invalid_query"),
    async (c) => {
      const { filename, dryRun } = c.req.valid("query");
      const campaign = c.var.campaign;
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const current = await listNomineesAdmin(c.var.db, campaign.id);
      const existing = new Set(current.map((n) => n.number));
      const preview = markDuplicates(
        parseNomineeImport(
          { bytes, contentType: c.req.header("Content-Type"), filename },
          existing,
        ),
        current,
      );
      if (dryRun) return c.json({ dryRun: true, ...preview });
      if (preview.invalid > 0 || preview.valid === 0) {
        return c.json(
          {
            error: {
              code: "invalid_import",
              message:
                preview.valid === 0 && preview.invalid === 0
                  ? "The file has no rows."
                  : `${preview.invalid} row(s) have errors; nothing was imported.`,
            },
            ...preview,
          },
          422,
        );
      }
      const rows = preview.rows.flatMap((r) => (r.nominee ? [r.nominee] : []));
      await importNominees(
        c.var.db,
        campaign,
        rows.map((r) => ({
          ...r,
          photos: r.photoUrl ? [{ url: r.photoUrl, caption: r.photoCaption ?? "" }] : [],
        })),
        c.var.organizer,
        Date.now(),
      );
      return c.json({ dryRun: false, imported: rows.length, ...preview }, 201);
    },
  )
  .patch(
    "/:slug/nominees/:number",
    organizerCampaign,
    nomineeParam,
    validate("json", NomineePatch),
    async (c) => {
      const campaign = c.var.campaign;
      const nominee = await requireNominee(c, campaign, c.req.valid("param").number);
      const patch = c.req.valid("json");
      if (patch.honoree !== undefined && patch.honoree !== nominee.honoree) refuseFrozen(campaign);
      if (
        patch.number !== undefined &&
        patch.number !== nominee.number &&
        (await campaignHasLikes(c.var.db, campaign.id))
      ) {
        throw new ApiError(
          409,
          "campaign_has_likes",
          "Numbers cannot change once likes have been cast.",
        );
      }
      const updated = await updateNominee(c.var.db, nominee, patch, c.var.organizer, Date.now());
      if (!updated)
        throw new ApiError(409, "number_taken", `Number ${patch.number} is already used.`);
      if (patch.photos)
        await discardPhotos(c.var.db, c.env.MEDIA, droppedUrls(nominee.photos, updated.photos));
      return c.json(adminNominee(updated));
    },
  )
  .delete("/:slug/nominees/:number", organizerCampaign, nomineeParam, async (c) => {
    const campaign = c.var.campaign;
    const nominee = await requireNominee(c, campaign, c.req.valid("param").number);
    if (nominee.likes + nominee.voidedLikes > 0) {
      throw new ApiError(
        409,
        "nominee_has_likes",
        "A nominee with likes cannot be deleted (the ledger is kept).",
      );
    }
    await deleteNominee(c.var.db, nominee, c.var.organizer, Date.now());
    await discardPhotos(
      c.var.db,
      c.env.MEDIA,
      nominee.photos.map((p) => p.url),
    );
    return c.body(null, 204);
  })
  .post(
    "/:slug/nominees/:number/photos",
    photoBody,
    organizerCampaign,
    nomineeParam,
    photoQuery,
    async (c) => {
      const campaign = c.var.campaign;
      const nominee = await requireNominee(c, campaign, c.req.valid("param").number);
      const cap = {
        max: MAX_NOMINEE_PHOTOS,
        per: "nominee",
        keyPrefix: `${UPLOAD_PREFIX}${campaign.slug}/${nominee.number}`,
        caption: c.req.valid("query").caption,
      } as const;
      // With its audit entry.
      const updated = await addUploadedPhoto(c, nominee, cap, (photo) =>
        appendNomineePhoto(c.var.db, nominee, photo, cap.max, c.var.organizer, Date.now()),
      );
      if (!updated) throw tooManyPhotos(cap.max, cap.per);
      return c.json(adminNominee(updated), 201);
    },
  );
