import { Hono } from "hono";
import { ApiError } from "../../errors";
import { endSession, identifyOrganizer, startSession } from "../../middleware/organizer-auth";
import type { AppEnv } from "../../types";
import { LoginRequest } from "../../validators/accounts";
import { validate } from "../../validators/hook";
import { signIn } from "../shared/sign-in";

export const sessionApi = new Hono<AppEnv>()
  .post("/", validate("json", LoginRequest), async (c) => {
    const input = c.req.valid("json");
    const result = await signIn(c, input);
    if (!result.ok) {
      if (result.reason === "rate_limited") {
        throw new ApiError(429, "rate_limited", "Too many sign-in attempts; wait a minute.", {
          "Retry-After": "60",
        });
      }
      if (result.reason === "totp_required") {
        throw new ApiError(
          401,
          "totp_required",
          "This account has two-step verification: send the 6-digit code as `code`.",
        );
      }
      throw new ApiError(
        401,
        "unauthorized",
        input.username ? "Wrong username, password or code." : "Wrong password.",
      );
    }
    const { subject } = result;
    const expiresAt = await startSession(c, subject);
    return c.json(
      {
        role: subject.role,
        name: subject.name,
        ...(subject.accountId !== null && {
          username: subject.name,
          displayName: subject.displayName,
        }),
        expiresAt: new Date(expiresAt).toISOString(),
      },
      201,
    );
  })
  .get("/", async (c) => {
    const organizer = await identifyOrganizer(c);
    if (!organizer) throw new ApiError(401, "unauthorized", "Not signed in.");
    const { sessionHash: _hidden, ...shown } = organizer;
    return c.json(shown);
  })
  .delete("/", async (c) => {
    await endSession(c);
    return c.body(null, 204);
  });
