import type { Nominee } from "../../db/schema";
import type { Messages } from "../i18n";

/** One nominee in the grid: portrait, 编号, name, unit, headline and likes when visible. */
export function NomineeCard(props: {
  n: Nominee;
  slug: string;
  m: Messages;
  showLikes: boolean;
  eager?: boolean;
}) {
  const { n, slug, m, showLikes } = props;
  const photo = n.photos[0];
  return (
    <li class="card">
      <a href={`/c/${slug}/${n.number}`} class="card-link">
        {photo ? (
          <img
            src={photo.url}
            alt=""
            width="150"
            height="200"
            loading={props.eager ? "eager" : "lazy"}
            decoding="async"
          />
        ) : (
          <span class="portrait-empty" aria-hidden="true">
            {n.name.slice(0, 1)}
          </span>
        )}
        <span class="card-body">
          <span class="card-number">{m.number(n.number)}</span>
          <span class="card-name">
            {n.name}
            {n.honoree && <span class="badge badge-honoree">{m.honoree}</span>}
          </span>
          <span class="card-unit">{n.unit}</span>
          <span class="card-headline">{n.headline}</span>
          {showLikes && (
            <span class="card-likes" data-likes={n.likes}>
              {m.likesCount(n.likes)}
            </span>
          )}
        </span>
      </a>
    </li>
  );
}
