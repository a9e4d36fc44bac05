import type { Messages } from "../i18n";

/** Copy-link, a server-made QR code and the screenshot-friendly share card. */
export function SharePanel(props: { m: Messages; url: string; path: string; name: string }) {
  const { m } = props;
  return (
    <details class="share">
      <summary>{m.share}</summary>
      <div class="share-body">
        <h2 class="share-title">{m.shareTitle}</h2>
        <div class="share-link">
          <label for="share-url" class="visually-hidden">
            {m.shareTitle}
          </label>
          <input id="share-url" type="url" value={props.url} readonly />
          <button type="button" class="button secondary" data-copy="#share-url" hidden>
            {m.copyLink}
          </button>
        </div>
        <img
          class="qr"
          src={`${props.path}/qr.svg`}
          width="160"
          height="160"
          alt={m.qrLabel(props.name)}
          loading="lazy"
        />
        <p>
          <a class="button secondary" href={`${props.path}/card`}>
            {m.shareCard}
          </a>
        </p>
      </div>
    </details>
  );
}
