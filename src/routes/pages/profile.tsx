import { Hono } from "hono";
import { voterToday } from "../../db/queries/like-reads";
import { qrPng, qrSvg } from "../../domain/qr";
import { localDay } from "../../domain/time";
import { publicCacheMs } from "../../domain/ttl-cache";
import { isWeChatUserAgent, type WeChatGate, wechatGate } from "../../domain/wechat";
import { wechatOAuthConfig } from "../../integrations/wechat-oauth";
import { identifyVoter } from "../../middleware/voter";
import type { AppEnv } from "../../types";
import { publicView } from "../../views/api-json";
import { ProfilePage } from "../../views/pages/profile-page";
import { ShareCardPage } from "../../views/pages/share-card-page";
import { likeAction } from "../like-action";
import { requireCampaign, requireNominee } from "../shared/campaign";
import { SIGNED_IN_MARK, wechatSignInRedirect } from "../shared/wechat-sign-in";
import { wechatSignInPath } from "../wechat-paths";
import { pageBase, previewOnly, privatePage, publicOrigin, renderPage } from "./page-context";
import {
  cachedFirstVisit,
  firstVisitKey,
  keepFirstVisit,
  nonceMarker,
  profileRows,
} from "./profile-cache";

const PROFILE = "/c/:slug/:number{[1-9][0-9]{0,8}}";

/**
 * QR PNGs by URL, per isolate: a profile's code never changes, and a poster or share panel asks
 * for it on every view. Bounded so a crawl over every number cannot grow it without end.
 */
const qrPngs = new Map<string, Uint8Array<ArrayBuffer>>();
const QR_CACHE_SIZE = 500;

async function qrPngFor(url: string): Promise<Uint8Array<ArrayBuffer>> {
  let png = qrPngs.get(url);
  if (!png) {
    png = (await qrPng(url, 8)).bytes as Uint8Array<ArrayBuffer>;
    if (qrPngs.size >= QR_CACHE_SIZE) qrPngs.delete(qrPngs.keys().next().value ?? "");
    qrPngs.set(url, png);
  }
  return png;
}

export const profilePages = new Hono<AppEnv>()
  .get(PROFILE, identifyVoter, async (c) => {
    const now = Date.now();
    const ttl = publicCacheMs(c.env);
    const prefs = c.var.prefs;
    const voter = c.var.voter;
    const inWeChat = isWeChatUserAgent(c.req.header("User-Agent"));
    const shared =
      ttl > 0 && voter.isNew && voter.wechatHash === null && c.req.query("r") === undefined;
    // A wechat-mode campaign shows a visitor outside WeChat another box than one inside it.
    const key = `${firstVisitKey(c.req.url, prefs.locale, prefs.largeText)}\n${inWeChat}`;
    const cached = shared ? cachedFirstVisit(key, prefs.nonce ?? "", now) : undefined;
    if (cached) {
      privatePage(c);
      return c.html(cached);
    }
    const { campaign, nominee, neighbours, preview } = await profileRows(c, now);
    const view = publicView(campaign, now);
    // Issue 13 item 5: while voting is open, a wechat-mode campaign needs the WeChat identity.
    // Inside WeChat the sign-in is a silent redirect that lands back here (once: the callback
    // marks its return, so a browser that refuses the cookie is not sent round in a loop).
    let gate: WeChatGate | undefined;
    if (campaign.identityMode === "wechat" && view.status === "open") {
      const config = wechatOAuthConfig(c.env);
      gate = wechatGate({ signedIn: voter.wechatHash !== null, inWeChat, configured: !!config });
      if (gate === "sign_in" && config && c.req.query(SIGNED_IN_MARK) === undefined) {
        c.header("Cache-Control", "private, no-store");
        const path = `/c/${campaign.slug}/${nominee.number}`;
        return c.redirect(await wechatSignInRedirect(c, config, path), 302);
      }
    }
    const voterKey = campaign.identityMode === "wechat" ? voter.wechatHash : voter.hash;
    // A voter whose cookie was issued by this very request has liked nothing: no read needed.
    const today =
      voterKey === null || (campaign.identityMode === "cookie" && voter.isNew)
        ? { usedToday: 0, likedNominee: false }
        : await voterToday(
            c.var.db,
            campaign.id,
            nominee.id,
            voterKey,
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
        prefs={shared && !preview ? { ...prefs, nonce: nonceMarker() } : prefs}
        campaign={campaign}
        nominee={nominee}
        neighbours={neighbours}
        wechat={
          gate && {
            gate,
            signInUrl: wechatSignInPath(campaign.slug, nominee.number),
          }
        }
        preview={preview}
        like={{
          status: view.status,
          likes: view.showLikes ? nominee.likes : null,
          held: view.showLikes ? nominee.heldLikes : 0,
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
    if (preview) return previewOnly(renderPage(c, page));
    if (!shared) return renderPage(c, page);
    privatePage(c);
    return c.html(
      keepFirstVisit(key, `<!doctype html>${String(page)}`, prefs.nonce ?? "", now + ttl),
    );
  })
  // The no-JS like: a form POST to the profile's own URL, answered by a redirect back to it
  // (post/redirect/get), so a reload never repeats the like.
  .post(PROFILE, identifyVoter, async (c) => {
    const slug = c.req.param("slug");
    const number = Number(c.req.param("number"));
    // The redirect's page reads the count from D1: the voter's shard flushes first (issue 16).
    const outcome = await likeAction(c, slug, number, {}, { settle: true });
    if (
      !outcome.ok &&
      (outcome.code === "campaign_not_found" || outcome.code === "candidate_not_found")
    ) {
      return c.notFound();
    }
    // Inside WeChat a like without the WeChat identity goes to sign in, and back to the profile.
    if (!outcome.ok && outcome.signInUrl && isWeChatUserAgent(c.req.header("User-Agent"))) {
      return c.redirect(outcome.signInUrl, 303);
    }
    const query = outcome.ok
      ? `r=${outcome.held ? "held" : "liked"}${outcome.remainingToday !== null ? `&left=${outcome.remainingToday}` : ""}&rc=${outcome.receipt}`
      : `r=${outcome.code}`;
    return c.redirect(`/c/${slug}/${number}?${query}#main`, 303);
  })
  .get(`${PROFILE}/qr.svg`, async (c) => {
    const campaign = await requireCampaign(c, c.req.param("slug"));
    const nominee = await requireNominee(c, campaign, c.req.param("number"));
    c.header("Content-Type", "image/svg+xml; charset=utf-8");
    c.header("Cache-Control", "public, max-age=86400");
    return c.body(qrSvg(`${publicOrigin(c)}/c/${campaign.slug}/${nominee.number}`));
  })
  // The same code as a PNG: WeChat's long-press (识别图中二维码) and the poster's canvas need an image.
  .get(`${PROFILE}/qr.png`, async (c) => {
    const campaign = await requireCampaign(c, c.req.param("slug"));
    const nominee = await requireNominee(c, campaign, c.req.param("number"));
    const png = await qrPngFor(`${publicOrigin(c)}/c/${campaign.slug}/${nominee.number}`);
    c.header("Content-Type", "image/png");
    c.header("Cache-Control", "public, max-age=86400");
    return c.body(png);
  })
  .get(`${PROFILE}/card`, async (c) => {
    const campaign = await requireCampaign(c, c.req.param("slug"));
    const nominee = await requireNominee(c, campaign, c.req.param("number"));
    return renderPage(
      c,
      <ShareCardPage
        {...pageBase(c)}
        campaign={campaign}
        nominee={nominee}
        qrPath={`/c/${campaign.slug}/${nominee.number}/qr.png`}
      />,
    );
  });
