import { type Schema, Validator } from "@cfworker/json-schema";
import { expect } from "vitest";
import { openApiPath } from "../../src/openapi/paths";
import { call } from "../helpers";

type JsonObject = Record<string, unknown>;
interface Document {
  paths: Record<string, Record<string, { responses: Record<string, JsonObject> }>>;
  components: { schemas: Record<string, JsonObject> };
}

let cached: Promise<Document> | undefined;
/** The document as the app serves it (once per test file). */
export const servedDocument = (): Promise<Document> => {
  cached ??= call("/api/openapi.json").then((r) => r.json<Document>());
  return cached;
};

/**
 * Objects in the document allow more properties than they list (clients must accept additive
 * fields), but the server must not send a field the document does not describe: the check closes
 * every object that lists its properties and says nothing about others.
 */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (typeof schema !== "object" || schema === null) return schema;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(schema)) {
    // allOf members narrow a shape described elsewhere (an error's codes): left open.
    out[k] = k === "allOf" ? v : closed(v);
  }
  if ("properties" in out && !("additionalProperties" in out)) out.additionalProperties = false;
  return out;
}

/**
 * Asserts that a response is one the document describes for `key` (`METHOD /hono/path`): its
 * status is documented, and a JSON body matches the schema for that status (error codes
 * included). Returns the parsed body, or null for an answer without JSON.
 */
export async function expectDocumented(res: Response, key: string): Promise<unknown> {
  const [method = "", honoPath = ""] = key.split(" ");
  const doc = await servedDocument();
  const operation = doc.paths[openApiPath(honoPath).path]?.[method.toLowerCase()];
  expect(operation, `${key} is in the document`).toBeDefined();
  const answer = operation?.responses[String(res.status)];
  expect(answer, `${key} documents status ${res.status}`).toBeDefined();
  const content = answer?.content as Record<string, { schema: unknown }> | undefined;
  const json = content?.["application/json"];
  if (!json) {
    if (!content) expect(await res.clone().text(), `${key} ${res.status} has no body`).toBe("");
    return null;
  }
  expect(res.headers.get("Content-Type")).toContain("application/json");
  const body: unknown = await res.clone().json();
  const validator = new Validator(
    { ...(closed(json.schema) as JsonObject), components: closed(doc.components) } as Schema,
    "2020-12",
    false,
  );
  const result = validator.validate(body);
  const why = result.errors
    .slice(-6)
    .map((e) => `${e.instanceLocation} ${e.keyword}: ${e.error}`)
    .join("\n");
  expect(
    result.valid,
    `${key} ${res.status} matches the document:\n${why}\n${JSON.stringify(body).slice(0, 600)}`,
  ).toBe(true);
  return body;
}
