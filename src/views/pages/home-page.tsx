import type { Preferences } from "../../types";
import { Layout } from "../layout";

export function HomePage(p: {
  campaigns: { slug: string; title: string; organizer: string; statusText: string }[];
  prefs: Preferences;
  url: string;
  origin: string;
}) {
  const m = p.prefs.m;
  return (
    <Layout
      prefs={p.prefs}
      url={p.url}
      meta={{ title: `${m.siteName} · ${m.allCampaigns}`, canonical: `${p.origin}/` }}
    >
      <h1>{m.allCampaigns}</h1>
      {p.campaigns.length === 0 ? (
        <p class="empty">{m.noCampaigns}</p>
      ) : (
        <ul class="campaign-list">
          {p.campaigns.map((c) => (
            <li>
              <a href={`/c/${c.slug}`}>
                <strong>{c.title}</strong>
                <span>
                  {c.organizer} · {c.statusText}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export function MessagePage(p: { title: string; body: string; prefs: Preferences; url: string }) {
  return (
    <Layout prefs={p.prefs} url={p.url} meta={{ title: p.title, noindex: true }}>
      <h1>{p.title}</h1>
      <p>{p.body}</p>
      <p>
        <a class="button" href="/">
          {p.prefs.m.backHome}
        </a>
      </p>
    </Layout>
  );
}
