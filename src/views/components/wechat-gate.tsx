import type { WeChatGate as Gate } from "../../domain/wechat";
import type { WeChatText } from "../wechat-text";
import { CopyLink } from "./copy-link";
import { QrImage } from "./qr-image";

export interface WeChatGateProps {
  t: WeChatText;
  gate: Exclude<Gate, "ready">;
  /** The nominee's name, for the QR code's text alternative. */
  name: string;
  /** The profile's path (its QR code is `<path>/qr.svg`) and absolute URL. */
  path: string;
  pageUrl: string;
  /** Where a sign-in starts (GET, works without JavaScript). */
  signInUrl: string;
  /** The copy button's label (the share panel's word). */
  copyLabel: string;
}

/**
 * In place of the like button on a wechat-mode campaign's profile, for a visitor without a WeChat
 * identity: outside WeChat a QR code to open the page there and why; inside WeChat (when the
 * silent redirect did not happen) a sign-in link; without an Official Account, a plain notice.
 */
export function WeChatGate(p: WeChatGateProps) {
  const { t } = p;
  return (
    <section class="like wechat-gate" aria-labelledby="wechat-gate-title">
      <h2 id="wechat-gate-title">{t.gateTitle}</h2>
      {p.gate === "unavailable" ? (
        <p>{t.unavailable}</p>
      ) : (
        <>
          <p>{t.why}</p>
          {p.gate === "sign_in" ? (
            <>
              <p>
                <a class="button" href={p.signInUrl}>
                  {t.signIn}
                </a>
              </p>
              <p class="hint">{t.signInHint}</p>
            </>
          ) : (
            <>
              <p class="wechat-step">{t.openInWeChat}</p>
              <QrImage src={`${p.path}/qr.svg`} size={200} alt={t.qrAlt(p.name)} />
              <p>{t.copyHint}</p>
              <CopyLink id="wechat-url" url={p.pageUrl} label={t.copyHint} button={p.copyLabel} />
            </>
          )}
        </>
      )}
    </section>
  );
}

/** The line above the like button once the visitor signed in with WeChat. */
export function WeChatSignedIn(props: { t: WeChatText }) {
  return <p class="wechat-signed-in">{props.t.signedIn}</p>;
}
