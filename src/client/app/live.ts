/** What updates by itself on a public page: the live ranking (ETag polling) and the countdown. */
import { rankByLikes } from "../../domain/ranking";
import { $, fill } from "../dom";
import { pollResults, type ResultsJson } from "../results-poll";
import { data, m } from "./page";

export function setupRanking(): void {
  const list = $<HTMLOListElement>("[data-ranking]");
  if (!list || !data.slug) return;
  const template = list.querySelector<HTMLLIElement>(".rank-row");
  if (!template) return;
  const proto = template.cloneNode(true) as HTMLLIElement;
  // The first row is the template for every row: without its own voided and held notes.
  $<HTMLElement>(".voided", proto)?.remove();
  $<HTMLElement>(".held", proto)?.remove();
  const total = $<HTMLElement>("[data-total]");
  const updated = $<HTMLElement>("[data-updated]");

  const paint = (json: ResultsJson) => {
    // A group's tab ranks its nominees among themselves, as the server renders it.
    const rows = data.group
      ? rankByLikes(json.candidates.filter((r) => r.group === data.group))
      : json.candidates;
    const max = rows.reduce((a, r) => Math.max(a, r.likes), 0);
    const frag = document.createDocumentFragment();
    for (const r of rows) {
      const li = proto.cloneNode(true) as HTMLLIElement;
      li.dataset.group = r.group;
      li.dataset.number = String(r.number);
      const rank = $<HTMLElement>(".rank b", li);
      if (rank) rank.textContent = String(r.rank);
      const link = $<HTMLAnchorElement>(".rank-main a", li);
      if (link) {
        link.href = `/c/${data.slug}/${r.number}`;
        const num = $<HTMLElement>(".card-number", link);
        if (num) num.textContent = num.textContent?.replace(/\d+/, String(r.number)) || "";
        if (link.lastChild) link.lastChild.textContent = ` ${r.name}`;
      }
      const unit = $<HTMLElement>(".rank-unit", li);
      if (unit) unit.textContent = r.unit;
      const bar = $<HTMLElement>(".bar span", li);
      if (bar) bar.style.width = `${max > 0 ? Math.round((r.likes / max) * 1000) / 10 : 0}%`;
      const likes = $<HTMLElement>(".rank-likes", li);
      if (likes?.firstChild) likes.firstChild.textContent = fill(m.likes, { n: r.likes });
      if (likes && r.heldLikes > 0) {
        const note = document.createElement("small");
        note.className = "held";
        note.textContent = fill(m.held, { n: r.heldLikes });
        likes.appendChild(note);
      }
      if (likes && r.voidedLikes > 0) {
        const note = document.createElement("small");
        note.className = "voided";
        note.textContent = fill(m.voided, { n: r.voidedLikes });
        likes.appendChild(note);
      }
      frag.appendChild(li);
    }
    list.replaceChildren(frag);
    if (total) total.textContent = total.textContent?.replace(/\d+/, String(json.totalLikes)) || "";
    if (updated) {
      const time = new Date().toLocaleTimeString(document.documentElement.lang, { hour12: false });
      updated.textContent = fill(m.updated, { time });
    }
  };

  // Every 4 s, while the page is in view.
  pollResults(data.slug, 4000, () => 4000, paint, true);
}

/** Minutes left until the campaign opens or closes; the page reloads when it is time. */
export function setupCountdown(): void {
  const el = $<HTMLElement>("[data-countdown]");
  const strong = el && $<HTMLElement>("strong", el);
  if (!el || !strong) return;
  const target = Number(el.dataset.countdown);
  const tick = () => {
    const minutes = Math.max(0, Math.floor((target - Date.now()) / 60000));
    const d = Math.floor(minutes / 1440);
    const h = Math.floor((minutes % 1440) / 60);
    const min = minutes % 60;
    const [withDays, withHours, onlyMinutes] = m.countdown;
    strong.textContent = fill(d > 0 ? withDays : h > 0 ? withHours : onlyMinutes, { d, h, m: min });
    if (minutes === 0 && target <= Date.now()) setTimeout(() => location.reload(), 1500);
    else setTimeout(tick, 30_000);
  };
  tick();
}
