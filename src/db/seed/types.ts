import type { CampaignSettings } from "../../validators/campaign";
import type { NomineeRecord } from "../../validators/nominee";

/**
 * A campaign as shipped in source, loaded idempotently into D1 by `scripts/setup-local.ts`.
 * Its fields are the API's (validators/campaign.ts), every one given, except the 编者按
 * (`description`), kept as one string per paragraph. test/db/seed parses it with the schemas.
 */
export type SeedCampaign = Pick<
  CampaignSettings,
  "slug" | "title" | "organizer" | "timeZone" | "opensAt" | "closesAt" | "rules" | "showCounts"
> & {
  /** 编者按, one string per paragraph (joined with blank lines when loaded). */
  description: string[];
  nominees: SeedNominee[];
};

/**
 * A whole nominee as the API takes it (validators/nominee.ts): 编号 1-based and unique in the
 * campaign, `group` "县市区" or "市直单位", `story` in our own words, `honoree` (当选) false while
 * voting is open, `nominatingUnit` e.g. 临县 or 市信访局.
 */
export type SeedNominee = NomineeRecord;
