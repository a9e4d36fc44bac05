/** The few DOM helpers every public bundle (app, selection, screen) uses, shared at build time. */

/** `root.querySelector`, typed. */
export const $ = <T extends Element = HTMLElement>(sel: string, root: ParentNode = document) =>
  root.querySelector<T>(sel);

/** Fills `{name}` placeholders of a server-sent message; a missing value becomes "". */
export const fill = (tpl: string, values: Record<string, string | number>) =>
  tpl.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ""));

/**
 * The JSON the server renders into `<script id="page-data" type="application/json">` (messages,
 * slugs, settings); `fallback` on a page without it.
 */
export function pageData<T>(fallback: T): T {
  const el = document.getElementById("page-data");
  return el ? (JSON.parse(el.textContent || "{}") as T) : fallback;
}
