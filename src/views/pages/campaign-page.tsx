import type { NomineeFilter } from "../../db/queries/nominees";
import type { Campaign, Nominee } from "../../db/schema";
import { type CampaignStatus, closedEarly, votingEnd } from "../../domain/campaign-status";
import type { Preferences } from "../../types";
import { formatLocal, StatusLine } from "../components/campaign-header";
import { NomineeCard } from "../components/nominee-card";
import { PreviewBanner } from "../components/preview-banner";
import { PublicNotice } from "../components/public-notice";
import { RecognitionWall, type WallProps } from "../components/recognition-wall";
import type { Messages } from "../i18n";
import { Layout } from "../layout";
import { receiptPath } from "./receipt-page";

export interface CampaignPageProps {
  campaign: Campaign;
  status: CampaignStatus;
  showLikes: boolean;
  totalLikes: number;
  candidateCount: number;
  nominees: Nominee[];
  groups: string[];
  filter: NomineeFilter;
  now: number;
  prefs: Preferences;
  url: string;
  origin: string;
  /** After publication: the recognition wall above the grid. */
  wall?: Omit<WallProps, "prefs" | "slug">;
  /** An organizer's 预览 of a draft (issue 14). */
  preview?: boolean;
}

/** The nominee grid alone: also served as a fragment for in-place search. */
export function NomineeGrid(props: {
  campaign: Campaign;
  nominees: Nominee[];
  showLikes: boolean;
  m: Messages;
}) {
  const { campaign, nominees, showLikes, m } = props;
  return (
    <div id="grid">
      {/* The status line, not the grid, is what a screen reader announces after a search. */}
      <p class="grid-count" role="status">
        {m.resultsCount(nominees.length)}
      </p>
      {nominees.length === 0 ? (
        <p class="empty">{m.noMatch}</p>
      ) : (
        <ul class="grid">
          {nominees.map((n, i) => (
            <NomineeCard n={n} slug={campaign.slug} m={m} showLikes={showLikes} eager={i < 4} />
          ))}
        </ul>
      )}
    </div>
  );
}

export function CampaignPage(p: CampaignPageProps) {
  const { campaign: c, prefs, filter } = p;
  const m = prefs.m;
  const fmt = (ms: number) => formatLocal(ms, c.timeZone, prefs.locale);
  const paragraphs = c.description.split(/\n{2,}/).filter((x) => x.trim() !== "");
  return (
    <Layout
      prefs={prefs}
      url={p.url}
      meta={{
        title: c.title,
        description: paragraphs[0]?.slice(0, 120),
        canonical: `${p.origin}/c/${c.slug}`,
        image: `${p.origin}/icon-512.png`,
      }}
      data={{ page: "campaign", slug: c.slug }}
    >
      {p.preview && <PreviewBanner locale={prefs.locale} />}
      <section class="hero">
        <h1>{c.title}</h1>
        <p class="organizer">
          {m.organizer}：{c.organizer}
        </p>
        <StatusLine m={m} status={p.status} opensAt={c.opensAt} closesAt={c.closesAt} now={p.now} />
        <p class="window">
          {m.window(fmt(c.opensAt), fmt(votingEnd(c)))}
          {closedEarly(c) && m.closedEarly(fmt(c.closesAt))}
        </p>
        <p class="rules">
          {m.rules(c.likesPerCandidatePerDay, c.likesPerVoterPerDay)}
          {m.rulesDayNote(c.timeZone)}
        </p>
        {p.showLikes && <p class="total">{m.totalLikes(p.totalLikes)}</p>}
        <p class="actions">
          <a class="button secondary" href={`/c/${c.slug}/results`}>
            {m.viewResults}
          </a>{" "}
          <a class="button secondary" href={receiptPath(c.slug)}>
            {m.receipt.title}
          </a>
        </p>
      </section>

      {p.wall && <RecognitionWall {...p.wall} slug={c.slug} prefs={prefs} />}

      {p.status === "published" && <PublicNotice c={c} locale={prefs.locale} now={p.now} />}

      {paragraphs.length > 0 && (
        <details class="editors-note">
          <summary>{m.editorsNote}</summary>
          {paragraphs.map((para) => (
            <p>{para}</p>
          ))}
        </details>
      )}

      <section aria-labelledby="nominees-heading">
        <h2 id="nominees-heading">{m.nominees}</h2>
        {/* biome-ignore lint/a11y/useSemanticElements: <search> is unknown to the WebViews we serve */}
        <form class="filters" method="get" action={`/c/${c.slug}`} role="search" data-filters>
          <div class="field field-q">
            <label for="q">{m.searchLabel}</label>
            <input
              id="q"
              name="q"
              type="search"
              value={filter.q ?? ""}
              placeholder={m.searchPlaceholder}
              maxlength={100}
              autocomplete="off"
              enterkeyhint="search"
            />
          </div>
          {p.groups.length > 1 && (
            <div class="field">
              <label for="group">{m.groupLabel}</label>
              <select id="group" name="group">
                <option value="">{m.allGroups}</option>
                {p.groups.map((g) => (
                  <option value={g} selected={filter.group === g}>
                    {g}
                  </option>
                ))}
              </select>
            </div>
          )}
          {p.showLikes && (
            <div class="field">
              <label for="sort">{m.sortLabel}</label>
              <select id="sort" name="sort">
                <option value="number" selected={filter.sort === "number"}>
                  {m.sortNumber}
                </option>
                <option value="likes" selected={filter.sort === "likes"}>
                  {m.sortLikes}
                </option>
              </select>
            </div>
          )}
          <button type="submit" class="button">
            {m.search}
          </button>
        </form>
        <NomineeGrid campaign={c} nominees={p.nominees} showLikes={p.showLikes} m={m} />
      </section>
    </Layout>
  );
}
