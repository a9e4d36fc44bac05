import type { Campaign, Nominee } from "../../db/schema";
import type { WeChatGate as Gate } from "../../domain/wechat";
import type { Preferences } from "../../types";
import { CEREMONY_MESSAGES } from "../ceremony-text";
import { LikeBox, type LikeBoxProps } from "../components/like-box";
import { PreviewBanner } from "../components/preview-banner";
import { SharePanel } from "../components/share-panel";
import { WeChatGate, WeChatSignedIn } from "../components/wechat-gate";
import { Layout } from "../layout";
import { WECHAT_TEXT } from "../wechat-text";

export interface ProfilePageProps {
  campaign: Campaign;
  nominee: Nominee;
  like: Omit<LikeBoxProps, "m" | "slug" | "number" | "name">;
  neighbours: { previous: number | null; next: number | null };
  /** A wechat-mode campaign while voting is open: which box this visitor gets (issue 13 item 5). */
  wechat?: { gate: Gate; signInUrl: string };
  prefs: Preferences;
  url: string;
  origin: string;
}

/** Absolute image for share cards; SVG placeholders fall back to the app icon. */
export function shareImage(origin: string, nominee: Nominee): string {
  const url = nominee.photos[0]?.url;
  return url && !url.endsWith(".svg") ? new URL(url, origin).href : `${origin}/icon-512.png`;
}

export function ProfilePage(p: ProfilePageProps & { preview?: boolean }) {
  const { campaign: c, nominee: n, prefs } = p;
  const m = prefs.m;
  const path = `/c/${c.slug}/${n.number}`;
  const canonical = `${p.origin}${path}`;
  const t = CEREMONY_MESSAGES[prefs.locale];
  const photo = n.photos[0]?.url;
  return (
    <Layout
      prefs={prefs}
      url={p.url}
      meta={{
        title: `${n.name}：${n.headline} · ${c.title}`,
        description: `${n.unit}${n.position} ${n.name}。${n.story[0]?.slice(0, 80) ?? ""}`,
        canonical,
        image: shareImage(p.origin, n),
        ogType: "profile",
      }}
      data={{
        page: "profile",
        slug: c.slug,
        number: n.number,
        // What public/poster.js draws (loaded only when the voter asks for a poster).
        poster: {
          campaign: c.title,
          number: m.number(n.number),
          name: n.name,
          unit: [n.unit, n.position].filter(Boolean).join(" "),
          headline: n.headline,
          photo: photo?.startsWith("/") ? photo : null,
          qr: `${path}/qr.png`,
          cta: t.posterCta,
          site: `${m.siteName} · ${p.origin.replace(/^https?:\/\//, "")}`,
          failed: t.posterFailed,
          making: t.posterMaking,
        },
      }}
    >
      {p.preview && <PreviewBanner locale={prefs.locale} />}
      <nav class="crumbs" aria-label={m.backToList}>
        <a href={`/c/${c.slug}`}>← {c.title}</a>
      </nav>
      <article class="profile">
        <header class={n.photos.length > 0 ? "profile-head" : "profile-head no-photo"}>
          {n.photos.slice(0, 1).map((photo) => (
            <figure class="portrait">
              <img src={photo.url} alt={n.name} width="300" height="400" decoding="async" />
              {photo.caption && <figcaption>{photo.caption}</figcaption>}
            </figure>
          ))}
          <div class="profile-id">
            <p class="card-number">
              {m.number(n.number)}
              {n.honoree && <span class="badge badge-honoree">{m.honoree}</span>}
            </p>
            <h1>{n.name}</h1>
            <p class="headline">{n.headline}</p>
            <dl class="facts">
              <dt>{m.position}</dt>
              <dd>{n.position}</dd>
              <dt>{m.unit}</dt>
              <dd>{n.unit}</dd>
              {n.groupName && (
                <>
                  <dt>{m.group}</dt>
                  <dd>{n.groupName}</dd>
                </>
              )}
            </dl>
          </div>
        </header>
        {p.wechat && p.wechat.gate !== "ready" ? (
          <WeChatGate
            t={WECHAT_TEXT[prefs.locale]}
            gate={p.wechat.gate}
            name={n.name}
            path={path}
            pageUrl={canonical}
            signInUrl={p.wechat.signInUrl}
            copyLabel={m.copyLink}
          />
        ) : (
          <>
            {p.wechat && <WeChatSignedIn t={WECHAT_TEXT[prefs.locale]} />}
            <LikeBox m={m} slug={c.slug} number={n.number} name={n.name} {...p.like} />
          </>
        )}
        <section class="story" aria-labelledby="story-heading">
          <h2 id="story-heading">{m.story}</h2>
          {n.story.map((para) => (
            <p>{para}</p>
          ))}
          {n.photos.slice(1).map((photo) => (
            <figure>
              <img src={photo.url} alt={photo.caption || n.name} loading="lazy" decoding="async" />
              {photo.caption && <figcaption>{photo.caption}</figcaption>}
            </figure>
          ))}
        </section>
        <SharePanel m={m} t={t} url={canonical} path={path} name={n.name} />
      </article>
      <nav class="pager" aria-label={m.nominees}>
        {p.neighbours.previous !== null ? (
          <a rel="prev" class="button secondary" href={`/c/${c.slug}/${p.neighbours.previous}`}>
            ← {m.previous}
          </a>
        ) : (
          <span />
        )}
        <a class="button secondary" href={`/c/${c.slug}/results`}>
          {m.viewResults}
        </a>
        {p.neighbours.next !== null ? (
          <a rel="next" class="button secondary" href={`/c/${c.slug}/${p.neighbours.next}`}>
            {m.next} →
          </a>
        ) : (
          <span />
        )}
      </nav>
    </Layout>
  );
}
