import { vValidator } from "@hono/valibot-validator";
import type { ValidationTargets } from "hono";
import type * as v from "valibot";
import { ApiError } from "../errors";

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

/**
 * `@hono/valibot-validator` with failures turned into our error envelope: 400 with `code` and the
 * first issue's message.
 */
export function validate<T extends keyof ValidationTargets, S extends v.GenericSchema>(
  target: T,
  schema: S,
  code: string,
) {
  const middleware = vValidator(target, schema, (result) => {
    if (!result.success) {
      const issue = result.issues[0];
      const path = issue?.path?.map((p) => String(p.key)).join(".");
      throw new ApiError(400, code, path ? `${path}: ${issue?.message}` : (issue?.message ?? code));
    }
  });
  const validates: Validates = { target, schema };
  return Object.assign(middleware, { [VALIDATES]: validates });
}
