import type { Context, Env, MiddlewareHandler, ValidationTargets } from "hono";
import { getCookie } from "hono/cookie";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import * as v from "valibot";
import { ApiError } from "../errors";
import { type IssueLang, issueEntries, summary } from "./messages";

/**
 * What a validator middleware checks, attached to the middleware itself so that the OpenAPI
 * document can be built by walking the app's routes: the request schemas in the document are the
 * very ones that validate the requests.
 */
export const VALIDATES = Symbol.for("bangyang.validates");
export interface Validates {
  target: keyof ValidationTargets;
  schema: v.GenericSchema;
}

/** The code a failure answers with when the route names none. */
const DEFAULT_CODE: Record<keyof ValidationTargets, string> = {
  json: "invalid_body",
  form: "invalid_body",
  query: "invalid_query",
  param: "not_found",
  header: "invalid_request",
  cookie: "invalid_request",
};

/** A failure other than 400, e.g. a path parameter that names nothing: 404 with its own text. */
export interface Refusal {
  status: ContentfulStatusCode;
  /** The message, or how to write it from what was read (e.g. the path's parameters). */
  message: string | ((value: Record<string, unknown>) => string);
}

/**
 * The language of issue messages: zh-CN when the request prefers Chinese (its Accept-Language
 * puts zh first; for the pages and their form posts, the site's language cookie, Chinese by
 * default), English otherwise (curl, API clients).
 */
export function issueLang(c: Context): IssueLang {
  const first = (c.req.header("Accept-Language") ?? "").split(",")[0]?.trim().toLowerCase() ?? "";
  if (first.startsWith("zh")) return "zh-CN";
  if (first !== "" && first !== "*") return "en";
  const path = c.req.path;
  const isApi = path === "/api" || path.startsWith("/api/");
  return !isApi && getCookie(c, "by_lang") !== "en" ? "zh-CN" : "en";
}

function malformedJson(c: Context): ApiError {
  const message =
    issueLang(c) === "zh-CN" ? "提交的内容不是有效的 JSON。" : "The body must be valid JSON.";
  return new ApiError(400, "invalid_body", message, {}, { issues: [{ path: "", message }] });
}

async function readTarget(c: Context, target: keyof ValidationTargets): Promise<unknown> {
  switch (target) {
    case "json": {
      // Any Content-Type: the API has always read the body as JSON (curl -d sends a form type).
      // An empty body is `undefined`, for the routes whose body is optional.
      const text = await c.req.text();
      if (text.trim() === "") return undefined;
      try {
        return JSON.parse(text);
      } catch {
        throw malformedJson(c);
      }
    }
    case "form":
      return await c.req.parseBody({ all: true }).catch(() => ({}));
    case "query":
      return Object.fromEntries(
        Object.entries(c.req.queries()).map(([k, values]) => [
          k,
          values.length === 1 ? values[0] : values,
        ]),
      );
    case "param":
      return c.req.param();
    case "header":
      return c.req.header();
    case "cookie":
      return getCookie(c);
  }
}

/**
 * The one request validator: reads `target`, parses it with `schema` and hands the handler the
 * output through `c.req.valid(target)`. A failure is our envelope, status 400 with `code`
 * (`invalid_body`, `invalid_query`, …) and `error.issues: [{path, message}]` in the caller's
 * language (validators/messages.ts); `refusal` turns it into another answer instead, e.g. a
 * nominee number that is no number is simply not found (404, no issues).
 */
export function validate<
  T extends keyof ValidationTargets,
  S extends v.GenericSchema | v.GenericSchemaAsync,
  E extends Env = Env,
  P extends string = string,
>(target: T, schema: S, code: string = DEFAULT_CODE[target], refusal?: Refusal) {
  const middleware: MiddlewareHandler<
    E,
    P,
    { in: { [K in T]: v.InferInput<S> }; out: { [K in T]: v.InferOutput<S> } }
  > = async (c, next) => {
    const value = await readTarget(c, target);
    const lang = issueLang(c);
    const result = await v.safeParseAsync(schema, value, { lang });
    if (!result.success) {
      if (target === "json" && value === undefined) throw malformedJson(c);
      if (refusal) {
        const { status, message } = refusal;
        const text =
          typeof message === "string" ? message : message(value as Record<string, never>);
        throw new ApiError(status, code, text);
      }
      const issues = issueEntries(result.issues, lang);
      throw new ApiError(400, code, summary(issues, lang) || code, {}, { issues });
    }
    c.req.addValidatedData(target, result.output as object);
    await next();
  };
  const validates: Validates = { target, schema: schema as v.GenericSchema };
  return Object.assign(middleware, { [VALIDATES]: validates });
}
