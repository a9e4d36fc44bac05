import type { ExchangeFailure } from "../integrations/wechat-oauth";
import type { Locale } from "./i18n";

/**
 * The words of the WeChat identity mode (issue 13 item 5), Chinese first. Kept apart from i18n.ts
 * so the feature reads as one piece; the like error `wechat_identity_required` is in i18n.ts with
 * the other like errors.
 */

/** Why a sign-in did not finish: the exchange's reasons and our own checks of the link. */
export type SignInFailure = ExchangeFailure | "link_invalid" | "link_expired";

const zh = {
  gateTitle: "本次评选用微信投票",
  why: "为防止刷票，本次评选规定一个微信号算一位投票人。在微信中打开本页时，微信会直接确认您的身份，无需任何操作：网站只得到一个匿名编号（且只保存它的加密摘要），不获取昵称、头像或手机号，也不要求关注公众号。",
  openInWeChat: "请用微信“扫一扫”扫描下方二维码，在微信中打开本页后点赞。",
  qrAlt: (name: string) => `在微信中打开${name}页面的二维码`,
  copyHint: "也可以复制下面的链接，发到微信（例如“文件传输助手”）后在微信里打开：",
  signIn: "在微信中确认身份后点赞",
  signInHint: "将跳转到微信确认身份，完成后自动回到本页。",
  unavailable: "本次评选需用微信投票，但网站尚未完成微信公众号配置，暂时无法点赞。请联系主办单位。",
  signedIn: "已通过微信确认身份，按本次评选规则计票。",
  failTitle: "微信身份确认未完成",
  failures: {
    link_invalid: "确认身份的链接无效。请回到候选人页面重新点赞。",
    link_expired: "确认身份的链接已过期（超过 10 分钟）。请回到候选人页面重新点赞。",
    code_invalid: "微信返回的授权码无效、已被使用或已过期。请回到候选人页面重试。",
    snapshot_user:
      "您正在朋友圈的“快照页”中浏览，微信不提供身份确认。请点击页面下方的“打开”进入完整页面后再点赞。",
    misconfigured: "网站的微信公众号配置有误，暂时无法确认身份。请联系主办单位。",
    unavailable: "暂时无法连接微信服务器，请稍后重试。",
  } satisfies Record<SignInFailure, string>,
  nothingCounted: "本次操作没有记录任何点赞。",
  retry: "重新确认身份",
  back: "返回候选人页面",
};

export type WeChatText = typeof zh;

const en: WeChatText = {
  gateTitle: "This campaign votes with WeChat",
  why: "To stop vote stuffing, one WeChat account counts as one voter in this campaign. When you open this page inside WeChat, WeChat confirms who you are without any step on your part: the site only gets an anonymous number (and stores only a keyed hash of it), never your nickname, photo or phone number, and you need not follow any account.",
  openInWeChat: "Scan the QR code below with WeChat (扫一扫) and like from inside WeChat.",
  qrAlt: (name) => `QR code to open ${name}'s page in WeChat`,
  copyHint:
    "Or copy the link below, send it to yourself in WeChat (e.g. File Transfer) and open it there:",
  signIn: "Confirm with WeChat, then like",
  signInHint: "WeChat confirms who you are and brings you back to this page.",
  unavailable:
    "This campaign votes with WeChat, but the site's WeChat account is not set up yet, so liking is not possible. Please contact the organizer.",
  signedIn: "Confirmed with WeChat: your likes count under this campaign's rules.",
  failTitle: "WeChat sign-in did not finish",
  failures: {
    link_invalid: "The sign-in link is not valid. Go back to the nominee's page and like again.",
    link_expired:
      "The sign-in link has expired (after 10 minutes). Go back to the nominee's page and like again.",
    code_invalid:
      "WeChat's authorization code was invalid, already used or expired. Go back and try again.",
    snapshot_user:
      "You are viewing a Moments snapshot page, where WeChat confirms no identity. Tap “Open” at the bottom to open the full page, then like.",
    misconfigured:
      "The site's WeChat account is misconfigured, so no identity can be confirmed. Please contact the organizer.",
    unavailable: "WeChat's servers could not be reached. Please try again later.",
  },
  nothingCounted: "No like was recorded.",
  retry: "Try again",
  back: "Back to the nominee's page",
};

export const WECHAT_TEXT: Record<Locale, WeChatText> = { "zh-CN": zh, en };
