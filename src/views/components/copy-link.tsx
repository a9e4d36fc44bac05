/**
 * A page's address to copy: a read-only field (long-press works everywhere) and a copy button
 * that public/app.js reveals where the clipboard can be used (`data-copy`, client/app/share.ts).
 */
export function CopyLink(props: { id: string; url: string; label: string; button: string }) {
  return (
    <div class="share-link">
      <label for={props.id} class="visually-hidden">
        {props.label}
      </label>
      <input id={props.id} type="url" value={props.url} readonly />
      <button type="button" class="button secondary" data-copy={`#${props.id}`} hidden>
        {props.button}
      </button>
    </div>
  );
}
