import type { Campaign, Nominee } from "../../db/schema";
import type { Preferences } from "../../types";
import { Layout } from "../layout";
import { quoted } from "../quote";

/** A card sized for a phone screenshot: portrait, name, headline, campaign and a QR code. */
export function ShareCardPage(p: {
  campaign: Campaign;
  nominee: Nominee;
  /** The profile's QR code as a PNG: long-press in WeChat recognises images, not inline SVG. */
  qrPath: string;
  prefs: Preferences;
  url: string;
  origin: string;
}) {
  const { campaign: c, nominee: n, prefs } = p;
  const m = prefs.m;
  const photo = n.photos[0];
  return (
    <Layout
      prefs={prefs}
      url={p.url}
      meta={{
        title: `${n.name} · ${c.title}`,
        canonical: `${p.origin}/c/${c.slug}/${n.number}`,
        noindex: true,
      }}
      data={{ page: "card" }}
    >
      <div class="share-card">
        <p class="share-card-campaign">{c.title}</p>
        {photo && <img src={photo.url} alt={n.name} width="180" height="240" />}
        <p class="card-number">{m.number(n.number)}</p>
        <h1>{n.name}</h1>
        <p class="share-card-unit">
          {n.unit} {n.position}
        </p>
        <p class="headline">{quoted(n.headline)}</p>
        <img
          class="share-card-qr"
          src={p.qrPath}
          width="164"
          height="164"
          alt={m.qrLabel(n.name)}
        />
        <p class="share-card-cta">{m.shareCardCta}</p>
      </div>
      <p class="hint">{m.shareCardHint}</p>
      <p>
        <a class="button secondary" href={`/c/${c.slug}/${n.number}`}>
          ← {n.name}
        </a>
      </p>
    </Layout>
  );
}
