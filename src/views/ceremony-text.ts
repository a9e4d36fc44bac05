/**
 * Words of the 大屏 (projector screen), the 拉票海报 (poster) and the WeChat share hint, Chinese first
 * with English, like views/i18n.ts. The browser scripts (src/client/screen.ts, poster.ts) get the
 * strings they need through the page's JSON block.
 */
import type { Locale } from "./i18n";

const zh = {
  screenTitle: (title: string) => `${title} · 大屏`,
  scanToVote: "扫码投票",
  scanToView: "扫码查看",
  total: (n: number) => `累计点赞 ${n} 次`,
  totalTemplate: "累计点赞 {n} 次",
  topOf: (shown: number, all: number) =>
    shown < all ? `前 ${shown} 名 · 共 ${all} 位候选人` : `共 ${all} 位候选人`,
  rank: "名次",
  likes: (n: number) => `${n} 票`,
  likesTemplate: "{n} 票",
  hiddenNote: "本次评选暂不公开票数，请扫码为候选人点赞。",
  updatedEvery: (s: number) => `每 ${s} 秒自动更新`,
  clockLabel: "当前时间",
  fullScreen: "全屏（F）",
  keysHint: "F 全屏 · ← → 切换 · 空格 暂停",
  wallTitle: "先进事迹展示",
  elected: "当选",
  slideOf: (i: number, n: number) => `第 ${i} / ${n} 位`,
  slideOfTemplate: "第 {i} / {n} 位",
  prevSlide: "上一位",
  nextSlide: "下一位",
  pause: "暂停播放",
  play: "继续播放",
  showRanking: "查看排名",
  showWall: "播放先进事迹",
  poster: "生成拉票海报",
  posterMaking: "正在生成海报…",
  posterSave: "长按图片保存，或发送给朋友",
  posterDownload: "下载海报",
  posterAlt: (name: string) => `${name}的拉票海报`,
  posterFailed: "海报生成失败，请截图分享卡片。",
  posterCta: "长按识别二维码 · 为TA点赞",
  wechatHint: "点击右上角「···」，可发送给朋友或分享到朋友圈",
  wechatHintClose: "知道了",
};

export type CeremonyMessages = typeof zh;

const en: CeremonyMessages = {
  screenTitle: (title) => `${title} · big screen`,
  scanToVote: "Scan to vote",
  scanToView: "Scan to read more",
  total: (n) => `${n} likes in all`,
  totalTemplate: "{n} likes in all",
  topOf: (shown, all) => (shown < all ? `Top ${shown} of ${all} nominees` : `${all} nominees`),
  rank: "Rank",
  likes: (n) => `${n} like${n === 1 ? "" : "s"}`,
  likesTemplate: "{n} likes",
  hiddenNote: "Counts are not public for this campaign. Scan to like a nominee.",
  updatedEvery: (s) => `Updates every ${s} seconds`,
  clockLabel: "Time now",
  fullScreen: "Full screen (F)",
  keysHint: "F full screen · ← → slides · Space pause",
  wallTitle: "The honorees",
  elected: "Honoree",
  slideOf: (i, n) => `${i} of ${n}`,
  slideOfTemplate: "{i} of {n}",
  prevSlide: "Previous",
  nextSlide: "Next",
  pause: "Pause",
  play: "Play",
  showRanking: "Show the ranking",
  showWall: "Play the honorees",
  poster: "Make a poster",
  posterMaking: "Making the poster…",
  posterSave: "Press and hold the image to save or send it",
  posterDownload: "Download the poster",
  posterAlt: (name) => `Poster for ${name}`,
  posterFailed: "Could not make the poster; share the card instead.",
  posterCta: "Scan the code to like",
  wechatHint: "Tap ··· at the top right to send this to a friend or to Moments",
  wechatHintClose: "Got it",
};

export const CEREMONY_MESSAGES: Record<Locale, CeremonyMessages> = { "zh-CN": zh, en };
