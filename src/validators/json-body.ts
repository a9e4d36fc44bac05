import type { Context } from "hono";
import * as v from "valibot";
import { ApiError } from "../errors";

/**
 * Reads a JSON body and validates it: malformed JSON and schema failures are 400 `invalid_body`
 * with the field and the reason, e.g. "closesAt: must be an ISO 8601 time with offset".
 */
export async function readJson<S extends v.GenericSchema>(
  c: Context,
  schema: S,
): Promise<v.InferOutput<S>> {
  let json: unknown;
  try {
    json = await c.req.json();
  } catch {
    throw new ApiError(400, "invalid_body", "The body must be valid JSON.");
  }
  const parsed = v.safeParse(schema, json);
  if (!parsed.success) {
    const messages = parsed.issues.slice(0, 5).map((issue) => {
      const path = issue.path?.map((p) => String(p.key)).join(".");
      return path && !issue.message.startsWith(path) ? `${path}: ${issue.message}` : issue.message;
    });
    throw new ApiError(400, "invalid_body", messages.join("; "));
  }
  return parsed.output;
}
