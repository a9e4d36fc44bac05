import { Hono } from "hono";
import { verifyPassword } from "../../domain/passwords";
import { ApiError } from "../../errors";
import { endSession, identifyOrganizer, startSession } from "../../middleware/organizer-auth";
import { clientIp } from "../../middleware/voter";
import type { AppEnv, Role } from "../../types";
import { LoginRequest } from "../../validators/campaign";
import { readJson } from "../../validators/json-body";

/** Checks a password against both roles' passwords (both are always checked: no timing hint). */
export async function roleForPassword(
  env: CloudflareBindings,
  password: string,
): Promise<Role | null> {
  const [admin, observer] = await Promise.all([
    verifyPassword(password, env.ADMIN_PASSWORD),
    verifyPassword(password, env.OBSERVER_PASSWORD),
  ]);
  return admin ? "admin" : observer ? "observer" : null;
}

/** Login attempts per IP are limited: a few tries a minute stop guessing, not people. */
export async function loginAllowed(env: CloudflareBindings, headers: Headers): Promise<boolean> {
  const { success } = await env.LOGIN_RATE_LIMITER.limit({ key: `login:${clientIp(headers)}` });
  return success;
}

export const sessionApi = new Hono<AppEnv>()
  .post("/", async (c) => {
    if (!(await loginAllowed(c.env, c.req.raw.headers))) {
      throw new ApiError(429, "rate_limited", "Too many sign-in attempts; wait a minute.", {
        "Retry-After": "60",
      });
    }
    const { password, name } = await readJson(c, LoginRequest);
    const role = await roleForPassword(c.env, password);
    if (!role) throw new ApiError(401, "unauthorized", "Wrong password.");
    const expiresAt = await startSession(c, role, name || role);
    return c.json({ role, name: name || role, expiresAt: new Date(expiresAt).toISOString() }, 201);
  })
  .get("/", async (c) => {
    const organizer = await identifyOrganizer(c);
    if (!organizer) throw new ApiError(401, "unauthorized", "Not signed in.");
    return c.json(organizer);
  })
  .delete("/", (c) => {
    endSession(c);
    return c.body(null, 204);
  });
