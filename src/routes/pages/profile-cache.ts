import type { Context } from "hono";
import { findNomineeWithNeighbours, listNominees } from "../../db/queries/nominees";
import type { Campaign, Nominee } from "../../db/schema";
import { publicCacheMs, TtlCache } from "../../domain/ttl-cache";
import { ApiError } from "../../errors";
import type { AppEnv } from "../../types";
import { campaignOrPreview, nomineeNumberOrNotFound } from "../shared/campaign";

/**
 * What a profile page keeps per isolate, for a couple of seconds (PUBLIC_CACHE_MS): the rows
 * behind it, and the page a first-time visitor gets. The route (profile.tsx) decides when each
 * may be used; hidden counts never enter either (a hidden count is null in the rendered page).
 */

/**
 * The public rows behind a profile: the campaign (one entry, hot for every profile of it) and a
 * snapshot of all its nominees in number order (which also gives each one's neighbours). One read
 * of the whole list every TTL costs less than one read per view as soon as a campaign has more
 * than a handful of viewers, and a crowd opening shared links or browsing from nominee to nominee
 * then costs no D1 read per view. While one request refreshes an expired snapshot the others keep
 * using it (up to two more TTLs), or, with none yet, read their one nominee (as does a number the
 * snapshot lacks). The voter's own state is always read fresh; right after a like (`?r=`) the rows
 * are too, so the voter sees their like in the count.
 */
export interface ProfileRows {
  campaign: Campaign;
  nominee: Nominee;
  neighbours: { previous: number | null; next: number | null };
  /** A draft shown to a signed-in organizer (issue 14). */
  preview?: boolean;
}
type Snapshot = Map<number, Omit<ProfileRows, "campaign">>;
const campaignRows = new TtlCache<Campaign>(1000);
const snapshots = new TtlCache<Snapshot>(100);

function snapshotOf(list: Nominee[]): Snapshot {
  const byNumber: Snapshot = new Map();
  list.forEach((nominee, i) => {
    byNumber.set(nominee.number, {
      nominee,
      neighbours: { previous: list[i - 1]?.number ?? null, next: list[i + 1]?.number ?? null },
    });
  });
  return byNumber;
}

async function cachedSnapshot(
  c: Context<AppEnv>,
  campaignId: number,
  now: number,
  ttl: number,
): Promise<Snapshot | undefined> {
  const key = String(campaignId);
  const usable = snapshots.servable(key, now, ttl);
  // Someone else is loading it and there is nothing to serve meanwhile: read the one nominee.
  if (usable || snapshots.isRefreshing(key, now, ttl)) return usable;
  return snapshots.refresh(key, now, async () => {
    const snapshot = snapshotOf(await listNominees(c.var.db, campaignId, { sort: "number" }));
    snapshots.set(key, snapshot, Date.now() + ttl);
    return snapshot;
  });
}

export async function profileRows(c: Context<AppEnv>, now: number): Promise<ProfileRows> {
  const slug = c.req.param("slug") ?? "";
  const number = nomineeNumberOrNotFound(c.req.param("number") ?? "");
  const ttl = c.req.query("r") === undefined ? publicCacheMs(c.env) : 0;
  let campaign = ttl > 0 ? campaignRows.get(slug, now) : undefined;
  let preview = false;
  if (!campaign) {
    // A draft only for an organizer's 预览, and never into the caches the public reads.
    ({ campaign, preview } = await campaignOrPreview(c, slug));
    if (ttl > 0 && !preview) campaignRows.set(slug, campaign, now + ttl);
  }
  const snapshot = ttl > 0 && !preview ? await cachedSnapshot(c, campaign.id, now, ttl) : undefined;
  let rows = snapshot?.get(number);
  // Not in the snapshot: read it (a nominee added a moment ago must not 404 for a TTL).
  if (!rows) {
    const found = await findNomineeWithNeighbours(c.var.db, campaign.id, number);
    if (found) {
      const { previous, next, ...nominee } = found;
      rows = { nominee, neighbours: { previous, next } };
    }
  }
  if (!rows) throw new ApiError(404, "candidate_not_found", `No nominee number ${number}.`);
  return { campaign, ...rows, preview };
}

/**
 * A first-time visitor's profile page is the same for every first-time visitor (nothing liked,
 * the full day's likes left) but for the CSP nonce: the crowd opening a shared link in WeChat. So
 * it is rendered once per TTL, per URL and display preferences, with a marker where the nonce
 * goes, and each visitor gets a copy with their own nonce. Returning voters (their own state) and
 * answers right after a like (`?r=`) are always rendered for them.
 */
const firstVisitPages = new TtlCache<string>(2000);

let nonceMark: string | undefined;
/**
 * Where the nonce goes in a kept page. Unguessable, so no text a nominee or organizer writes can
 * contain it (made on first use: Workers allow no randomness at start-up).
 */
export function nonceMarker(): string {
  nonceMark ??= `nonce-${crypto.randomUUID()}`;
  return nonceMark;
}

/** The cache key of a first-visit page: the URL and the display preferences. */
export function firstVisitKey(url: string, locale: string, largeText: boolean): string {
  return `${url}\n${locale}\n${largeText}`;
}

/** A first-visit page, ready for one visitor: their own nonce where the marker is. */
export function cachedFirstVisit(key: string, nonce: string, now: number): string | undefined {
  return firstVisitPages.get(key, now)?.replaceAll(nonceMarker(), nonce);
}

/** Keeps a page rendered with `nonceMarker()` as its nonce, and returns it with `nonce` in. */
export function keepFirstVisit(
  key: string,
  html: string,
  nonce: string,
  expiresAt: number,
): string {
  firstVisitPages.set(key, html, expiresAt);
  return html.replaceAll(nonceMarker(), nonce);
}
