import type { CeremonyMessages } from "../ceremony-text";
import type { Messages } from "../i18n";
import { CopyLink } from "./copy-link";
import { QrImage } from "./qr-image";

/**
 * Copy-link, a server-made QR code (a PNG, which WeChat's long-press recognises), the 拉票海报
 * (drawn by public/poster.js, loaded only when asked) and the screenshot-friendly share card.
 */
export function SharePanel(props: {
  m: Messages;
  t: CeremonyMessages;
  url: string;
  path: string;
  name: string;
}) {
  const { m, t } = props;
  return (
    <details class="share">
      <summary>{m.share}</summary>
      <div class="share-body">
        <h2 class="share-title">{m.shareTitle}</h2>
        <CopyLink id="share-url" url={props.url} label={m.shareTitle} button={m.copyLink} />
        <QrImage src={`${props.path}/qr.png`} size={164} alt={m.qrLabel(props.name)} lazy />
        <p>
          <button type="button" class="button" data-poster hidden>
            {t.poster}
          </button>{" "}
          <a class="button secondary" href={`${props.path}/card`}>
            {m.shareCard}
          </a>
        </p>
        <p class="poster-status" role="status" data-poster-status />
        <figure class="poster" data-poster-out hidden>
          <img alt={t.posterAlt(props.name)} width="375" height="667" />
          <figcaption>
            {t.posterSave}{" "}
            <a
              data-poster-download
              download={`poster-${props.path.split("/").pop()}.png`}
              href={`${props.path}/card`}
            >
              {t.posterDownload}
            </a>
          </figcaption>
        </figure>
      </div>
    </details>
  );
}
