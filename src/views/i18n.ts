/**
 * UI strings, Chinese first. Every page takes a `Messages` object; nothing in the views hard-codes
 * text. Keys are grouped by page.
 */

import { ZONE_ZH } from "./zones";

export type Locale = "zh-CN" | "en";

const zh = {
  siteName: "榜样",
  skipToContent: "跳到正文",
  langToggle: "English",
  langToggleLabel: "Switch to English",
  largeText: "大字",
  normalText: "标准字号",
  largeTextLabel: "切换大字模式",
  home: "首页",
  organizer: "主办单位",
  status: {
    upcoming: "即将开始",
    open: "投票进行中",
    paused: "投票暂停",
    closed: "投票已结束",
    published: "结果已公布",
  },
  opensIn: "距投票开始",
  closesIn: "距投票结束",
  countdown: (d: number, h: number, m: number) =>
    d > 0 ? `${d} 天 ${h} 小时` : h > 0 ? `${h} 小时 ${m} 分` : `${m} 分钟`,
  window: (opens: string, closes: string) => `投票时间：${opens} 至 ${closes}`,
  closedEarly: (planned: string) => `（提前结束，原定 ${planned}）`,
  rules: (perCandidate: number, perVoter: number | null) =>
    perVoter === null
      ? `每人每天可为每位候选人点赞${perCandidate}次，不限总次数。`
      : `每人每天可为每位候选人点赞${perCandidate}次，每天最多${perVoter}次。`,
  rulesDayNote: (tz: string) =>
    ZONE_ZH[tz] ? `每天以${ZONE_ZH[tz]}零点为界。` : `每天以 ${tz} 时间零点为界。`,
  editorsNote: "编者按",
  nominees: "候选人",
  searchLabel: "搜索姓名、编号或单位",
  searchPlaceholder: "姓名 / 编号 / 单位",
  search: "搜索",
  groupLabel: "分组",
  allGroups: "全部",
  sortLabel: "排序",
  sortNumber: "按编号",
  sortLikes: "按票数",
  resultsCount: (n: number) => `共 ${n} 位候选人`,
  noMatch: "没有找到符合条件的候选人。",
  number: (n: number) => `${n}号`,
  likesCount: (n: number) => `${n} 票`,
  honoree: "当选",
  viewResults: "查看实时排名",
  backToList: "返回候选人列表",
  previous: "上一位",
  next: "下一位",
  position: "职务",
  unit: "单位",
  group: "分组",
  story: "先进事迹",
  likeButton: "点赞",
  /**
   * Hidden words around the like button's visible text, so its accessible name says whom it likes
   * and still contains the visible text (WCAG 2.5.3): "为陈顺" + "点赞 5 票".
   */
  likeFor: (name: string) => ({ before: `为${name}`, after: "" }),
  liked: "已点赞",
  likedFeedback: (remaining: number | null) =>
    remaining === null ? "已点赞 · 感谢支持" : `已点赞 · 今日还可点赞 ${remaining} 次`,
  /** A held like (202): recorded with a receipt, counted only once the organizer has checked it. */
  heldFeedback: (remaining: number | null) =>
    `已记录，待核验：此刻来自同一网络或为TA点赞的人异常多，这一票经主办方核验后计入${
      remaining === null ? "。" : `。今日还可点赞 ${remaining} 次`
    }`,
  receiptNote: (code: string) => `点赞凭证：${code}`,
  receiptCheck: "查询是否计入",
  receipt: {
    title: "查询点赞凭证",
    intro: "点赞成功后，页面上会显示一个点赞凭证号。凭它可以查到这一票是否已计入，或被核减的原因。",
    label: "点赞凭证号",
    hint: "12 位字母和数字，形如 8DEM-EQ8C-3766；大小写、空格和短横线都可以不管。",
    submit: "查询",
    result: "查询结果",
    status: { counted: "已计入", held: "已记录，待核验", voided: "已核减" },
    statusNote: {
      counted: "这一票已计入公开票数。",
      held: "点赞时来自同一网络或为这位候选人点赞的人异常多，这一票已经记录，经主办方核验后计入。",
      voided: "主办方核查后核减了这一票，不计入票数。",
    },
    nominee: "点赞对象",
    likedAt: "点赞时间",
    voidReason: "核减原因",
    voidedAt: "核减时间",
    notFound: (code: string) =>
      `没有找到凭证号 ${code}。请核对后再查：点赞成功约一秒后即可查到；凭证只能在点赞的这个评选活动里查询。`,
    malformed: "凭证号的格式不对：应为 12 位字母和数字，形如 8DEM-EQ8C-3766。",
    rateLimited: "这个网络查询得太频繁了，请一分钟后再试。",
    privacy: "查询只显示这一票的状态，不显示是谁投的。",
  },
  sending: "正在提交…",
  retrying: "网络不稳，正在重试…",
  verifying: "同一网络点赞的人较多，正在进行安全验证（几秒钟）…",
  likeErrors: {
    already_liked: "今天已经为TA点过赞了，明天再来吧。",
    daily_quota_exhausted: "今天的点赞次数已用完，明天再来吧。",
    voting_not_open: "投票尚未开始。",
    voting_paused: "投票暂停中，请稍后再来。",
    voting_closed: "投票已结束，感谢关注。",
    rate_limited: "点赞太频繁了，请稍等一分钟再试。",
    offline: "网络连接失败，请检查网络后重试。",
    cross_site: "请从本站页面点赞。",
    campaign_not_found: "找不到该评选活动。",
    candidate_not_found: "找不到该候选人。",
    challenge_required:
      "同一网络点赞的人较多，需要浏览器完成一次安全验证：请开启 JavaScript（或换用微信、手机浏览器）后再点一次。",
    wechat_identity_required:
      "本次评选一个微信号算一位投票人：请在微信中打开本页，确认身份后再点赞。",
    temporarily_unavailable: "此刻点赞的人太多，系统正忙，请过几秒再点一次。",
    unknown: "点赞没有成功，请稍后重试。",
  } as Record<string, string>,
  share: "分享",
  shareTitle: "分享给朋友",
  copyLink: "复制链接",
  copied: "链接已复制",
  qrLabel: (name: string) => `${name}的页面二维码`,
  shareCard: "生成分享卡片",
  shareCardHint: "截图保存后发送给朋友，或长按识别二维码",
  shareCardCta: "扫码为TA点赞",
  results: "实时排名",
  resultsTitle: (title: string) => `${title} · 实时排名`,
  rank: "名次",
  name: "姓名",
  likes: "票数",
  totalLikes: (n: number) => `累计点赞 ${n} 次`,
  updatedAt: (t: string) => `更新于 ${t}`,
  autoUpdate: "排名每 5 秒自动更新",
  resultsFinal: "结果已公布，以上为最终票数",
  resultsHiddenAfterClose: (closes: string) => `票数将于投票结束（${closes}）后公布。`,
  resultsHiddenNever: "本次评选不公开票数，结果以主办单位公告为准。",
  voided: (n: number) => `已核减 ${n} 票`,
  held: (n: number) => `待核验 ${n} 票`,
  allCampaigns: "正在进行的评选",
  noCampaigns: "暂无评选活动。",
  notFoundTitle: "页面不存在",
  notFoundBody: "您访问的页面不存在，可能链接有误或已被删除。",
  errorTitle: "出错了",
  errorBody: "请稍后再试。",
  busyBody: "此刻访问的人太多，系统正忙，请过几秒再试。",
  /** The error page's sentence by HTTP status: the code itself (English) never shows. */
  errorByStatus: {
    400: "提交的内容有误，请返回检查后再试。",
    401: "请先登录。",
    403: "这个操作不被允许：请从本站的页面进行操作，或确认账号有相应权限。",
    405: "不支持这种访问方式，请从本站的页面进入。",
    409: "这项操作与当前状态冲突，请刷新页面后再试。",
    410: "这个链接已经失效，请向主办方索取新的链接。",
    413: "提交的内容太大了，请删减后再试。",
    415: "提交的格式不受支持。",
    429: "操作太频繁了，请稍等一分钟再试。",
  } as Record<number, string>,
  backHome: "返回首页",
  footer: "本站不要求关注公众号，也不收取任何费用。",
};

export type Messages = typeof zh;

const en: Messages = {
  siteName: "Bangyang",
  skipToContent: "Skip to content",
  langToggle: "中文",
  langToggleLabel: "切换到中文",
  largeText: "Large text",
  normalText: "Normal text",
  largeTextLabel: "Toggle large text",
  home: "Home",
  organizer: "Organizer",
  status: {
    upcoming: "Opening soon",
    open: "Voting open",
    paused: "Voting paused",
    closed: "Voting closed",
    published: "Results announced",
  },
  opensIn: "Opens in",
  closesIn: "Closes in",
  countdown: (d, h, m) => (d > 0 ? `${d} d ${h} h` : h > 0 ? `${h} h ${m} min` : `${m} min`),
  window: (opens, closes) => `Voting: ${opens} to ${closes}`,
  closedEarly: (planned) => ` (closed early; planned to end ${planned})`,
  rules: (perCandidate, perVoter) =>
    perVoter === null
      ? `Each person may like each nominee ${perCandidate}× a day, with no daily total.`
      : `Each person may like each nominee ${perCandidate}× a day, and ${perVoter} likes a day in all.`,
  rulesDayNote: (tz) =>
    tz === "Asia/Shanghai"
      ? "Days start at midnight Beijing time."
      : `Days start at midnight ${tz} time.`,
  editorsNote: "Editor's note",
  nominees: "Nominees",
  searchLabel: "Search by name, number or unit",
  searchPlaceholder: "Name / No. / unit",
  search: "Search",
  groupLabel: "Group",
  allGroups: "All",
  sortLabel: "Sort",
  sortNumber: "By number",
  sortLikes: "By likes",
  resultsCount: (n) => `${n} nominee${n === 1 ? "" : "s"}`,
  noMatch: "No nominee matches.",
  number: (n) => `No. ${n}`,
  likesCount: (n) => `${n} like${n === 1 ? "" : "s"}`,
  honoree: "Honoree",
  viewResults: "Live ranking",
  backToList: "Back to the nominees",
  previous: "Previous",
  next: "Next",
  position: "Position",
  unit: "Unit",
  group: "Group",
  story: "Story",
  likeButton: "Like",
  likeFor: (name) => ({ before: "", after: ` (${name})` }),
  liked: "Liked",
  likedFeedback: (remaining) =>
    remaining === null
      ? "Liked · thank you"
      : `Liked · ${remaining} like${remaining === 1 ? "" : "s"} left today`,
  heldFeedback: (remaining) =>
    `Recorded, pending review: unusually many likes are coming from your network or for this nominee right now, so the organizer checks this one before it counts.${
      remaining === null ? "" : ` ${remaining} like${remaining === 1 ? "" : "s"} left today.`
    }`,
  receiptNote: (code) => `Receipt: ${code}`,
  receiptCheck: "Check that it counted",
  receipt: {
    title: "Check a like receipt",
    intro:
      "After a like, the page shows a receipt code. With it you can see whether that like was counted, or why it was voided.",
    label: "Receipt code",
    hint: "12 letters and digits, like 8DEM-EQ8C-3766; case, spaces and dashes do not matter.",
    submit: "Check",
    result: "Result",
    status: { counted: "Counted", held: "Recorded, awaiting review", voided: "Voided" },
    statusNote: {
      counted: "This like is in the public count.",
      held: "Unusually many likes came from the same network or for this nominee at the time: the like is recorded and counts once the organizer has reviewed it.",
      voided: "The organizer reviewed this like and voided it: it does not count.",
    },
    nominee: "Liked",
    likedAt: "Liked at",
    voidReason: "Reason",
    voidedAt: "Voided at",
    notFound: (code) =>
      `No like has the receipt ${code}. Check the code: a like can be found about a second after it was given, and only in the campaign it was given in.`,
    malformed: "That is not a receipt code: it has 12 letters and digits, like 8DEM-EQ8C-3766.",
    rateLimited: "Too many lookups from this network; please try again in a minute.",
    privacy: "The answer shows this like's status only, never who cast it.",
  },
  sending: "Sending…",
  retrying: "Weak network, retrying…",
  verifying: "Many likes from your network right now: a quick browser check (a few seconds)…",
  likeErrors: {
    already_liked: "You already liked this nominee today. Come back tomorrow.",
    daily_quota_exhausted: "You have used today's likes. Come back tomorrow.",
    voting_not_open: "Voting has not opened yet.",
    voting_paused: "Voting is paused; please come back later.",
    voting_closed: "Voting has closed. Thank you.",
    rate_limited: "Too many likes at once; please wait a minute.",
    offline: "No connection. Check your network and try again.",
    cross_site: "Please like from this site's own pages.",
    campaign_not_found: "Campaign not found.",
    candidate_not_found: "Nominee not found.",
    challenge_required:
      "Many likes are coming from your network, so a quick browser check is needed: please turn on JavaScript and tap again.",
    wechat_identity_required:
      "In this campaign one WeChat account is one voter: open this page in WeChat, confirm, then like again.",
    temporarily_unavailable:
      "Very many people are liking right now and the system is busy: please tap again in a few seconds.",
    unknown: "The like did not go through; please try again.",
  },
  share: "Share",
  shareTitle: "Share with friends",
  copyLink: "Copy link",
  copied: "Link copied",
  qrLabel: (name) => `QR code for ${name}'s page`,
  shareCard: "Share card",
  shareCardHint: "Take a screenshot and send it, or scan the QR code",
  shareCardCta: "Scan to like",
  results: "Live ranking",
  resultsTitle: (title) => `${title} · live ranking`,
  rank: "Rank",
  name: "Name",
  likes: "Likes",
  totalLikes: (n) => `${n} likes in all`,
  updatedAt: (t) => `Updated ${t}`,
  autoUpdate: "Updates every 5 seconds",
  resultsFinal: "Results announced: these are the final counts",
  resultsHiddenAfterClose: (closes) => `Counts will be published when voting closes (${closes}).`,
  resultsHiddenNever:
    "Counts are not published for this campaign; see the organizer's announcement.",
  voided: (n) => `${n} void${n === 1 ? "" : "s"}`,
  held: (n) => `${n} pending review`,
  allCampaigns: "Campaigns",
  noCampaigns: "No campaigns yet.",
  notFoundTitle: "Page not found",
  notFoundBody: "This page does not exist; the link may be wrong or the page removed.",
  errorTitle: "Something went wrong",
  errorBody: "Please try again later.",
  busyBody: "Very many people are here at this moment: please try again in a few seconds.",
  errorByStatus: {
    400: "Something in what was sent is not right: go back, check it and try again.",
    401: "Please sign in first.",
    403: "This is not allowed: use this site's own pages, or an account with the right role.",
    405: "This page cannot be reached that way: start from this site's own pages.",
    409: "This conflicts with the current state: reload the page and try again.",
    410: "This link has expired: ask the organizer for a new one.",
    413: "What was sent is too large: shorten it and try again.",
    415: "That format is not supported.",
    429: "Too many attempts: please wait a minute and try again.",
  },
  backHome: "Back to home",
  footer: "This site never asks you to follow an account or pay anything.",
};

export const MESSAGES: Record<Locale, Messages> = { "zh-CN": zh, en };

const N = 987654321;
const tpl = (text: string, params: Record<string, number>) =>
  Object.entries(params).reduce((t, [key, value]) => t.replace(String(value), `{${key}}`), text);

/**
 * The strings the browser script needs, shipped as JSON in the page. Numbers become `{n}`-style
 * placeholders so the script formats them without its own copy of the dictionary.
 */
export function clientMessages(m: Messages) {
  return {
    sending: m.sending,
    receipt: m.receiptNote("{code}"),
    retrying: m.retrying,
    verifying: m.verifying,
    like: m.likeButton,
    liked: m.liked,
    errors: m.likeErrors,
    copied: m.copied,
    feedback: tpl(m.likedFeedback(N), { n: N }),
    feedbackUnlimited: m.likedFeedback(null),
    heldFeedback: tpl(m.heldFeedback(N), { n: N }),
    heldFeedbackUnlimited: m.heldFeedback(null),
    likes: tpl(m.likesCount(N), { n: N }),
    voided: tpl(m.voided(N), { n: N }),
    held: tpl(m.held(N), { n: N }),
    updated: tpl(m.updatedAt("{time}"), {}),
    countdown: [
      tpl(m.countdown(91, 92, 93), { d: 91, h: 92, m: 93 }),
      tpl(m.countdown(0, 92, 93), { h: 92, m: 93 }),
      tpl(m.countdown(0, 0, 93), { m: 93 }),
    ] as [withDays: string, withHours: string, onlyMinutes: string],
  };
}

export type ClientMessages = ReturnType<typeof clientMessages>;
