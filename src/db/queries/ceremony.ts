import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../client";
import { type CertificateSettings, certificateSettings, type Nominee, nominees } from "../schema";
import { type AuditInput, audited } from "./audit";
import { firstRow } from "./campaign-rows";

/**
 * The honorees of a published campaign, by number: what the 大屏's slides and the certificates show.
 * Read from the nominee's `honoree` flag; when the published list is frozen in its own store
 * (issue 14), this is the one function to switch over.
 */
export async function listHonorees(db: Database, campaignId: number): Promise<Nominee[]> {
  return db
    .select()
    .from(nominees)
    .where(and(eq(nominees.campaignId, campaignId), eq(nominees.honoree, true)))
    .orderBy(asc(nominees.number));
}

/** Names and numbers only (the 大屏 while counts are hidden), by number. */
export async function nomineeNames(db: Database, campaignId: number) {
  return db
    .select({ number: nominees.number, name: nominees.name, unit: nominees.unit })
    .from(nominees)
    .where(eq(nominees.campaignId, campaignId))
    .orderBy(asc(nominees.number));
}

export type CertificateValues = Omit<CertificateSettings, "campaignId" | "updatedAt">;

export const NO_CERTIFICATE_SETTINGS: CertificateValues = {
  honourTitle: "",
  issuer: "",
  issuedOn: "",
  sealUrl: null,
};

export async function findCertificateSettings(
  db: Database,
  campaignId: number,
): Promise<CertificateValues> {
  const row = await firstRow(
    db,
    certificateSettings,
    eq(certificateSettings.campaignId, campaignId),
  );
  if (!row) return NO_CERTIFICATE_SETTINGS;
  const { campaignId: _, updatedAt: __, ...values } = row;
  return values;
}

/** Writes the settings (all of them) and the audit row in one batch. */
export async function saveCertificateSettings(
  db: Database,
  campaignId: number,
  before: CertificateValues,
  after: CertificateValues,
  audit: Omit<AuditInput, "campaignId" | "before" | "after">,
) {
  await audited(
    db,
    db
      .insert(certificateSettings)
      .values({ campaignId, ...after, updatedAt: audit.now })
      .onConflictDoUpdate({
        target: certificateSettings.campaignId,
        set: { ...after, updatedAt: audit.now },
      }),
    { ...audit, campaignId, before, after },
  );
}
