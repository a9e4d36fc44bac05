import type { UnitNomination } from "../../db/queries/nominations";
import type { Campaign, NominationInvite } from "../../db/schema";
import type { Preferences } from "../../types";
import { formatLocal } from "../components/campaign-header";
import { SELECTION_MESSAGES } from "../selection-text";
import { LinkLayout } from "./link-layout";

/** A nominating unit's pages behind its invitation link: its nominations, and the form. */

export interface UnitPageProps {
  prefs: Preferences;
  url: string;
  token: string;
  invite: NominationInvite;
  campaign: Campaign;
  open: boolean;
  closeAt: number | null;
  nominations: UnitNomination[];
}

function StatusBadge(props: { status: string; prefs: Preferences }) {
  const s = SELECTION_MESSAGES[props.prefs.locale];
  return (
    <span class={`badge nomination-${props.status}`}>{s.status[props.status] ?? props.status}</span>
  );
}

export function UnitHomePage(p: UnitPageProps) {
  const s = SELECTION_MESSAGES[p.prefs.locale];
  const fmt = (ms: number) => formatLocal(ms, p.campaign.timeZone, p.prefs.locale);
  const used = p.nominations.filter((n) => n.status !== "declined").length;
  const base = `/n/${p.token}`;
  return (
    <LinkLayout
      title={`${s.unitTitle} · ${p.campaign.title}`}
      prefs={p.prefs}
      url={p.url}
      data={{ page: "unit-home", api: `/api/nominate/${p.token}`, base }}
    >
      <section class="hero">
        <h1>{p.campaign.title}</h1>
        <p class="organizer">
          {s.unitLabel}：<strong>{p.invite.unit}</strong>
        </p>
        <p data-quota>{s.quota(used, p.invite.quota)}</p>
        {p.closeAt !== null && <p class="window">{s.deadline(fmt(p.closeAt))}</p>}
        {!p.open && <p class="notice">{s.nominationsClosed}</p>}
        <p class="hint">{s.linkExpires(fmt(p.invite.expiresAt))}</p>
      </section>
      {p.open &&
        (used < p.invite.quota ? (
          <p>
            <noscript>
              <span class="notice">{s.needsJs}</span>
            </noscript>
            <button type="button" class="button" data-new-nomination>
              {s.newNomination}
            </button>
            <span class="form-error" role="alert" data-error />
          </p>
        ) : (
          <p class="notice">{s.quotaFull}</p>
        ))}
      <section aria-labelledby="mine">
        <h2 id="mine">{s.yourNominations}</h2>
        {p.nominations.length === 0 ? (
          <p class="empty">{s.noNominations}</p>
        ) : (
          <ul class="nomination-list">
            {p.nominations.map((n) => (
              <li class="nomination-item" data-nomination={String(n.id)}>
                <p class="nomination-name">
                  <strong>{n.name || "—"}</strong> <StatusBadge status={n.status} prefs={p.prefs} />
                </p>
                <p class="card-unit">
                  {n.position} {n.unit}
                </p>
                {n.number !== null && <p>{s.acceptedAs(n.number)}</p>}
                {n.reviewComment && (
                  <p class="review-comment">
                    {s.reviewComment}：{n.reviewComment}
                  </p>
                )}
                <p>
                  <a class="button secondary" href={`${base}/${n.id}`}>
                    {p.open && (n.status === "draft" || n.status === "returned") ? s.edit : s.view}
                    <span class="visually-hidden">：{n.name}</span>
                  </a>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </LinkLayout>
  );
}

export function NominationFormPage(p: UnitPageProps & { n: UnitNomination }) {
  const s = SELECTION_MESSAGES[p.prefs.locale];
  const n = p.n;
  const editable = p.open && (n.status === "draft" || n.status === "returned");
  const base = `/n/${p.token}`;
  const f = s.fields;
  const text = (
    name: "name" | "position" | "unit" | "group" | "headline",
    value: string,
    max: number,
  ) => (
    <div class="field">
      <label for={`f-${name}`}>{f[name]}</label>
      <input
        id={`f-${name}`}
        name={name}
        type="text"
        maxlength={max}
        value={value}
        readonly={!editable}
        required={name !== "group"}
      />
    </div>
  );
  return (
    <LinkLayout
      title={`${s.formTitle} · ${p.campaign.title}`}
      prefs={p.prefs}
      url={p.url}
      data={{
        page: "unit-form",
        api: `/api/nominate/${p.token}/nominations/${n.id}`,
        base,
        editable,
      }}
    >
      <p class="crumbs">
        <a href={base}>{s.back}</a>
      </p>
      <h1>
        {s.formTitle} <StatusBadge status={n.status} prefs={p.prefs} />
      </h1>
      <p class="organizer">
        {s.unitLabel}：{p.invite.unit}
      </p>
      {n.reviewComment && (
        <p class="review-comment" role="note">
          {s.reviewComment}：{n.reviewComment}
        </p>
      )}
      {n.number !== null && <p>{s.acceptedAs(n.number)}</p>}
      {editable ? <p class="hint">{s.autosaveHint}</p> : <p class="notice">{s.readOnly}</p>}
      <noscript>
        <p class="notice">{s.needsJs}</p>
      </noscript>
      <form class="nomination-form" data-nomination-form novalidate>
        {text("name", n.name, 50)}
        {text("position", n.position, 100)}
        {text("unit", n.unit, 100)}
        {text("group", n.groupName, 100)}
        {text("headline", n.headline, 200)}
        <div class="field">
          <label for="f-story">{f.story}</label>
          <textarea
            id="f-story"
            name="story"
            rows={10}
            readonly={!editable}
            aria-describedby="story-hint"
            required
          >
            {n.story.join("\n\n")}
          </textarea>
          <p class="hint" id="story-hint">
            {s.storyHint}
          </p>
        </div>
        <p class="save-state" role="status" aria-live="polite" data-save-state />
      </form>
      <section aria-labelledby="photos-title" class="photos">
        <h2 id="photos-title">{f.photos}</h2>
        <ul class="photo-list">
          {n.photos.map((ph, i) => (
            <li>
              <img
                src={ph.url}
                alt={ph.caption || `${f.photos} ${i + 1}`}
                width="120"
                height="160"
              />
              <span>{ph.caption}</span>
              {editable && (
                <button type="button" class="button secondary small" data-remove-photo={String(i)}>
                  {s.removePhoto}
                  <span class="visually-hidden"> {i + 1}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
        {editable && (
          <form class="photo-form" data-photo-form>
            <div class="field">
              <label for="photo-file">{s.upload}</label>
              <input
                id="photo-file"
                name="file"
                type="file"
                accept="image/jpeg,image/png,image/webp"
                aria-describedby="photo-hint"
              />
              <p class="hint" id="photo-hint">
                {s.photoHint}
              </p>
            </div>
            <div class="field">
              <label for="photo-caption">{s.photoCaption}</label>
              <input id="photo-caption" name="caption" type="text" maxlength={200} />
            </div>
            <button type="submit" class="button secondary">
              {s.upload}
            </button>
          </form>
        )}
      </section>
      <p class="form-error" role="alert" data-error />
      {editable && (
        <p class="button-row">
          <button type="button" class="button" data-submit-nomination>
            {s.submit}
          </button>
          {n.status === "draft" && (
            <button type="button" class="button secondary" data-delete-nomination>
              {s.deleteDraft}
            </button>
          )}
        </p>
      )}
    </LinkLayout>
  );
}
