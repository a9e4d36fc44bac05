import type { Campaign } from "../../db/schema";
import { type CampaignStatus, votingEnd } from "../../domain/campaign-status";
import type { RankedRow } from "../../domain/ranking";
import { rankByLikes } from "../../domain/ranking";
import type { Preferences } from "../../types";
import { formatLocal, StatusLine } from "../components/campaign-header";
import { Layout } from "../layout";

export interface ResultsPageProps {
  campaign: Campaign;
  status: CampaignStatus;
  /** null while counts are hidden: then nothing about counts or order is rendered. */
  rows: RankedRow[] | null;
  groups: string[];
  group: string | null;
  generatedAt: number;
  prefs: Preferences;
  url: string;
  origin: string;
}

/** Rows of the ranking; the browser script re-renders the same markup from the results JSON. */
export function RankingRows(props: {
  rows: RankedRow[];
  slug: string;
  max: number;
  m: Preferences["m"];
}) {
  const { rows, slug, max, m } = props;
  return (
    <>
      {rows.map((r) => (
        <li class="rank-row" data-group={r.group} data-number={r.number}>
          <span class="rank">
            <span class="visually-hidden">{m.rank} </span>
            <b>{r.rank}</b>
          </span>
          <span class="rank-main">
            <a href={`/c/${slug}/${r.number}`}>
              <span class="card-number">{m.number(r.number)}</span> {r.name}
            </a>
            <span class="rank-unit">{r.unit}</span>
            <span class="bar" aria-hidden="true">
              <span style={`width:${max > 0 ? Math.round((r.likes / max) * 1000) / 10 : 0}%`} />
            </span>
          </span>
          <span class="rank-likes">
            {m.likesCount(r.likes)}
            {r.heldLikes > 0 && <small class="held">{m.held(r.heldLikes)}</small>}
            {r.voidedLikes > 0 && <small class="voided">{m.voided(r.voidedLikes)}</small>}
          </span>
        </li>
      ))}
    </>
  );
}

export function ResultsPage(p: ResultsPageProps) {
  const { campaign: c, prefs, rows } = p;
  const m = prefs.m;
  const fmt = (ms: number) => formatLocal(ms, c.timeZone, prefs.locale);
  // A group's tab ranks its nominees among themselves (1, 2, 2, 4 within the group).
  const shown =
    rows === null ? null : p.group ? rankByLikes(rows.filter((r) => r.group === p.group)) : rows;
  const max = shown?.reduce((a, r) => Math.max(a, r.likes), 0) ?? 0;
  const total = rows?.reduce((a, r) => a + r.likes, 0) ?? 0;
  return (
    <Layout
      prefs={prefs}
      url={p.url}
      meta={{
        title: m.resultsTitle(c.title),
        description: c.title,
        canonical: `${p.origin}/c/${c.slug}/results`,
        image: `${p.origin}/icon-512.png`,
      }}
      data={{ page: "results", slug: c.slug, group: p.group }}
    >
      <nav class="crumbs" aria-label={m.backToList}>
        <a href={`/c/${c.slug}`}>← {c.title}</a>
      </nav>
      <h1>{m.results}</h1>
      <StatusLine
        m={m}
        status={p.status}
        opensAt={c.opensAt}
        closesAt={c.closesAt}
        now={p.generatedAt}
      />
      {shown === null ? (
        <p class="notice">
          {c.showCounts === "after_close"
            ? m.resultsHiddenAfterClose(fmt(votingEnd(c)))
            : m.resultsHiddenNever}
        </p>
      ) : (
        <>
          <p class="total" data-total>
            {m.totalLikes(total)}
          </p>
          {p.groups.length > 1 && (
            <nav class="tabs" aria-label={m.groupLabel}>
              <a
                href={`/c/${c.slug}/results`}
                aria-current={p.group === null ? "page" : undefined}
                data-group=""
              >
                {m.allGroups}
              </a>
              {p.groups.map((g) => (
                <a
                  href={`/c/${c.slug}/results?group=${encodeURIComponent(g)}`}
                  aria-current={p.group === g ? "page" : undefined}
                  data-group={g}
                >
                  {g}
                </a>
              ))}
            </nav>
          )}
          <ol class="ranking" data-ranking>
            <RankingRows rows={shown} slug={c.slug} max={max} m={m} />
          </ol>
          <p class="updated">
            <span data-updated>{m.updatedAt(fmt(p.generatedAt))}</span> ·{" "}
            {p.status === "published" ? m.resultsFinal : m.autoUpdate}
          </p>
        </>
      )}
    </Layout>
  );
}
