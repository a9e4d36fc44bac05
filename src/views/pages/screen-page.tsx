import type { RankedLikes } from "../../contract/public";
import type { Campaign, Nominee } from "../../db/schema";
import type { CampaignStatus } from "../../domain/campaign-status";
import type { Preferences } from "../../types";
import { CEREMONY_MESSAGES } from "../ceremony-text";
import { IconLinks } from "../components/icon-links";
import { PageData } from "../layout";

/** Seconds between two polls of the results (a 304 when nothing changed). */
export const SCREEN_POLL_SECONDS = 3;
/** Seconds each honoree's slide stays up. */
export const SLIDE_SECONDS = 10;

/** The fields of a ranking row the screen shows. */
export type ScreenRow = RankedLikes;

export interface ScreenPageProps {
  campaign: Campaign;
  status: CampaignStatus;
  /** The top rows with counts, or null while counts are hidden (names and the QR only). */
  rows: ScreenRow[] | null;
  /** Every nominee's name, shown while counts are hidden. */
  names: { number: number; name: string; unit: string }[];
  /** How many rows the screen shows (the `top` asked for). */
  top: number;
  candidateCount: number;
  totalLikes: number;
  /** After publication: the honorees' slides (empty = none, or the ranking was asked for). */
  slides: Nominee[];
  /** The page shows the ranking although there are slides (`?view=ranking`). */
  rankingAsked: boolean;
  qrSvg: string;
  voteUrl: string;
  prefs: Preferences;
  now: number;
}

/** One ranking row; the script (src/client/screen.ts) clones and refills the same markup. */
function Row(p: { r: ScreenRow; max: number; m: Preferences["m"]; likes: string }) {
  const { r, max } = p;
  return (
    <li
      class="screen-row"
      data-number={r.number}
      data-podium={r.rank <= 3 && r.likes > 0 ? "" : undefined}
    >
      <span class="screen-rank">
        <span class="visually-hidden">{p.m.rank} </span>
        <b>{r.rank}</b>
      </span>
      <span class="screen-who">
        <span class="screen-name">
          <span class="screen-number">{p.m.number(r.number)}</span> <span>{r.name}</span>
        </span>
        <span class="screen-unit">{r.unit}</span>
      </span>
      <span class="screen-bar" aria-hidden="true">
        <span style={`width:${max > 0 ? Math.round((r.likes / max) * 1000) / 10 : 0}%`} />
      </span>
      <span class="screen-likes">{p.likes}</span>
    </li>
  );
}

function Slides(p: { slides: Nominee[]; prefs: Preferences }) {
  const t = CEREMONY_MESSAGES[p.prefs.locale];
  const m = p.prefs.m;
  return (
    <section class="screen-slides" aria-roledescription="carousel" aria-label={t.wallTitle}>
      <h2 class="visually-hidden">{t.wallTitle}</h2>
      <div class="slides" data-slides aria-live="polite">
        {p.slides.map((n, i) => {
          const photo = n.photos[0];
          return (
            <article
              class="slide"
              data-slide={String(i)}
              aria-roledescription="slide"
              aria-label={t.slideOf(i + 1, p.slides.length)}
              hidden={i > 0}
            >
              {photo ? (
                <img
                  class="slide-portrait"
                  src={photo.url}
                  alt={photo.caption || n.name}
                  width="600"
                  height="800"
                  loading={i < 2 ? "eager" : "lazy"}
                />
              ) : (
                <span class="slide-portrait slide-initial" aria-hidden="true">
                  {n.name.slice(0, 1)}
                </span>
              )}
              <div class="slide-body">
                <p class="slide-badge">
                  <span class="badge badge-honoree">{t.elected}</span>{" "}
                  <span>{m.number(n.number)}</span>
                </p>
                <h3 class="slide-name">{n.name}</h3>
                <p class="slide-unit">
                  {n.unit} {n.position}
                </p>
                <p class="slide-headline">{n.headline}</p>
              </div>
            </article>
          );
        })}
      </div>
      <div class="slide-controls">
        <button type="button" class="screen-button" data-slide-prev>
          ← {t.prevSlide}
        </button>
        <span class="slide-count" data-slide-count>
          {t.slideOf(1, p.slides.length)}
        </span>
        <button type="button" class="screen-button" data-slide-pause hidden>
          {t.pause}
        </button>
        <button type="button" class="screen-button" data-slide-next>
          {t.nextSlide} →
        </button>
      </div>
    </section>
  );
}

/**
 * The 大屏 for a projector: a page of its own (no site header), sized in viewport units so the same
 * markup fills 1920×1080 and 4K. The ranking, total, status and clock update from the results API
 * (src/client/screen.ts); while counts are hidden it lists names and the QR only; after
 * publication it plays the honorees as slides.
 */
export function ScreenPage(p: ScreenPageProps) {
  const { campaign: c, prefs } = p;
  const m = prefs.m;
  const t = CEREMONY_MESSAGES[prefs.locale];
  const showSlides = p.slides.length > 0 && !p.rankingAsked;
  const max = p.rows?.reduce((a, r) => Math.max(a, r.likes), 0) ?? 0;
  const rowCount = showSlides ? 0 : (p.rows?.length ?? p.names.length);
  return (
    <html lang={prefs.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{t.screenTitle(c.title)}</title>
        <meta name="theme-color" content="#8a0c21" />
        <IconLinks />
        <link rel="stylesheet" href="/screen.css" />
        <script src="/screen.js" defer nonce={prefs.nonce} />
      </head>
      <body class="screen">
        <header class="screen-head">
          <div>
            <h1>{c.title}</h1>
            <p class="screen-organizer">
              {m.organizer}：{c.organizer}
            </p>
          </div>
          <div class="screen-state">
            <span class={`screen-status status-${p.status}`} data-screen-status>
              {m.status[p.status]}
            </span>
            <time class="screen-clock" data-clock>
              {new Intl.DateTimeFormat("zh-CN", {
                timeZone: c.timeZone,
                hour: "2-digit",
                minute: "2-digit",
                second: "2-digit",
                hourCycle: "h23",
              }).format(new Date(p.now))}
            </time>
          </div>
        </header>
        <main id="main" class="screen-main">
          {showSlides ? (
            <Slides slides={p.slides} prefs={prefs} />
          ) : p.rows ? (
            <section class="screen-board" aria-labelledby="board-title">
              <h2 id="board-title" class="screen-caption">
                {t.topOf(p.rows.length, p.candidateCount)}
              </h2>
              <ol class="screen-ranking" data-screen-ranking style={`--rows:${rowCount}`}>
                {p.rows.map((r) => (
                  <Row r={r} max={max} m={m} likes={t.likes(r.likes)} />
                ))}
              </ol>
            </section>
          ) : (
            <section class="screen-board" aria-labelledby="board-title">
              <h2 id="board-title" class="screen-caption">
                {t.topOf(p.names.length, p.candidateCount)}
              </h2>
              <p class="screen-note">{t.hiddenNote}</p>
              <ul class="screen-names">
                {p.names.map((n) => (
                  <li>
                    <span class="screen-number">{m.number(n.number)}</span> {n.name}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <aside class="screen-side">
            <div
              class="screen-qr"
              role="img"
              aria-label={`${p.status === "published" ? t.scanToView : t.scanToVote}：${p.voteUrl}`}
              dangerouslySetInnerHTML={{ __html: p.qrSvg }}
            />
            <p class="screen-cta">{p.status === "published" ? t.scanToView : t.scanToVote}</p>
            {p.rows && (
              <p class="screen-total" data-screen-total>
                {t.total(p.totalLikes)}
              </p>
            )}
            <p class="screen-hint">
              {showSlides ? t.keysHint : p.rows ? t.updatedEvery(SCREEN_POLL_SECONDS) : ""}
            </p>
            <p class="screen-tools">
              <button type="button" class="screen-button" data-fullscreen hidden>
                {t.fullScreen}
              </button>
              {p.slides.length > 0 && (
                <a class="screen-button" href={p.rankingAsked ? "?" : "?view=ranking"}>
                  {p.rankingAsked ? t.showWall : t.showRanking}
                </a>
              )}
            </p>
          </aside>
        </main>
        <PageData
          data={{
            slug: c.slug,
            status: p.status,
            top: p.top,
            timeZone: c.timeZone,
            locale: prefs.locale,
            live: p.rows !== null && !showSlides,
            hidden: p.rows === null,
            slides: showSlides ? p.slides.length : 0,
            pollSeconds: SCREEN_POLL_SECONDS,
            slideSeconds: SLIDE_SECONDS,
            m: {
              likes: t.likesTemplate,
              total: t.totalTemplate,
              slideOf: t.slideOfTemplate,
              pause: t.pause,
              play: t.play,
              status: m.status,
            },
          }}
        />
      </body>
    </html>
  );
}
