import { type Context, Hono } from "hono";
import { renderSVG } from "uqr";
import { voterToday } from "../../db/queries/likes";
import { findNomineeWithNeighbours, listNominees } from "../../db/queries/nominees";
import type { Campaign, Nominee } from "../../db/schema";
import { localDay } from "../../domain/time";
import { publicCacheMs, TtlCache } from "../../domain/ttl-cache";
import { ApiError } from "../../errors";
import { identifyVoter } from "../../middleware/voter";
import type { AppEnv } from "../../types";
import { publicView } from "../../views/api-json";
import { ProfilePage } from "../../views/pages/profile-page";
import { ShareCardPage } from "../../views/pages/share-card-page";
import { nomineeNumberOrNotFound } from "../api/campaign-loader";
import { likeAction } from "../like-action";
import {
  campaignOr404,
  nomineeOr404,
  pageBase,
  privatePage,
  publicOrigin,
  renderPage,
} from "./page-context";

const PROFILE = "/c/:slug/:number{[1-9][0-9]{0,8}}";

function qrSvg(url: string): string {
  return renderSVG(url, {
    ecc: "M",
    border: 2,
    pixelSize: 6,
    blackColor: "#111",
    whiteColor: "#fff",
  });
}

/**
 * The public rows behind a profile, kept per isolate for a couple of seconds (PUBLIC_CACHE_MS): the
 * campaign (one entry, hot for every profile of it) and a snapshot of all its nominees in number
 * order (which also gives each one's neighbours). One read of the whole list every TTL costs less
 * than one read per view as soon as a campaign has more than a handful of viewers, and a crowd
 * opening shared links or browsing from nominee to nominee then costs no D1 read per view. While
 * one request refreshes an expired snapshot the others keep using it (up to two more TTLs), or,
 * with none yet, read their one nominee (as does a number the snapshot lacks). The voter's own state is always read fresh; right after a
 * like (`?r=`) the rows are too, so the voter sees their like in the count.
 */
interface ProfileRows {
  campaign: Campaign;
  nominee: Nominee;
  neighbours: { previous: number | null; next: number | null };
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

async function profileRows(c: Context<AppEnv>, now: number): Promise<ProfileRows> {
  const slug = c.req.param("slug") ?? "";
  const number = nomineeNumberOrNotFound(c.req.param("number") ?? "");
  const ttl = c.req.query("r") === undefined ? publicCacheMs(c.env) : 0;
  let campaign = ttl > 0 ? campaignRows.get(slug, now) : undefined;
  if (!campaign) {
    campaign = await campaignOr404(c, slug);
    if (ttl > 0) campaignRows.set(slug, campaign, now + ttl);
  }
  const snapshot = ttl > 0 ? await cachedSnapshot(c, campaign.id, now, ttl) : undefined;
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
  return { campaign, ...rows };
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
/** Unguessable, so no text a nominee or organizer writes can contain it (made on first use:
 * Workers allow no randomness at start-up). */
function marker(): string {
  nonceMark ??= `nonce-${crypto.randomUUID()}`;
  return nonceMark;
}

export const profilePages = new Hono<AppEnv>()
  .get(PROFILE, identifyVoter, async (c) => {
    const now = Date.now();
    const ttl = publicCacheMs(c.env);
    const prefs = c.var.prefs;
    const shared = ttl > 0 && c.var.voter.isNew && c.req.query("r") === undefined;
    const key = `${c.req.url}\n${prefs.locale}\n${prefs.largeText}`;
    const cached = shared ? firstVisitPages.get(key, now) : undefined;
    if (cached) {
      privatePage(c);
      return c.html(cached.replaceAll(marker(), prefs.nonce ?? ""));
    }
    const { campaign, nominee, neighbours } = await profileRows(c, now);
    const view = publicView(campaign, now);
    // A voter whose cookie was issued by this very request has liked nothing: no read needed.
    const today = c.var.voter.isNew
      ? { usedToday: 0, likedNominee: false }
      : await voterToday(
          c.var.db,
          campaign.id,
          nominee.id,
          c.var.voter.hash,
          localDay(now, campaign.timeZone),
        );
    const cap = campaign.likesPerVoterPerDay;
    const remaining = cap === null ? null : Math.max(0, cap - today.usedToday);
    const r = c.req.query("r");
    const left = c.req.query("left");
    const rc = c.req.query("rc")?.toUpperCase();
    const base = pageBase(c);
    const page = (
      <ProfilePage
        {...base}
        prefs={shared ? { ...prefs, nonce: marker() } : prefs}
        campaign={campaign}
        nominee={nominee}
        neighbours={neighbours}
        like={{
          status: view.status,
          likes: view.showLikes ? nominee.likes : null,
          likedToday: today.likedNominee,
          remainingToday: remaining,
          outcome:
            r && /^[a-z_]{1,40}$/.test(r)
              ? {
                  code: r,
                  remaining: left && /^\d+$/.test(left) ? Number(left) : null,
                  receipt: rc && /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(rc) ? rc : undefined,
                }
              : undefined,
        }}
      />
    );
    if (!shared) return renderPage(c, page);
    const html = `<!doctype html>${String(page)}`;
    firstVisitPages.set(key, html, now + ttl);
    privatePage(c);
    return c.html(html.replaceAll(marker(), prefs.nonce ?? ""));
  })
  // The no-JS like: a form POST to the profile's own URL, answered by a redirect back to it
  // (post/redirect/get), so a reload never repeats the like.
  .post(PROFILE, identifyVoter, async (c) => {
    const slug = c.req.param("slug");
    const number = Number(c.req.param("number"));
    const outcome = await likeAction(c, slug, number);
    if (
      !outcome.ok &&
      (outcome.code === "campaign_not_found" || outcome.code === "candidate_not_found")
    ) {
      return c.notFound();
    }
    const query = outcome.ok
      ? `r=liked${outcome.remainingToday !== null ? `&left=${outcome.remainingToday}` : ""}&rc=${outcome.receipt}`
      : `r=${outcome.code}`;
    return c.redirect(`/c/${slug}/${number}?${query}#main`, 303);
  })
  .get(`${PROFILE}/qr.svg`, async (c) => {
    const campaign = await campaignOr404(c, c.req.param("slug"));
    const nominee = await nomineeOr404(c, campaign, c.req.param("number"));
    c.header("Content-Type", "image/svg+xml; charset=utf-8");
    c.header("Cache-Control", "public, max-age=86400");
    return c.body(qrSvg(`${publicOrigin(c)}/c/${campaign.slug}/${nominee.number}`));
  })
  .get(`${PROFILE}/card`, async (c) => {
    const campaign = await campaignOr404(c, c.req.param("slug"));
    const nominee = await nomineeOr404(c, campaign, c.req.param("number"));
    return renderPage(
      c,
      <ShareCardPage
        {...pageBase(c)}
        campaign={campaign}
        nominee={nominee}
        qrSvg={qrSvg(`${publicOrigin(c)}/c/${campaign.slug}/${nominee.number}`)}
      />,
    );
  });
