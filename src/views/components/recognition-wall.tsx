import type { Nominee } from "../../db/schema";
import type { Preferences } from "../../types";
import { SELECTION_MESSAGES } from "../selection-text";

/**
 * The recognition wall (先进事迹选登) after publication: each honoree's portrait, headline, story
 * and 当选 badge, then the other nominees in a plain list. The method of the combined result is
 * stated when there was one; scores only where the campaign shows counts.
 */
export interface WallProps {
  slug: string;
  honorees: Nominee[];
  others: Nominee[];
  prefs: Preferences;
  /** The method sentence, when a committee took part. */
  method?: string;
  /** Combined scores by number, only when counts are public. */
  scores?: Map<number, number>;
}

export function RecognitionWall(p: WallProps) {
  const s = SELECTION_MESSAGES[p.prefs.locale];
  const m = p.prefs.m;
  return (
    <section class="recognition" aria-labelledby="wall-title" data-wall>
      <h2 id="wall-title">{s.wallTitle}</h2>
      <p>{s.honoreesCount(p.honorees.length)}</p>
      <ul class="wall">
        {p.honorees.map((n, i) => {
          const photo = n.photos[0];
          return (
            <li class="wall-item" data-honoree={String(n.number)}>
              {photo ? (
                <img
                  src={photo.url}
                  alt={photo.caption || n.name}
                  width="400"
                  height="300"
                  loading={i < 2 ? "eager" : "lazy"}
                  decoding="async"
                />
              ) : (
                <span class="portrait-empty" aria-hidden="true">
                  {n.name.slice(0, 1)}
                </span>
              )}
              <div class="wall-body">
                <h3>
                  {n.name}
                  <span class="badge badge-honoree">{s.elected}</span>
                </h3>
                <p class="card-unit">
                  {m.number(n.number)} · {n.position} · {n.unit}
                </p>
                <p class="wall-headline">{n.headline}</p>
                {p.scores?.has(n.number) && (
                  <p class="method-note">{`${p.prefs.locale === "en" ? "Combined score" : "综合得分"} ${p.scores.get(n.number)?.toFixed(2)}`}</p>
                )}
                <div class="wall-story">
                  {n.story.slice(0, 2).map((para) => (
                    <p>{para}</p>
                  ))}
                </div>
                <a href={`/c/${p.slug}/${n.number}`}>
                  {s.readMore}
                  <span class="visually-hidden">：{n.name}</span>
                </a>
              </div>
            </li>
          );
        })}
      </ul>
      {p.others.length > 0 && (
        <>
          <h2 id="others-title">{s.otherNominees}</h2>
          <ul class="others" aria-labelledby="others-title">
            {p.others.map((n) => (
              <li>
                <span class="card-number">{m.number(n.number)}</span>
                <a href={`/c/${p.slug}/${n.number}`}>{n.name}</a>
                <span class="card-unit">{n.unit}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {p.method && (
        <details class="editors-note">
          <summary>{s.combinedMethod}</summary>
          <p class="method-note">{p.method}</p>
        </details>
      )}
    </section>
  );
}
