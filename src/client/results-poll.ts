/**
 * The live ranking's loop, shared by the public results page (public/app.js) and the 大屏
 * (public/screen.js): GET /api/campaigns/:slug/results with the last ETag, so an unchanged ranking
 * costs a 304 and no redraw.
 */
import type { RankedRow } from "../domain/ranking";

/** The part of the results JSON the pages draw (routes/api/results.ts sends more). */
export interface ResultsJson {
  status: string;
  totalLikes: number;
  candidates: RankedRow[];
}

/**
 * Polls the results `firstMs` after the page was drawn, then every `everyMs()` from the start of
 * the last poll (a slow answer does not stretch the interval), and calls `onChange` with each new
 * version; `onChange` returning false ends the loop (the page is about to reload). With
 * `visibleOnly`, a tab in the background skips its rounds. A failed request keeps the last ranking
 * and tries again next round.
 */
export function pollResults(
  slug: string,
  firstMs: number,
  everyMs: () => number,
  onChange: (json: ResultsJson) => unknown,
  visibleOnly = false,
): void {
  let etag = "";
  const poll = async () => {
    const started = Date.now();
    if (!visibleOnly || document.visibilityState === "visible") {
      try {
        const res = await fetch(`/api/campaigns/${slug}/results`, {
          headers: etag ? { "If-None-Match": etag } : {},
        });
        if (res.status === 200) {
          etag = res.headers.get("ETag") || "";
          if (onChange((await res.json()) as ResultsJson) === false) return;
        } else {
          // Read the (empty) 304 body so the browser does not log the request as aborted.
          await res.text();
        }
      } catch {
        /* keep the last ranking; try again next round */
      }
    }
    setTimeout(poll, Math.max(500, everyMs() - (Date.now() - started)));
  };
  setTimeout(poll, firstMs);
}
