import { Hono } from "hono";
import type { RouterRoute } from "hono/types";
import { buildDocument, type OpenApiDocument } from "../../openapi/document";
import { OPERATIONS } from "../../openapi/registry";
import type { AppEnv } from "../../types";
import { ApiReferencePage, type ReferenceDocument } from "../../views/api-reference";

let routesOf: (() => readonly RouterRoute[]) | undefined;

/** The routes of the app that mounted the document (for the coverage test). */
export const registeredRoutes = (): readonly RouterRoute[] => routesOf?.() ?? [];

/**
 * GET /api/openapi.json and its readable reference, GET /docs/api (a page, so outside /api) — the OpenAPI 3.1 document, built from the app's own routes (`routes` is
 * read on first request, when every route is registered) and cached for the isolate's life.
 */
export function openapiApi(routes: () => readonly RouterRoute[]) {
  routesOf = routes;
  let document: OpenApiDocument | undefined;
  const built = () => {
    document ??= buildDocument(routes(), OPERATIONS);
    return document;
  };
  let page: string | undefined;
  return new Hono<AppEnv>()
    .get("/api/openapi.json", (c) => {
      c.header("Cache-Control", "public, max-age=300");
      return c.json(built());
    })
    .get("/docs/api", (c) => {
      page ??= `<!doctype html>${String(<ApiReferencePage doc={built() as unknown as ReferenceDocument} />)}`;
      c.header("Cache-Control", "public, max-age=300");
      return c.html(page);
    });
}
