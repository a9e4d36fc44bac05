/** A campaign as shipped in source, loaded idempotently into D1 by `scripts/setup-local.ts`. */
export interface SeedCampaign {
  slug: string;
  title: string;
  organizer: string;
  /** 编者按, one string per paragraph. */
  description: string[];
  timeZone: string;
  /** ISO 8601 with offset. */
  opensAt: string;
  closesAt: string;
  rules: { likesPerCandidatePerDay: number; likesPerVoterPerDay: number | null };
  showCounts: "always" | "after_close" | "never";
  nominees: SeedNominee[];
}

export interface SeedNominee {
  /** 编号, 1-based, unique in the campaign. */
  number: number;
  name: string;
  /** 职务 */
  position: string;
  /** 单位 */
  unit: string;
  /** "县市区" or "市直单位" */
  group: string;
  /** The profile's title line. */
  headline: string;
  /** Paragraphs, in our own words. */
  story: string[];
  photos: { url: string; caption: string }[];
  /** 当选: set when the organizer publishes the honorees, so false while voting is open. */
  honoree: boolean;
  /** The nominating unit (e.g. 临县 or 市信访局). */
  nominatingUnit: string;
}
