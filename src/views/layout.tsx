import type { Child } from "hono/jsx";
import type { Preferences } from "../types";
import { CEREMONY_MESSAGES } from "./ceremony-text";
import { IconLinks } from "./components/icon-links";
import { clientMessages } from "./i18n";

export interface PageMeta {
  title: string;
  description?: string;
  /** Absolute canonical URL (no lang/text parameters). */
  canonical?: string;
  /** Absolute image URL for share cards. */
  image?: string;
  ogType?: "website" | "article" | "profile";
  /** Keep search engines out (e.g. the share-card view). */
  noindex?: boolean;
}

/** The current URL with one query parameter set: toggles are plain links that work without JS. */
export function withParam(url: string, key: string, value: string): string {
  const u = new URL(url);
  u.searchParams.set(key, value);
  u.searchParams.delete("r");
  return `${u.pathname}${u.search}`;
}

/** JSON for a `<script type="application/json">` data block (never executed; `<` escaped). */
export function jsonBlock(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

/** The page's data for its browser script (read by `pageData` in src/client/dom.ts). */
export function PageData(props: { data: unknown }) {
  return (
    <script
      type="application/json"
      id="page-data"
      dangerouslySetInnerHTML={{ __html: jsonBlock(props.data) }}
    />
  );
}

/** The skip link and the site bar with the language and text-size toggles, on every public page. */
export function SiteHeader(props: { prefs: Preferences; url: string }) {
  const { prefs, url } = props;
  const m = prefs.m;
  return (
    <>
      <a class="skip" href="#main">
        {m.skipToContent}
      </a>
      <header class="site">
        <a class="brand" href="/">
          {m.siteName}
        </a>
        <nav class="tools">
          <a
            class="tool"
            href={withParam(url, "lang", prefs.locale === "en" ? "zh" : "en")}
            lang={prefs.locale === "en" ? "zh-CN" : "en"}
            aria-label={m.langToggleLabel}
          >
            {m.langToggle}
          </a>
          <a class="tool" href={withParam(url, "text", prefs.largeText ? "normal" : "large")}>
            {prefs.largeText ? m.normalText : m.largeText}
          </a>
        </nav>
      </header>
    </>
  );
}

/**
 * The public site's frame, shared by the voting pages and the pages behind a link: the language
 * and text-size toggles, the page's own `<head>` lines and its data for the browser script.
 */
export function SiteFrame(props: {
  prefs: Preferences;
  url: string;
  /** What follows charset and viewport in `<head>`. */
  head: Child;
  footer?: Child;
  data: unknown;
  children: Child;
}) {
  const { prefs } = props;
  return (
    <html lang={prefs.locale} class={prefs.largeText ? "large" : undefined}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {props.head}
      </head>
      <body>
        <SiteHeader prefs={prefs} url={props.url} />
        <main id="main">{props.children}</main>
        {props.footer}
        <PageData data={props.data} />
      </body>
    </html>
  );
}

export function Layout(props: {
  meta: PageMeta;
  prefs: Preferences;
  url: string;
  children: Child;
  /** Extra page data for the browser script. */
  data?: Record<string, unknown>;
}) {
  const { meta, prefs, url } = props;
  const m = prefs.m;
  return (
    <SiteFrame
      prefs={prefs}
      url={url}
      head={
        <>
          <title>{meta.title}</title>
          {meta.description && <meta name="description" content={meta.description} />}
          {meta.canonical && <link rel="canonical" href={meta.canonical} />}
          {meta.noindex && <meta name="robots" content="noindex" />}
          <meta property="og:site_name" content={m.siteName} />
          <meta property="og:title" content={meta.title} />
          {meta.description && <meta property="og:description" content={meta.description} />}
          <meta property="og:type" content={meta.ogType ?? "website"} />
          {meta.canonical && <meta property="og:url" content={meta.canonical} />}
          {meta.image && <meta property="og:image" content={meta.image} />}
          <meta property="og:locale" content={prefs.locale === "en" ? "en_US" : "zh_CN"} />
          <meta name="twitter:card" content={meta.image ? "summary_large_image" : "summary"} />
          <meta name="twitter:title" content={meta.title} />
          {meta.description && <meta name="twitter:description" content={meta.description} />}
          {meta.image && <meta name="twitter:image" content={meta.image} />}
          <meta name="theme-color" content="#b0102a" />
          <IconLinks />
          <link rel="apple-touch-icon" href="/apple-touch-icon.png" />
          <link rel="manifest" href="/manifest.webmanifest" />
          <link rel="stylesheet" href="/app.css" />
          <script src="/app.js" defer nonce={prefs.nonce} />
        </>
      }
      footer={
        <footer class="site">
          <p>{m.footer}</p>
        </footer>
      }
      data={{
        m: clientMessages(m),
        // The share card inside WeChat (JS-SDK) and the hint where 分享 is (src/client/app.ts).
        share: {
          title: meta.title,
          desc: meta.description ?? "",
          link: meta.canonical ?? "",
          img: meta.image ?? "/icon-512.png",
        },
        wx: {
          hint: CEREMONY_MESSAGES[prefs.locale].wechatHint,
          close: CEREMONY_MESSAGES[prefs.locale].wechatHintClose,
        },
        ...props.data,
      }}
    >
      {props.children}
    </SiteFrame>
  );
}
