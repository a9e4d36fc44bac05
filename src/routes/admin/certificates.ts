import { Hono } from "hono";
import { findCertificateSettings, saveCertificateSettings } from "../../db/queries/ceremony";
import type { AppEnv } from "../../types";
import { CertificateSettingsBody } from "../../validators/certificate";
import { validate } from "../../validators/hook";
import { organizerCampaign } from "../shared/campaign";
import { photoBody, photoQuery, storeUploadedPhoto } from "../shared/uploads";

/**
 * The 荣誉证书 settings (issue 17): GET and PUT the words, POST an optional seal image (stored in R2
 * like a photo; the type sniffed from the bytes) and DELETE it. Each change is audited. The
 * printable certificates themselves are console pages (admin/ceremony-pages.tsx).
 */
export const adminCertificatesApi = new Hono<AppEnv>()
  .get("/:slug/certificate", organizerCampaign, async (c) => {
    const campaign = c.var.campaign;
    return c.json(await findCertificateSettings(c.var.db, campaign.id));
  })
  .put(
    "/:slug/certificate",
    organizerCampaign,
    validate("json", CertificateSettingsBody),
    async (c) => {
      const campaign = c.var.campaign;
      const body = c.req.valid("json");
      const before = await findCertificateSettings(c.var.db, campaign.id);
      const after = { ...before, ...body };
      await saveCertificateSettings(c.var.db, campaign.id, before, after, {
        actor: c.var.organizer,
        action: "certificate.update",
        now: Date.now(),
      });
      return c.json(after);
    },
  )
  .post("/:slug/certificate/seal", photoBody, organizerCampaign, photoQuery, async (c) => {
    const campaign = c.var.campaign;
    const before = await findCertificateSettings(c.var.db, campaign.id);
    const { url } = await storeUploadedPhoto(
      c,
      `seals/${campaign.id}`,
      c.req.valid("query").caption,
    );
    const after = { ...before, sealUrl: url };
    await saveCertificateSettings(c.var.db, campaign.id, before, after, {
      actor: c.var.organizer,
      action: "certificate.seal",
      now: Date.now(),
    });
    return c.json(after, 201);
  })
  .delete("/:slug/certificate/seal", organizerCampaign, async (c) => {
    const campaign = c.var.campaign;
    const before = await findCertificateSettings(c.var.db, campaign.id);
    const after = { ...before, sealUrl: null };
    await saveCertificateSettings(c.var.db, campaign.id, before, after, {
      actor: c.var.organizer,
      action: "certificate.seal",
      now: Date.now(),
    });
    return c.json(after);
  });
