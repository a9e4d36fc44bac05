/**
 * Passing the campaign on: the copy-link button, the poster (拉票海报, drawn by public/poster.js on
 * demand) and, inside WeChat, the share card through the JS-SDK or a one-time hint.
 */
import type { ShareConfig } from "../../domain/wechat";
import { $ } from "../dom";
import { data, m } from "./page";

export function setupCopy(): void {
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
export function dropSignInMark(): void {
  const url = new URL(location.href);
  if (!url.searchParams.has("wx")) return;
  url.searchParams.delete("wx");
  history.replaceState(history.state, "", `${url.pathname}${url.search}${url.hash}`);
}

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

export function setupPoster(): void {
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
export function setupWeChat(): void {
  const share = data.share;
  if (!share || !/MicroMessenger/i.test(navigator.userAgent)) return;
  const here = location.href.split("#")[0] || "";
  fetch(`/api/wechat/share-config?url=${encodeURIComponent(here)}`)
    .then((res) => (res.ok ? (res.json() as Promise<ShareConfig>) : null))
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
