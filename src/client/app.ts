/**
 * The few KB of browser code for the public pages. Everything here enhances pages that already
 * work without it: the like form, the search form, the ranking and the countdown.
 */
import { rankByLikes } from "../domain/ranking";
import type { ClientMessages } from "../views/i18n";

interface PageData {
  page?: string;
  slug?: string;
  group?: string | null;
  /** Profile pages: what the poster draws (public/poster.js). */
  poster?: Record<string, string | null> & { failed: string; making: string };
  /** Every public page: its share card (views/layout.tsx) and the WeChat hint's words. */
  share?: { title: string; desc: string; link: string; img: string };
  wx?: { hint: string; close: string };
  /** The strings the server ships with the page (views/i18n.ts `clientMessages`). */
  m: ClientMessages;
}

const $ = <T extends Element>(sel: string, root: ParentNode = document) =>
  root.querySelector<T>(sel);

const fill = (tpl: string, values: Record<string, string | number>) =>
  tpl.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ""));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function uuid(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x: number) => x.toString(16).padStart(2, "0")).join("");
}

const dataEl = document.getElementById("page-data");
const data: PageData = dataEl ? JSON.parse(dataEl.textContent || "{}") : { m: {} };
const m = data.m;

/* ---------- like ---------- */

interface Challenge {
  algorithm: string;
  challenge: string;
  maxnumber: number;
  salt: string;
  signature: string;
}

interface LikeAnswer {
  counted?: boolean;
  held?: boolean;
  likes?: number;
  remainingToday?: number | null;
  receipt?: string;
  error?: { code: string; challenge?: Challenge; turnstileSiteKey?: string; signInUrl?: string };
}

/** Solves a proof-of-work challenge in a Web Worker (public/pow-worker.js), off the main thread. */
function solveChallenge(c: Challenge): Promise<string | null> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker("/pow-worker.js");
    } catch {
      resolve(null);
      return;
    }
    worker.onmessage = (e: MessageEvent<{ number: number | null }>) => {
      worker.terminate();
      const n = e.data.number;
      resolve(n === null ? null : btoa(JSON.stringify({ ...c, number: n, maxnumber: undefined })));
    };
    worker.onerror = () => {
      worker.terminate();
      resolve(null);
    };
    worker.postMessage({ salt: c.salt, challenge: c.challenge, maxnumber: c.maxnumber });
  });
}

interface TurnstileApi {
  render(el: HTMLElement, opts: Record<string, unknown>): string;
}

/** Cloudflare Turnstile, only when the organizer turned it on and the server asks for it. */
function turnstileToken(siteKey: string): Promise<string | null> {
  return new Promise((resolve) => {
    const box = document.createElement("div");
    $("[data-like]")?.appendChild(box);
    const render = () => {
      const api = (window as unknown as { turnstile?: TurnstileApi }).turnstile;
      if (!api) return resolve(null);
      api.render(box, {
        sitekey: siteKey,
        callback: (token: string) => resolve(token),
        "error-callback": () => resolve(null),
      });
    };
    if ((window as unknown as { turnstile?: TurnstileApi }).turnstile) return render();
    const script = document.createElement("script");
    script.src = "https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit";
    script.nonce = document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce ?? "";
    script.onload = render;
    script.onerror = () => resolve(null);
    document.head.appendChild(script);
  });
}

/**
 * Sends the like with one Idempotency-Key across retries, so a retry after a lost answer never
 * counts twice. Retries network failures and 5xx with backoff; 4xx answers are final.
 */
async function sendLike(
  url: string,
  onRetry: () => void,
  onVerify: () => void,
): Promise<{ status: number; body: LikeAnswer }> {
  const key = uuid();
  let lastError: unknown;
  let proof: Record<string, string> = {};
  let proofs = 0;
  for (let attempt = 0; attempt < 4; attempt++) {
    if (attempt > 0) {
      onRetry();
      await sleep(600 * 2 ** attempt);
    }
    try {
      const res = await fetch(url, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Idempotency-Key": key, "Content-Type": "application/json" },
        body: JSON.stringify(proof),
      });
      if (res.status >= 500) continue;
      const body = (await res.json().catch(() => ({}))) as LikeAnswer;
      // Busy network: the server asks for a proof of work before counting. Solve it and resend
      // (same key), at most a few times.
      const challenge = body.error?.challenge;
      if (res.status === 428 && challenge && proofs < 3) {
        proofs++;
        onVerify();
        const [solution, token] = await Promise.all([
          solveChallenge(challenge),
          body.error?.turnstileSiteKey ? turnstileToken(body.error.turnstileSiteKey) : null,
        ]);
        if (solution) {
          proof = token ? { challenge: solution, turnstileToken: token } : { challenge: solution };
          attempt--;
          continue;
        }
      }
      // A retry whose first attempt was counted but whose answer was lost comes back as "already
      // liked": for the voter that is a success.
      if (attempt > 0 && body.error?.code === "already_liked")
        return { status: 201, body: { counted: true } };
      return { status: res.status, body };
    } catch (e) {
      lastError = e;
    }
  }
  throw lastError ?? new Error("offline");
}

function setupLike(): void {
  const box = $<HTMLElement>("[data-like]");
  const form = box && $<HTMLFormElement>("form", box);
  const button = box && $<HTMLButtonElement>("button", box);
  const feedback = box && $<HTMLElement>(".like-feedback", box);
  const receiptEl = box && $<HTMLElement>(".like-receipt", box);
  if (!box || !form || !button || !feedback) return;
  const text = $<HTMLElement>(".like-text", button);
  const count = $<HTMLElement>(".like-count", button);
  let likes = box.dataset.likes ? Number(box.dataset.likes) : null;
  let busy = false;

  const render = (liked: boolean) => {
    button.classList.toggle("liked", liked);
    button.setAttribute("aria-pressed", String(liked));
    if (text) text.textContent = liked ? m.liked : m.like;
    if (likes !== null && count) count.textContent = fill(m.likes, { n: likes });
  };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    const before = likes;
    const wasLiked = button.classList.contains("liked");
    // Instant feedback; the server's answer follows.
    if (likes !== null && !wasLiked) likes += 1;
    render(true);
    button.classList.remove("pop");
    void button.offsetWidth;
    button.classList.add("pop");
    feedback.textContent = m.sending;
    const url = `/api/campaigns/${box.dataset.slug}/candidates/${box.dataset.number}/likes`;
    try {
      const { status, body } = await sendLike(
        url,
        () => {
          feedback.textContent = m.retrying;
        },
        () => {
          feedback.textContent = m.verifying;
        },
      );
      if (status === 201 || status === 202) {
        // A held like (202) is recorded but not counted: the public count stays as it was.
        const held = status === 202;
        if (held) likes = before;
        else if (typeof body.likes === "number") likes = body.likes;
        render(true);
        const left = body.remainingToday;
        feedback.textContent =
          left === null || left === undefined
            ? held
              ? m.heldFeedbackUnlimited
              : m.feedbackUnlimited
            : fill(held ? m.heldFeedback : m.feedback, { n: left });
        if (body.receipt && receiptEl) {
          receiptEl.textContent = fill(m.receipt, { code: body.receipt });
          receiptEl.hidden = false;
        }
      } else {
        const code = body.error?.code || "unknown";
        const signIn = body.error?.signInUrl;
        if (code === "wechat_identity_required" && signIn && signIn.startsWith("/wechat/")) {
          // The WeChat identity expired since the page was drawn: inside WeChat sign in again
          // (silent, back to this page); elsewhere the page redraws with its QR code.
          feedback.textContent = m.errors[code] || "";
          if (/MicroMessenger/i.test(navigator.userAgent)) location.assign(signIn);
          else location.reload();
          return;
        }
        if (code !== "already_liked") {
          likes = before;
          render(wasLiked);
        } else {
          likes = before;
          render(true);
        }
        feedback.textContent = m.errors[code] || m.errors.unknown || code;
      }
    } catch {
      likes = before;
      render(wasLiked);
      feedback.textContent = m.errors.offline || "";
    } finally {
      busy = false;
    }
  });
}

/* ---------- search and filters, in place ---------- */

function setupFilters(): void {
  const form = $<HTMLFormElement>("[data-filters]");
  if (!form) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let seq = 0;
  const update = async () => {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form))
      if (typeof v === "string" && v !== "") params.set(k, v);
    if (params.get("sort") === "number") params.delete("sort");
    const query = params.toString();
    history.replaceState(null, "", `${form.action}${query ? `?${query}` : ""}`);
    params.set("fragment", "grid");
    const mine = ++seq;
    try {
      const res = await fetch(`${form.action}?${params}`, { credentials: "same-origin" });
      const html = res.ok ? await res.text() : "";
      const grid = $<HTMLElement>("#grid");
      if (!html || !grid || mine !== seq) return;
      const holder = document.createElement("div");
      holder.innerHTML = html; // our own server-rendered fragment
      const fresh = $<HTMLElement>("#grid", holder);
      const status = $<HTMLElement>(".grid-count", grid);
      const freshStatus = fresh && $<HTMLElement>(".grid-count", fresh);
      if (!fresh) return;
      if (status && freshStatus) {
        // The status line stays the same element, so a screen reader announces its new text;
        // the cards around it are swapped silently.
        freshStatus.remove();
        grid.replaceChildren(status, ...Array.from(fresh.childNodes));
        status.textContent = freshStatus.textContent;
      } else grid.replaceWith(fresh);
    } catch {
      /* offline: the form still submits normally */
    }
  };
  form.addEventListener("input", (e) => {
    clearTimeout(timer);
    timer = setTimeout(update, (e.target as HTMLElement).tagName === "SELECT" ? 0 : 300);
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    clearTimeout(timer);
    void update();
  });
}

/* ---------- live ranking ---------- */

interface ResultsJson {
  status: string;
  totalLikes: number;
  candidates: {
    rank: number;
    number: number;
    name: string;
    unit: string;
    group: string;
    likes: number;
    voidedLikes: number;
    heldLikes?: number;
  }[];
}

function setupRanking(): void {
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
  let etag = "";

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
      if (likes && (r.heldLikes ?? 0) > 0) {
        const note = document.createElement("small");
        note.className = "held";
        note.textContent = fill(m.held, { n: r.heldLikes ?? 0 });
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

  const poll = async () => {
    const started = Date.now();
    if (document.visibilityState === "visible") {
      try {
        const res = await fetch(`/api/campaigns/${data.slug}/results`, {
          headers: etag ? { "If-None-Match": etag } : {},
        });
        if (res.status === 200) {
          etag = res.headers.get("ETag") || "";
          paint((await res.json()) as ResultsJson);
        } else {
          // Read the (empty) 304 body so the browser does not log the request as aborted.
          await res.text();
        }
      } catch {
        /* keep the last ranking; try again next round */
      }
    }
    // Every 4 s from the start of the last poll, so a slow answer does not stretch the interval.
    setTimeout(poll, Math.max(500, 4000 - (Date.now() - started)));
  };
  setTimeout(poll, 4000);
}

/* ---------- countdown ---------- */

function setupCountdown(): void {
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

/* ---------- copy link ---------- */

function setupCopy(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>("[data-copy]")) {
    const input = $<HTMLInputElement>(button.dataset.copy || "");
    if (!input) continue;
    button.hidden = false;
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(input.value);
      } catch {
        input.select();
        document.execCommand("copy");
      }
      button.textContent = m.copied;
    });
  }
}

/** The WeChat sign-in's return mark (`?wx=1`) is not for sharing: drop it from the address bar. */
function dropSignInMark(): void {
  const url = new URL(location.href);
  if (!url.searchParams.has("wx")) return;
  url.searchParams.delete("wx");
  history.replaceState(history.state, "", `${url.pathname}${url.search}${url.hash}`);
}

dropSignInMark();

/* ---------- poster (拉票海报) ---------- */

let posterScript: Promise<void> | undefined;
/** public/poster.js, fetched the first time a voter asks for a poster. */
function loadPosterScript(): Promise<void> {
  posterScript ??= new Promise<void>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = "/poster.js";
    script.onload = () => resolve();
    script.onerror = () => {
      posterScript = undefined;
      reject(new Error("poster.js"));
    };
    document.head.appendChild(script);
  });
  return posterScript;
}

function setupPoster(): void {
  const button = $<HTMLButtonElement>("[data-poster]");
  const out = $<HTMLElement>("[data-poster-out]");
  const status = $<HTMLElement>("[data-poster-status]");
  const poster = data.poster;
  if (!button || !out || !poster) return;
  button.hidden = false;
  button.addEventListener("click", async () => {
    button.disabled = true;
    if (status) status.textContent = poster.making;
    try {
      await loadPosterScript();
      const make = (window as unknown as { bangyangPoster?: (d: unknown) => Promise<string> })
        .bangyangPoster;
      if (!make) throw new Error("no poster");
      const url = await make(poster);
      const img = $<HTMLImageElement>("img", out);
      if (img) img.src = url;
      const link = $<HTMLAnchorElement>("[data-poster-download]", out);
      if (link) link.href = url;
      out.hidden = false;
      if (status) status.textContent = "";
      out.scrollIntoView({ block: "nearest" });
    } catch {
      if (status) status.textContent = poster.failed;
    } finally {
      button.disabled = false;
    }
  });
}

/* ---------- WeChat share ---------- */

interface WxConfig {
  appId: string;
  timestamp: number;
  nonceStr: string;
  signature: string;
  jsApiList: string[];
  sdkUrl: string;
}

interface Wx {
  config(c: Record<string, unknown>): void;
  ready(f: () => void): void;
  error(f: () => void): void;
  updateAppMessageShareData(d: Record<string, string>): void;
  updateTimelineShareData(d: Record<string, string>): void;
}

const HINT_SEEN = "by_wx_hint";

/** Once per browser: where WeChat's own 分享 is (··· top right). */
function wechatHint(): void {
  const wx = data.wx;
  if (!wx) return;
  try {
    if (localStorage.getItem(HINT_SEEN)) return;
    localStorage.setItem(HINT_SEEN, "1");
  } catch {
    return;
  }
  const box = document.createElement("div");
  box.className = "wechat-hint";
  box.setAttribute("role", "status");
  const text = document.createElement("span");
  text.textContent = `↗ ${wx.hint}`;
  const close = document.createElement("button");
  close.type = "button";
  close.textContent = wx.close;
  close.addEventListener("click", () => box.remove());
  box.append(text, close);
  document.body.appendChild(box);
}

/**
 * Inside WeChat: when the server signs a JS-SDK config (an Official Account is configured), load
 * WeChat's own jweixin script and set the share card for chats and Moments; otherwise show the
 * one-time hint. Outside WeChat nothing happens (and nothing is fetched).
 */
function setupWeChat(): void {
  const share = data.share;
  if (!share || !/MicroMessenger/i.test(navigator.userAgent)) return;
  const here = location.href.split("#")[0] || "";
  fetch(`/api/wechat/share-config?url=${encodeURIComponent(here)}`)
    .then((res) => (res.ok ? (res.json() as Promise<WxConfig>) : null))
    .then((config) => {
      if (!config) return wechatHint();
      const script = document.createElement("script");
      script.src = config.sdkUrl;
      script.onerror = wechatHint;
      script.onload = () => {
        const wx = (window as unknown as { wx?: Wx }).wx;
        if (!wx) return wechatHint();
        wx.config({ debug: false, ...config });
        wx.error(wechatHint);
        wx.ready(() => {
          const card = {
            title: share.title,
            desc: share.desc,
            link: share.link || here,
            imgUrl: new URL(share.img, location.href).href,
          };
          wx.updateAppMessageShareData(card);
          wx.updateTimelineShareData({ title: card.title, link: card.link, imgUrl: card.imgUrl });
          (window as unknown as { __wxShare?: unknown }).__wxShare = card;
        });
      };
      document.head.appendChild(script);
    })
    .catch(wechatHint);
}

setupLike();
setupFilters();
setupRanking();
setupCountdown();
setupCopy();
setupPoster();
setupWeChat();
