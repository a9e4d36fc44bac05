/**
 * The like button: instant feedback, then the server's answer. A busy network answers 428 with a
 * proof-of-work challenge (solved in public/pow-worker.js) and, where the organizer turned it on,
 * Turnstile; the like is resent with the same Idempotency-Key, so it never counts twice.
 */
import type { Challenge } from "../../domain/proof-of-work";
import { $, fill } from "../dom";
import { m } from "./page";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function uuid(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x: number) => x.toString(16).padStart(2, "0")).join("");
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
  /** The last server error (5xx): after the retries its code says what went wrong, not "offline". */
  let lastFailure: { status: number; body: LikeAnswer } | null = null;
  let proof: Record<string, string> = {};
  let proofs = 0;
  /** What the server asked to wait before the next try (Retry-After of a 503), in ms. */
  let asked = 0;
  for (let attempt = 0; attempt < 4; attempt++) {
    if (attempt > 0) {
      onRetry();
      await sleep(Math.max(600 * 2 ** attempt, Math.min(asked, 10_000)));
    }
    try {
      const res = await fetch(url, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Idempotency-Key": key, "Content-Type": "application/json" },
        body: JSON.stringify(proof),
      });
      if (res.status >= 500) {
        asked = Number(res.headers.get("Retry-After")) * 1000 || 0;
        lastFailure = {
          status: res.status,
          body: (await res.json().catch(() => ({}))) as LikeAnswer,
        };
        continue;
      }
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
  if (lastFailure) return lastFailure;
  throw lastError ?? new Error("offline");
}

export function setupLike(): void {
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
          const code = $<HTMLElement>(".like-receipt-code", receiptEl);
          if (code) code.textContent = fill(m.receipt, { code: body.receipt });
          const check = $<HTMLAnchorElement>("a", receiptEl);
          if (check)
            check.href = `/c/${box.dataset.slug}/receipt?code=${encodeURIComponent(body.receipt)}`;
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
