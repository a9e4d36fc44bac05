import * as v from "valibot";
import { Text } from "./common";

/** Limits of the certificate settings, shared by the API and the console form. */
export const CERTIFICATE_LIMITS = { honourTitle: 40, issuer: 60 } as const;

/**
 * PUT /api/admin/campaigns/:slug/certificate — the words on every honoree's 荣誉证书. Empty text
 * means "derive it": the honour from the campaign's title, the issuer from its organizer, the date
 * from the publication day.
 */
export const CertificateSettingsBody = v.strictObject({
  honourTitle: v.optional(Text(CERTIFICATE_LIMITS.honourTitle, "honourTitle"), ""),
  issuer: v.optional(Text(CERTIFICATE_LIMITS.issuer, "issuer"), ""),
  issuedOn: v.optional(
    v.union(
      [v.literal(""), v.pipe(v.string(), v.isoDate("issuedOn must be a date, e.g. 2026-12-20"))],
      "issuedOn must be a date, e.g. 2026-12-20",
    ),
    "",
  ),
});
export type CertificateSettingsInput = v.InferOutput<typeof CertificateSettingsBody>;
