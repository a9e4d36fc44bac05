import * as v from "valibot";

/** The most checkpoints one page of `?history=1` holds (and its default size). */
export const LEDGER_PAGE_MAX = 1000;

/**
 * Query of the public ledger: `history=1` lists checkpoints, a page at a time: `after` is the
 * cursor (the last `seq` already read; the `next` link carries it), `limit` the page size.
 */
export const LedgerQuery = v.object({
  history: v.optional(v.string()),
  after: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^(0|[1-9]\d{0,8})$/, "after must be a checkpoint seq (0 or a positive integer)"),
      v.transform(Number),
    ),
  ),
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^[1-9]\d{0,3}$/, `limit must be an integer from 1 to ${LEDGER_PAGE_MAX}`),
      v.transform(Number),
      v.maxValue(LEDGER_PAGE_MAX, `limit must be an integer from 1 to ${LEDGER_PAGE_MAX}`),
    ),
  ),
});
