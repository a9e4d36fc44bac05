import type { Context } from "hono";
import type { JSX } from "hono/jsx/jsx-runtime";
import type { AppEnv } from "../../types";

/** The public origin for canonical and share URLs (PUBLIC_ORIGIN in production). */
export function publicOrigin(c: Context<AppEnv>): string {
  return c.env.PUBLIC_ORIGIN || new URL(c.req.url).origin;
}

/** What every page view needs from the request. */
export function pageBase(c: Context<AppEnv>) {
  return { prefs: c.var.prefs, url: c.req.url, origin: publicOrigin(c) };
}

/** Pages are personal (language, voter state): never cached by shared caches. */
export function privatePage(c: Context<AppEnv>): void {
  c.header("Cache-Control", "private, no-cache");
}

/** Renders a full page with its doctype (c.html adds none). */
export function renderPage(c: Context<AppEnv>, page: JSX.Element, status: 200 | 404 | 429 = 200) {
  privatePage(c);
  return c.html(`<!doctype html>${String(page)}`, status);
}

/** A preview is one organizer's view of a draft: never stored by any cache, never indexed. */
export function previewOnly(res: Response): Response {
  res.headers.set("Cache-Control", "no-store");
  res.headers.set("X-Robots-Tag", "noindex");
  return res;
}
