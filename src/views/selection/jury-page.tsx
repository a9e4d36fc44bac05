import type { Preferences } from "../../types";
import { SELECTION_MESSAGES } from "../selection-text";
import { LinkLayout } from "./link-layout";

/** A juror's score sheet: one small form per nominee, big enough for a thumb on a 360 px phone. */

export interface JuryView {
  juror: { name: string };
  campaign: { slug: string; title: string; organizer: string };
  scoringClosed: boolean;
  scored: number;
  nominees: {
    number: number;
    name: string;
    position: string;
    unit: string;
    headline: string;
    score: number | null;
    note: string;
    panel?: { juror: string; score: number; note: string }[];
  }[];
}

export function JuryPage(props: {
  prefs: Preferences;
  url: string;
  token: string;
  view: JuryView;
}) {
  const s = SELECTION_MESSAGES[props.prefs.locale];
  const m = props.prefs.m;
  const v = props.view;
  return (
    <LinkLayout
      title={`${s.juryTitle} · ${v.campaign.title}`}
      prefs={props.prefs}
      url={props.url}
      data={{ page: "jury", api: `/api/jury/${props.token}` }}
    >
      <section class="hero">
        <h1>{v.campaign.title}</h1>
        <p class="organizer">
          {s.jurorLabel}：<strong>{v.juror.name}</strong>
        </p>
        <p>
          {v.scoringClosed ? (
            s.scoringClosed
          ) : (
            <>
              {s.juryIntro}{" "}
              <strong>
                {s.scoredLabel} <span data-progress-done>{v.scored}</span> / {v.nominees.length}
              </strong>
            </>
          )}
        </p>
      </section>
      <ol class="sheet">
        {v.nominees.map((n) => (
          <li class="sheet-row" data-sheet-row data-scored={n.score !== null ? "true" : undefined}>
            <h2 id={`n${n.number}`}>
              {m.number(n.number)} {n.name}
            </h2>
            <p class="card-unit">
              {n.position} · {n.unit}
            </p>
            <p>{n.headline}</p>
            <p>
              <a href={`/c/${v.campaign.slug}/${n.number}`} target="_blank" rel="noopener">
                {s.readStory}
                <span class="visually-hidden">：{n.name}</span>
              </a>
            </p>
            {v.scoringClosed ? (
              <>
                <p>
                  {s.score}：<strong>{n.score ?? s.notScored}</strong>
                  {n.note && `（${n.note}）`}
                </p>
                {n.panel && n.panel.length > 0 && (
                  <p class="panel-scores">
                    {s.panelScores}：{n.panel.map((p) => `${p.juror} ${p.score}`).join("，")}；
                    {s.mean}{" "}
                    {(n.panel.reduce((sum, p) => sum + p.score, 0) / n.panel.length).toFixed(2)}
                  </p>
                )}
              </>
            ) : (
              <form class="score-form" data-score-form data-number={String(n.number)} novalidate>
                <div class="row">
                  <div class="field">
                    <label for={`score-${n.number}`}>{s.score}</label>
                    <input
                      id={`score-${n.number}`}
                      name="score"
                      type="number"
                      inputmode="numeric"
                      min={0}
                      max={100}
                      step={1}
                      required
                      value={n.score === null ? "" : String(n.score)}
                      aria-describedby={`error-${n.number} state-${n.number}`}
                    />
                  </div>
                  <button type="submit" class="button">
                    {s.saveScore}
                    <span class="visually-hidden">：{n.name}</span>
                  </button>
                </div>
                <p class="form-error" id={`error-${n.number}`} role="alert" data-score-error />
                <div class="field">
                  <label for={`note-${n.number}`}>{s.note}</label>
                  <textarea id={`note-${n.number}`} name="note" rows={2} maxlength={500}>
                    {n.note}
                  </textarea>
                </div>
                <p class="save-state" id={`state-${n.number}`} role="status" data-score-state>
                  {n.score === null ? s.notScored : ""}
                </p>
              </form>
            )}
          </li>
        ))}
      </ol>
    </LinkLayout>
  );
}
