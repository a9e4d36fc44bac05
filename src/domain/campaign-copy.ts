/**
 * Copying a campaign into a new draft (issue 14): everything the organizer set up is kept —
 * settings, protection, 公示 contact, selection settings, units and jurors (with new links) and,
 * if asked, the nominees — and everything that happened is not: no likes, no scores, no
 * decisions, no publication. Pure: the caller supplies `now`.
 */

const DAY = 86_400_000;

/** Campaign fields that record what happened, not what was set up: a copy starts without them. */
export const HAPPENED = {
  draft: true,
  paused: false,
  closedAt: null,
  publishedAt: null,
  publishedHonorees: null,
  publicationWithdrawnAt: null,
  detailPurgedAt: null,
  anomalyScannedAt: null,
} as const;

type Fresh = typeof HAPPENED & {
  slug: string;
  title: string;
  createdAt: number;
  updatedAt: number;
};
type CopiedRow<T> = Omit<T, "id" | keyof Fresh> & Fresh;

/**
 * The new campaign's row from the source's: every column copied (so columns added later are
 * copied too) except the id, what happened, and the new slug and title.
 */
export function copiedCampaign<T extends { id: number; title: string }>(
  source: T,
  input: { slug: string; title?: string },
  now: number,
): CopiedRow<T> {
  const { id: _id, ...settings } = source;
  // Spread types do not narrow generics: the fields below replace the source's.
  return {
    ...settings,
    ...HAPPENED,
    slug: input.slug,
    title: input.title ?? `${source.title}（副本）`,
    createdAt: now,
    updatedAt: now,
  } as unknown as CopiedRow<T>;
}

/** How long a copied unit's or juror's new link stays valid: until 30 days after voting closes. */
export function copiedLinkExpiry(closesAt: number, now: number): number {
  return Math.max(closesAt, now) + 30 * DAY;
}
