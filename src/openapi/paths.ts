import type { RouterRoute } from "hono/types";
import { VALIDATES, type Validates } from "../validators/hook";

/** One operation the app serves under /api: its method, Hono path and request schemas. */
export interface Endpoint {
  method: string;
  /** The path as registered in Hono, e.g. `/api/campaigns/:slug`: the registry's key. */
  path: string;
  validates: Validates[];
}

const isApi = (path: string) => path === "/api" || path.startsWith("/api/");
const segments = (path: string) => path.split("/").filter(Boolean);

/** Whether a middleware's pattern (`/api/admin/*`, `/api/campaigns/:slug/*`) covers a route path. */
function covers(pattern: string, path: string): boolean {
  const p = segments(pattern);
  const s = segments(path);
  for (const [i, part] of p.entries()) {
    if (part === "*") return true;
    const other = s[i];
    if (other === undefined) return false;
    if (part.startsWith(":") || other.startsWith(":")) continue;
    if (part !== other) return false;
  }
  return p.length === s.length;
}

const validatesOf = (route: RouterRoute): Validates | undefined =>
  (route.handler as { [VALIDATES]?: Validates })[VALIDATES];

/**
 * The app's API operations, read off its registered routes: one per method and path, with the
 * request schemas of every validator middleware on the route itself or on a pattern covering it.
 */
export function endpoints(routes: readonly RouterRoute[]): Endpoint[] {
  const byKey = new Map<string, Endpoint>();
  const shared: { path: string; validates: Validates }[] = [];
  for (const route of routes) {
    if (!isApi(route.path)) continue;
    const validates = validatesOf(route);
    if (route.method === "ALL") {
      if (validates) shared.push({ path: route.path, validates });
      continue;
    }
    const key = `${route.method} ${route.path}`;
    let endpoint = byKey.get(key);
    if (!endpoint) {
      endpoint = { method: route.method, path: route.path, validates: [] };
      byKey.set(key, endpoint);
    }
    if (validates) endpoint.validates.push(validates);
  }
  for (const endpoint of byKey.values()) {
    for (const s of shared) {
      if (covers(s.path, endpoint.path)) endpoint.validates.unshift(s.validates);
    }
  }
  return [...byKey.values()];
}

/** `METHOD path`, the registry's key for an endpoint. */
export const keyOf = (e: { method: string; path: string }) => `${e.method} ${e.path}`;

/** A path parameter of a Hono path, with the alternatives of a `:name{a|b|c}` pattern. */
export interface PathParam {
  name: string;
  choices?: string[];
}

/** `/api/x/:slug/:action{open|close}` → `/api/x/{slug}/{action}` and its parameters. */
export function openApiPath(path: string): { path: string; params: PathParam[] } {
  const params: PathParam[] = [];
  const parts = path.split("/").map((segment) => {
    if (!segment.startsWith(":")) return segment;
    // `:name`, `:name?` or `:name{regex}` (the regex may hold braces of its own: `{[0-9]{1,9}}`).
    const brace = segment.indexOf("{");
    const name = (brace < 0 ? segment.slice(1) : segment.slice(1, brace)).replace(/\?$/, "");
    const regex = brace < 0 ? "" : segment.slice(brace + 1, -1);
    const choices = /^[\w-]+(\|[\w-]+)+$/.test(regex) ? regex.split("|") : undefined;
    params.push(choices ? { name, choices } : { name });
    return `{${name}}`;
  });
  return { path: parts.join("/"), params };
}
