import { toJsonSchema } from "@valibot/to-json-schema";
import type { RouterRoute } from "hono/types";
import type * as v from "valibot";
import * as admin from "../contract/admin";
import * as common from "../contract/common";
import * as pub from "../contract/public";
import * as review from "../contract/review";
import * as selection from "../contract/selection";
import type { Validates } from "../validators/hook";
import { type Answer, err, type OperationDoc, type OperationDocs, TAGS } from "./operation";
import { type Endpoint, endpoints, keyOf, openApiPath } from "./paths";

type JsonSchema = Record<string, unknown>;

/** Named shapes: they appear once under components.schemas and are referenced from operations. */
const NAMED: Record<string, v.GenericSchema> = {};
for (const module of [common, pub, admin, selection, review]) {
  for (const [name, value] of Object.entries(module)) {
    if (typeof value === "object" && value !== null && "kind" in value && value.kind === "schema")
      NAMED[name] = value as v.GenericSchema;
  }
}

const NAME_OF = new Map<unknown, string>(Object.entries(NAMED).map(([name, s]) => [s, name]));

/**
 * valibot → JSON Schema 2020-12 (the dialect of OpenAPI 3.1). Named shapes become $refs to
 * components.schemas (but for `schema` itself when `expand`), and a `looseObject` says that other
 * properties may come (the converter leaves that unsaid).
 */
function convert(
  schema: v.GenericSchema,
  typeMode: "input" | "output",
  expand: boolean,
): JsonSchema {
  const out = toJsonSchema(schema, {
    target: "draft-2020-12",
    typeMode,
    errorMode: "ignore",
    overrideSchema: ({ valibotSchema, jsonSchema }) => {
      const name = NAME_OF.get(valibotSchema);
      if (name && !(expand && valibotSchema === schema))
        return { $ref: `#/components/schemas/${name}` };
      return valibotSchema.type === "loose_object"
        ? { ...jsonSchema, additionalProperties: true }
        : undefined;
    },
  }) as JsonSchema;
  delete out.$schema;
  return out;
}

/** A request or answer schema as the document gives it. */
export const jsonSchema = (schema: v.GenericSchema, typeMode: "input" | "output" = "output") =>
  convert(schema, typeMode, false);

function components(): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries(NAMED)) out[name] = convert(schema, "output", true);
  return out;
}

const ERROR_REF = { $ref: "#/components/schemas/ErrorBody" };

/** The error envelope narrowed to the codes an answer names, so a response can be checked. */
function errorSchema(codes: readonly string[]): JsonSchema {
  if (codes.length === 0) return ERROR_REF;
  return {
    allOf: [
      ERROR_REF,
      {
        type: "object",
        properties: { error: { type: "object", properties: { code: { enum: [...codes] } } } },
      },
    ],
  };
}

function response(answer: Answer): JsonSchema {
  if ("empty" in answer) return { description: answer.description };
  if ("media" in answer) {
    return { description: answer.description, content: { [answer.media]: { schema: {} } } };
  }
  if ("codes" in answer) {
    const schema = answer.schema ? jsonSchema(answer.schema) : errorSchema(answer.codes);
    const codes = answer.codes.length ? ` (${answer.codes.map((c) => `\`${c}\``).join(", ")})` : "";
    return {
      description: `${answer.description}${codes}`,
      content: { "application/json": { schema } },
      "x-error-codes": [...answer.codes],
    };
  }
  return {
    description: answer.description,
    content: { "application/json": { schema: jsonSchema(answer.schema) } },
  };
}

/** The parameters an object schema describes (`in`: query, path, header). */
function parametersOf(schema: v.GenericSchema, where: string): JsonSchema[] {
  const converted = jsonSchema(schema, "input");
  const properties = (converted.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((converted.required ?? []) as string[]);
  return Object.entries(properties).map(([name, s]) => ({
    name,
    in: where,
    required: where === "path" || required.has(name),
    schema: s,
    ...(typeof s.description === "string" ? { description: s.description } : {}),
  }));
}

const BODY_MEDIA: Partial<Record<Validates["target"], string>> = {
  json: "application/json",
  form: "multipart/form-data",
};

/** Add a code to an error answer (or a new one): the errors every such route can give. */
function addCode(
  responses: Record<number, Answer>,
  status: number,
  description: string,
  code: string,
): void {
  const answer = responses[status];
  if (!answer) responses[status] = err(description, code);
  else if ("codes" in answer && !answer.codes.includes(code))
    responses[status] = { ...answer, codes: [...answer.codes, code] };
}

/**
 * The errors that middleware gives rather than the handler: sign-in (401) and roles (403) on the
 * organizer API, cross-site refusal (403) on writes, and the body limit (413).
 */
function withCommonErrors(endpoint: Endpoint, doc: OperationDoc, hasBody: boolean) {
  const responses = { ...doc.responses };
  const write = endpoint.method !== "GET";
  if (doc.auth !== "public") {
    addCode(responses, 401, "Not signed in (no or bad token or session).", "unauthorized");
    addCode(
      responses,
      403,
      "An observer writing, or an account limited to other campaigns.",
      "forbidden",
    );
  }
  if (write) addCode(responses, 403, "A request from another site.", "cross_site");
  if (hasBody)
    addCode(responses, 413, "The body is larger than this route accepts.", "payload_too_large");
  return responses;
}

function operation(endpoint: Endpoint, doc: OperationDoc): JsonSchema {
  const { params } = openApiPath(endpoint.path);
  const parameters: JsonSchema[] = [];
  const fromValidators = new Map<string, JsonSchema[]>();
  let body: JsonSchema | undefined;
  for (const { target, schema } of endpoint.validates) {
    const media = BODY_MEDIA[target];
    if (media) {
      body = { required: true, content: { [media]: { schema: jsonSchema(schema, "input") } } };
      continue;
    }
    const where = target === "param" ? "path" : target;
    fromValidators.set(where, parametersOf(schema, where));
  }
  const pathParams = fromValidators.get("path") ?? [];
  for (const p of params) {
    const validated = pathParams.find((q) => q.name === p.name);
    parameters.push(
      validated ?? {
        name: p.name,
        in: "path",
        required: true,
        schema: p.choices ? { type: "string", enum: p.choices } : { type: "string" },
      },
    );
  }
  for (const where of ["query", "header", "cookie"])
    parameters.push(...(fromValidators.get(where) ?? []));
  if (!fromValidators.has("query") && doc.query)
    parameters.push(...parametersOf(doc.query, "query"));
  if (!body && doc.body) {
    body =
      "media" in doc.body
        ? {
            required: true,
            description: doc.body.description,
            content: { [doc.body.media]: { schema: {} } },
          }
        : {
            required: false,
            content: { "application/json": { schema: jsonSchema(doc.body, "input") } },
          };
  }
  const responses: Record<string, JsonSchema> = {};
  for (const [status, answer] of Object.entries(
    withCommonErrors(endpoint, doc, body !== undefined),
  ))
    responses[status] = response(answer);
  return {
    operationId: operationId(endpoint),
    summary: doc.summary,
    ...(doc.description ? { description: doc.description } : {}),
    tags: [TAGS[doc.tag]],
    ...(doc.auth === "public" ? { security: [] } : {}),
    ...(doc.auth === "admin" ? { "x-role": "admin" } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(body ? { requestBody: body } : {}),
    responses,
  };
}

/** `GET /api/campaigns/:slug/candidates` → `getCampaignsSlugCandidates`. */
function operationId(e: Endpoint): string {
  const words = openApiPath(e.path)
    .path.split(/[^A-Za-z0-9]+/)
    .filter((w) => w && w !== "api");
  return [e.method.toLowerCase(), ...words.map((w) => w.charAt(0).toUpperCase() + w.slice(1))].join(
    "",
  );
}

/** Keys the app registers that the registry lacks, and keys the registry has that the app lacks. */
export function coverage(routes: readonly RouterRoute[], docs: OperationDocs) {
  const registered = endpoints(routes).map(keyOf);
  const known = new Set(registered);
  return {
    registered,
    missing: registered.filter((k) => !(k in docs)),
    extra: Object.keys(docs).filter((k) => !known.has(k)),
  };
}

/**
 * The OpenAPI 3.1 document of the app's API: one operation per route it registered under /api
 * (request schemas from the validator middlewares), described by the registry. A route missing
 * from the registry still appears, marked `x-undocumented` (and fails the coverage test).
 */
export function buildDocument(routes: readonly RouterRoute[], docs: OperationDocs) {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const endpoint of endpoints(routes)) {
    const doc = docs[keyOf(endpoint)];
    const { path } = openApiPath(endpoint.path);
    const item = paths[path] ?? {};
    paths[path] = item;
    item[endpoint.method.toLowerCase()] = doc
      ? operation(endpoint, doc)
      : {
          ...operation(endpoint, {
            summary: `${endpoint.method} ${endpoint.path}`,
            tag: "meta",
            auth: "public",
            responses: { 200: { description: "Undocumented.", media: "application/json" } },
          }),
          "x-undocumented": true,
        };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "榜样 bangyang API",
      version: "1",
      description:
        "The public like-voting API and the organizer API of bangyang (DESIGN §3/§4). Errors are " +
        '`{"error":{"code","message"}}` (plus `issues` for validation errors). Prose, rules and a ' +
        "curl session: docs/api.md. A readable reference: /docs/api.",
    },
    servers: [{ url: "/" }],
    security: [{ bearerToken: [] }, { sessionCookie: [] }] as Record<string, string[]>[],
    tags: Object.values(TAGS).map((name) => ({ name })),
    paths,
    components: {
      schemas: components(),
      securitySchemes: {
        bearerToken: {
          type: "http",
          scheme: "bearer",
          description: "ADMIN_TOKEN, for scripts (role admin).",
        },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "by_admin",
          description: "The console's session, from POST /api/admin/session.",
        },
      },
    },
  };
}
export type OpenApiDocument = ReturnType<typeof buildDocument>;
