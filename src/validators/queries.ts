import * as v from "valibot";
import { FlagStatus } from "./review";

/**
 * Query strings of the console's API. Where a parameter only picks a variant (a language, a
 * dry run) anything unknown falls back to the default, as these routes always did; where it
 * names something (a page cursor, a status filter) a bad value is 400 `invalid_query`.
 */

const WholeNumber = (digits: number, label: string) =>
  v.pipe(
    v.string(),
    v.regex(new RegExp(`^\\d{1,${digits}}$`), `${label} must be a whole number`),
    v.transform(Number),
  );

/** `?lang=en` for English column names; anything else is Chinese. */
export const ExportQuery = v.object({
  lang: v.fallback(v.optional(v.picklist(["en", "zh"]), "zh"), "zh"),
});

/** GET /api/admin/audit: `?campaign=<slug>&before=<id>&limit=<n>`. */
export const AuditQuery = v.object({
  campaign: v.optional(v.pipe(v.string(), v.maxLength(100))),
  before: v.optional(WholeNumber(12, "before")),
  limit: v.optional(
    v.pipe(
      WholeNumber(4, "limit"),
      v.transform((n) => Math.min(Math.max(n, 1), 500)),
    ),
    "100",
  ),
});

/** The import's `?filename=` (to tell CSV from XLSX) and `?dryRun=1|true` (check only). */
export const ImportQuery = v.object({
  filename: v.optional(v.pipe(v.string(), v.maxLength(500))),
  dryRun: v.pipe(
    v.optional(v.string(), ""),
    v.transform((s) => s === "1" || s === "true"),
  ),
});

/** The review queue's `?status=` (open by default). */
export const FlagsQuery = v.object({
  status: v.optional(
    v.picklist(FlagStatus.options, "status must be open, voided, cleared or all"),
    "open",
  ),
});

/** The 初选 list's `?status=` filter: any status name; none lists all. */
export const NominationsQuery = v.object({
  status: v.optional(v.pipe(v.string(), v.maxLength(40))),
});

/** An upload's `?caption=`. */
export const UploadQuery = v.object({
  caption: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200)), ""),
});
