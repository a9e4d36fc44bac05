import { validate } from "@hyperjump/json-schema/openapi-3-1";
import { describe, expect, it } from "vitest";
import "../../src/index";
import { buildDocument, coverage } from "../../src/openapi/document";
import { endpoints, keyOf, openApiPath } from "../../src/openapi/paths";
import { OPERATIONS } from "../../src/openapi/registry";
import { registeredRoutes } from "../../src/routes/api/openapi";
import { call } from "../helpers";

type Doc = ReturnType<typeof buildDocument>;
type Json = import("@hyperjump/json-pointer").Json;
const BASE = "https://spec.openapis.org/oas/3.1/schema-base";
type Operation = { "x-undocumented"?: boolean; responses: Record<string, unknown> };

async function served(): Promise<Doc> {
  const res = await call("/api/openapi.json");
  expect(res.status).toBe(200);
  expect(res.headers.get("Content-Type")).toContain("application/json");
  return res.json<Doc>();
}

describe("GET /api/openapi.json", () => {
  it("documents every route the app registers under /api, and nothing else", () => {
    const { registered, missing, extra } = coverage(registeredRoutes(), OPERATIONS);
    expect(registered.length).toBeGreaterThan(80);
    expect(missing, "routes without an entry in src/openapi").toEqual([]);
    expect(extra, "entries in src/openapi without a route").toEqual([]);
  });

  it("serves one operation per registered route, none undocumented", async () => {
    const doc = await served();
    const operations = Object.values(doc.paths).flatMap((item) =>
      Object.values(item),
    ) as Operation[];
    expect(operations).toHaveLength(endpoints(registeredRoutes()).length);
    expect(operations.filter((o) => o["x-undocumented"])).toEqual([]);
  });

  it("fails the coverage check for a route missing from the registry", () => {
    const { [keyOf({ method: "GET", path: "/api/campaigns" })]: _gone, ...fewer } = OPERATIONS;
    const { missing } = coverage(registeredRoutes(), fewer);
    expect(missing).toEqual(["GET /api/campaigns"]);
    const doc = buildDocument(registeredRoutes(), fewer);
    expect(doc.paths["/api/campaigns"]?.get).toMatchObject({ "x-undocumented": true });
  });

  it("gives every route with a body or query schema a 400 answer", () => {
    const doc = buildDocument(registeredRoutes(), OPERATIONS);
    const without = endpoints(registeredRoutes()).filter((endpoint) => {
      // A path parameter that names nothing is a 404; bodies and queries are 400s.
      if (!endpoint.validates.some((x) => ["json", "form", "query"].includes(x.target)))
        return false;
      const item = doc.paths[openApiPath(endpoint.path).path] ?? {};
      const { responses } = item[endpoint.method.toLowerCase()] as Operation;
      return !("400" in responses);
    });
    expect(without.map(keyOf)).toEqual([]);
  });

  it("reads request schemas off the validator middlewares", async () => {
    const doc = await served();
    const candidates = doc.paths["/api/campaigns/{slug}/candidates"]?.get as {
      parameters: { name: string; in: string }[];
    };
    expect(candidates.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(
      expect.arrayContaining(["path:slug", "query:q", "query:group", "query:sort"]),
    );
  });

  it("validates as OpenAPI 3.1 against the official schema (with the 3.1 JSON Schema dialect)", async () => {
    const doc = await (await call("/api/openapi.json")).json<Json>();
    const output = await validate(BASE, doc);
    expect(output.valid, JSON.stringify(output).slice(0, 2000)).toBe(true);
  });

  it("rejects a broken document (the check can fail)", async () => {
    const doc = await (await call("/api/openapi.json")).json<Record<string, Json>>();
    const badPath = { ...doc, paths: { "/x": { get: { responses: { 200: { content: 5 } } } } } };
    expect((await validate(BASE, badPath)).valid).toBe(false);
    // The schemas inside are checked against the dialect too.
    const badSchema = { ...doc, components: { schemas: { X: { type: 5 } } } };
    expect((await validate(BASE, badSchema)).valid).toBe(false);
  });
});
