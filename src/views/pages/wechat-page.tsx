import type { Preferences } from "../../types";
import { Layout } from "../layout";
import type { SignInFailure, WeChatText } from "../wechat-text";

/**
 * A WeChat sign-in that did not finish: what happened in plain words, that nothing was counted,
 * and the way back (try again, or the page the voter came from).
 */
export function WeChatFailurePage(p: {
  t: WeChatText;
  reason: SignInFailure;
  prefs: Preferences;
  url: string;
  /** The profile or grid the sign-in started from, when it is known and safe. */
  returnPath: string | null;
  /** A fresh sign-in for the same page, when one can help. */
  retryUrl: string | null;
}) {
  const { t } = p;
  return (
    <Layout prefs={p.prefs} url={p.url} meta={{ title: t.failTitle, noindex: true }}>
      <h1>{t.failTitle}</h1>
      <p class="notice" role="alert">
        {t.failures[p.reason]}
      </p>
      <p>{t.nothingCounted}</p>
      <p class="wechat-actions">
        {p.retryUrl && (
          <a class="button" href={p.retryUrl}>
            {t.retry}
          </a>
        )}
        <a class={p.retryUrl ? "button secondary" : "button"} href={p.returnPath ?? "/"}>
          {p.returnPath ? t.back : p.prefs.m.backHome}
        </a>
      </p>
    </Layout>
  );
}
