/**
 * The 大屏's script (→ public/screen.js, loaded only by /c/:slug/screen): the clock, F for full
 * screen, the live ranking (ETag polling of the results API, rows moved with a FLIP animation),
 * and after publication the honorees' slides (arrows, space to pause, one every few seconds).
 * Under prefers-reduced-motion rows jump to their place and a moved row is outlined instead.
 */
import type { RankedRow } from "../domain/ranking";
import { $, fill, pageData } from "./dom";
import { pollResults } from "./results-poll";

interface ScreenData {
  slug: string;
  status: string;
  top: number;
  timeZone: string;
  locale: string;
  live: boolean;
  hidden: boolean;
  slides: number;
  pollSeconds: number;
  slideSeconds: number;
  m: {
    likes: string;
    total: string;
    slideOf: string;
    pause: string;
    play: string;
    status: Record<string, string>;
  };
}

const data = pageData({} as ScreenData);
const reducedMotion = () => window.matchMedia("(prefers-reduced-motion: reduce)").matches;

/* ---------- clock ---------- */

function setupClock(): void {
  const clock = $<HTMLElement>("[data-clock]");
  if (!clock) return;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("zh-CN", {
      timeZone: data.timeZone,
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
  } catch {
    format = new Intl.DateTimeFormat("zh-CN", { hour: "2-digit", minute: "2-digit" });
  }
  const tick = () => {
    clock.textContent = format.format(new Date());
    setTimeout(tick, 1000 - (Date.now() % 1000));
  };
  tick();
}

/* ---------- full screen ---------- */

function toggleFullScreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen();
  else void document.documentElement.requestFullscreen?.().catch(() => undefined);
}

function setupFullScreen(): void {
  const button = $<HTMLButtonElement>("[data-fullscreen]");
  if (button && document.fullscreenEnabled) {
    button.hidden = false;
    button.addEventListener("click", toggleFullScreen);
  }
  document.addEventListener("keydown", (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "f" || e.key === "F") toggleFullScreen();
  });
}

/* ---------- live ranking ---------- */

/** How long a row that moved up stays outlined. */
const MOVED_MS = 8000;

/** Moves each row from where it was to where it is now (First, Last, Invert, Play). */
function animateMoves(
  list: HTMLElement,
  before: Map<string, number>,
  placeBefore: Map<string, number>,
) {
  const calm = reducedMotion();
  const rows = Array.from(list.children) as HTMLElement[];
  const time = Date.now();
  rows.forEach((row, place) => {
    const key = row.dataset.number || "";
    const was = before.get(key);
    const now = row.getBoundingClientRect().top;
    // Up the list, or new on it: outlined for a few seconds (a still cue, also under reduced motion).
    if ((placeBefore.get(key) ?? rows.length) > place) {
      row.classList.add("moved");
      row.dataset.movedAt = String(time);
    } else if (time - Number(row.dataset.movedAt || 0) > MOVED_MS) {
      row.classList.remove("moved");
    }
    if (calm || was === undefined || was === now || !row.animate) return;
    row.animate([{ transform: `translateY(${was - now}px)` }, { transform: "none" }], {
      duration: 900,
      easing: "cubic-bezier(0.2, 0.7, 0.2, 1)",
    });
  });
}

function setupRanking(): void {
  const list = $<HTMLOListElement>("[data-screen-ranking]");
  const total = $<HTMLElement>("[data-screen-total]");
  const status = $<HTMLElement>("[data-screen-status]");
  const proto = list?.querySelector<HTMLLIElement>(".screen-row")?.cloneNode(true) as
    | HTMLLIElement
    | undefined;

  const paint = (rows: RankedRow[]) => {
    if (!list || !proto) return;
    const shown = rows.slice(0, data.top);
    const max = shown.reduce((a, r) => Math.max(a, r.likes), 0);
    const before = new Map<string, number>();
    const placeBefore = new Map<string, number>();
    const existing = new Map<string, HTMLLIElement>();
    (Array.from(list.children) as HTMLLIElement[]).forEach((li, place) => {
      const key = li.dataset.number || "";
      before.set(key, li.getBoundingClientRect().top);
      placeBefore.set(key, place);
      existing.set(key, li);
    });
    const frag = document.createDocumentFragment();
    for (const r of shown) {
      // Rows keep their element, so the bar's width change is a transition, not a new bar.
      const li = existing.get(String(r.number)) || (proto.cloneNode(true) as HTMLLIElement);
      li.dataset.number = String(r.number);
      const rank = $<HTMLElement>(".screen-rank b", li);
      if (rank) rank.textContent = String(r.rank);
      li.toggleAttribute("data-podium", r.rank <= 3 && r.likes > 0);
      const spans = li.querySelectorAll<HTMLElement>(".screen-name > span");
      const num = spans[0];
      if (num) num.textContent = num.textContent?.replace(/\d+/, String(r.number)) || "";
      if (spans[1]) spans[1].textContent = r.name;
      const unit = $<HTMLElement>(".screen-unit", li);
      if (unit) unit.textContent = r.unit;
      const bar = $<HTMLElement>(".screen-bar span", li);
      if (bar) bar.style.width = `${max > 0 ? Math.round((r.likes / max) * 1000) / 10 : 0}%`;
      const likes = $<HTMLElement>(".screen-likes", li);
      if (likes) likes.textContent = fill(data.m.likes, { n: r.likes });
      frag.appendChild(li);
    }
    list.replaceChildren(frag);
    animateMoves(list, before, placeBefore);
  };

  if (!data.live && !data.hidden) return;
  pollResults(
    data.slug,
    data.pollSeconds * 1000,
    // Hidden counts: look rarely whether they became public (e.g. after closing).
    () => (data.hidden ? 15 : data.pollSeconds) * 1000,
    (json) => {
      // Hidden → visible, or the campaign was published (slides): the page itself changes.
      if (data.hidden || (json.status === "published" && data.status !== "published")) {
        location.reload();
        return false;
      }
      paint(json.candidates);
      if (total) total.textContent = fill(data.m.total, { n: json.totalLikes });
      if (status && data.m.status[json.status]) {
        status.textContent = data.m.status[json.status] || "";
        status.className = `screen-status status-${json.status}`;
      }
    },
  );
}

/* ---------- slides ---------- */

function setupSlides(): void {
  const slides = Array.from(document.querySelectorAll<HTMLElement>("[data-slide]"));
  if (slides.length === 0) return;
  const count = $<HTMLElement>("[data-slide-count]");
  const pause = $<HTMLButtonElement>("[data-slide-pause]");
  let current = 0;
  let playing = slides.length > 1;
  let timer = 0;

  const show = (i: number) => {
    current = (i + slides.length) % slides.length;
    slides.forEach((s, k) => {
      s.hidden = k !== current;
    });
    if (count) count.textContent = fill(data.m.slideOf, { i: current + 1, n: slides.length });
    schedule();
  };
  const schedule = () => {
    clearTimeout(timer);
    if (playing) timer = window.setTimeout(() => show(current + 1), data.slideSeconds * 1000);
  };
  const setPlaying = (on: boolean) => {
    playing = on && slides.length > 1;
    if (pause) pause.textContent = playing ? data.m.pause : data.m.play;
    schedule();
  };
  if (pause && slides.length > 1) {
    pause.hidden = false;
    pause.addEventListener("click", () => setPlaying(!playing));
  }
  $("[data-slide-prev]")?.addEventListener("click", () => show(current - 1));
  $("[data-slide-next]")?.addEventListener("click", () => show(current + 1));
  document.addEventListener("keydown", (e) => {
    if (e.key === "ArrowRight" || e.key === "PageDown") show(current + 1);
    else if (e.key === "ArrowLeft" || e.key === "PageUp") show(current - 1);
    else if (e.key === " " && !(e.target instanceof HTMLButtonElement)) {
      e.preventDefault();
      setPlaying(!playing);
    } else return;
  });
  setPlaying(playing);
}

setupClock();
setupFullScreen();
setupRanking();
setupSlides();
