import * as v from "valibot";

/**
 * Path parameters. A parameter that cannot name anything is simply not found: the routes give
 * these to `validate("param", …)` with their 404 (see routes/shared/campaign.ts `nomineeParam`).
 */

/** A row id in a path (`:id`): a positive integer that is safe in JavaScript. */
export const IdParams = v.object({
  id: v.pipe(v.string(), v.regex(/^[1-9]\d{0,14}$/), v.transform(Number)),
});

/** A review flag and its decision (`…/flags/:id/:decision`). */
export const FlagParams = v.object({
  ...IdParams.entries,
  decision: v.picklist(["void", "clear"]),
});
