/** Where a WeChat sign-in starts (routes/pages/wechat.tsx), returning to a nominee's profile. */
export function wechatSignInPath(slug: string, number?: number): string {
  const next = number === undefined ? `/c/${slug}` : `/c/${slug}/${number}`;
  return `/wechat/authorize?next=${encodeURIComponent(next)}`;
}

/** The callback WeChat redirects to, with the return path in its query. */
export const WECHAT_CALLBACK_PATH = "/wechat/callback";
