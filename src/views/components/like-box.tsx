import type { CampaignStatus } from "../../domain/campaign-status";
import type { Messages } from "../i18n";
import { receiptPath } from "../pages/receipt-page";

export interface LikeBoxProps {
  m: Messages;
  slug: string;
  number: number;
  name: string;
  status: CampaignStatus;
  /** null while counts are hidden. */
  likes: number | null;
  /** Held likes (待核验), shown only where counts are. */
  held?: number;
  likedToday: boolean;
  /** Likes this voter has left today; null = no daily cap. */
  remainingToday: number | null;
  /** Outcome of a no-JS like, from the redirect. */
  outcome?: { code: string; remaining: number | null; receipt?: string };
}

const CLOSED_MESSAGE: Partial<
  Record<CampaignStatus, "voting_not_open" | "voting_paused" | "voting_closed">
> = {
  upcoming: "voting_not_open",
  paused: "voting_paused",
  closed: "voting_closed",
  published: "voting_closed",
};

/**
 * The like button: a plain form POST to the profile's own URL (works without JS), enhanced by
 * the browser script with instant feedback and safe retries.
 */
export function LikeBox(p: LikeBoxProps) {
  const { m } = p;
  const closed = CLOSED_MESSAGE[p.status];
  let feedback = "";
  if (p.outcome) {
    feedback =
      p.outcome.code === "liked"
        ? m.likedFeedback(p.outcome.remaining)
        : p.outcome.code === "held"
          ? m.heldFeedback(p.outcome.remaining)
          : (m.likeErrors[p.outcome.code] ?? m.likeErrors.unknown ?? "");
  } else if (closed) {
    feedback = m.likeErrors[closed] ?? "";
  } else if (p.likedToday) {
    feedback = m.likedFeedback(p.remainingToday);
  }
  return (
    <section
      class="like"
      data-like
      data-slug={p.slug}
      data-number={p.number}
      data-name={p.name}
      data-likes={p.likes ?? undefined}
      data-remaining={p.remainingToday ?? undefined}
    >
      <form method="post" action={`/c/${p.slug}/${p.number}`}>
        <button
          type="submit"
          class={p.likedToday ? "like-button liked" : "like-button"}
          aria-pressed={p.likedToday ? "true" : "false"}
          disabled={closed !== undefined}
        >
          <svg class="heart" viewBox="0 0 24 24" width="28" height="28" aria-hidden="true">
            <path d="M12 21s-7.5-4.6-9.6-9.2C.9 8.4 3 4.5 6.8 4.5c2.1 0 3.6 1.1 5.2 3 1.6-1.9 3.1-3 5.2-3 3.8 0 5.9 3.9 4.4 7.3C19.5 16.4 12 21 12 21z" />
          </svg>
          <span class="visually-hidden">{m.likeFor(p.name).before}</span>
          <span class="like-text">{p.likedToday ? m.liked : m.likeButton}</span>
          {p.likes !== null && <span class="like-count">{m.likesCount(p.likes)}</span>}
          <span class="visually-hidden">{m.likeFor(p.name).after}</span>
        </button>
      </form>
      {p.likes !== null && (p.held ?? 0) > 0 && <p class="like-held">{m.held(p.held ?? 0)}</p>}
      <p class="like-feedback" role="status" aria-live="polite">
        {feedback}
      </p>
      <p class="like-receipt" hidden={!p.outcome?.receipt}>
        <span class="like-receipt-code">
          {p.outcome?.receipt ? m.receiptNote(p.outcome.receipt) : ""}
        </span>{" "}
        <a href={receiptPath(p.slug, p.outcome?.receipt)}>{m.receiptCheck}</a>
      </p>
    </section>
  );
}
