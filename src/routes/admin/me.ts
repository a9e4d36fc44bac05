import type { Context } from "hono";
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { changeOwnPassword, findAccount, setOwnTotp } from "../../db/queries/organizer-accounts";
import { newTotpSecret, totpUri, verifyTotp } from "../../domain/organizer-accounts";
import { hashPassword, verifyPassword } from "../../domain/passwords";
import { ApiError } from "../../errors";
import { identifyOrganizer, startSession } from "../../middleware/organizer-auth";
import type { AppEnv, Organizer } from "../../types";
import { PasswordChange, TotpDisable, TotpEnable } from "../../validators/accounts";
import { validate } from "../../validators/hook";

/**
 * A named account's own settings, for any role (observers too): GET /api/admin/me, its password
 * (POST /password) and its second factor (GET /totp/new, POST /totp, DELETE /totp). Mounted
 * before the organizer guard, because that guard refuses observers' writes.
 */

type AccountOrganizer = Organizer & { accountId: number };

const requireAccount = createMiddleware<AppEnv>(async (c, next) => {
  const organizer = await identifyOrganizer(c);
  if (!organizer) throw new ApiError(401, "unauthorized", "Sign in first.");
  if (organizer.accountId === undefined) {
    throw new ApiError(403, "forbidden", "Built-in passwords and the token have no account.");
  }
  c.set("organizer", organizer);
  await next();
});

async function ownAccount(c: Context<AppEnv>) {
  const organizer = c.var.organizer as AccountOrganizer;
  const account = await findAccount(c.var.db, organizer.accountId);
  if (!account) throw new ApiError(401, "unauthorized", "Sign in again.");
  return { organizer, account };
}

export const meApi = new Hono<AppEnv>()
  .use(requireAccount)
  .get("/", async (c) => {
    const { account } = await ownAccount(c);
    return c.json({
      username: account.username,
      displayName: account.displayName,
      role: account.role,
      totp: account.totpSecret !== null,
      campaignIds: c.var.organizer.campaignIds ?? null,
    });
  })
  .post("/password", validate("json", PasswordChange), async (c) => {
    const { organizer, account } = await ownAccount(c);
    const body = c.req.valid("json");
    if (!(await verifyPassword(body.currentPassword, account.passwordHash))) {
      throw new ApiError(401, "wrong_password", "The current password is wrong.");
    }
    const now = Date.now();
    await changeOwnPassword(c.var.db, organizer, await hashPassword(body.newPassword), now);
    // Every session ended, this one too (a copy of its cookie may be what we are locking out);
    // the owner goes on in a fresh one.
    await startSession(c, {
      role: account.role,
      name: account.username,
      accountId: account.id,
      displayName: account.displayName,
    });
    return c.json({ changed: true });
  })
  .get("/totp/new", async (c) => {
    const { account } = await ownAccount(c);
    const secret = newTotpSecret();
    c.header("Cache-Control", "no-store");
    return c.json({ secret, uri: totpUri(secret, account.username) });
  })
  .post("/totp", validate("json", TotpEnable), async (c) => {
    const { organizer, account } = await ownAccount(c);
    if (account.totpSecret) {
      throw new ApiError(409, "totp_enabled", "Two-step verification is already on.");
    }
    const body = c.req.valid("json");
    const now = Date.now();
    const step = verifyTotp(body.secret, body.code, now, 0);
    if (step === null) throw new ApiError(400, "wrong_code", "The code does not match.");
    await setOwnTotp(c.var.db, organizer, body.secret, step, now);
    return c.json({ totp: true });
  })
  .delete("/totp", validate("json", TotpDisable), async (c) => {
    const { organizer, account } = await ownAccount(c);
    const body = c.req.valid("json");
    if (!(await verifyPassword(body.password, account.passwordHash))) {
      throw new ApiError(401, "wrong_password", "The password is wrong.");
    }
    await setOwnTotp(c.var.db, organizer, null, 0, Date.now());
    return c.json({ totp: false });
  });
