/**
 * Moved to routes/shared/campaign.ts; this re-export remains only for routes/api/likes.ts (owned by
 * the like path's branch), which imports it from here until that import is updated at merge.
 */
export { nomineeNumberOrNotFound } from "../shared/campaign";
