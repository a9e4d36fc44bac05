import type { Context } from "hono";
import { Hono } from "hono";
import {
  type AccountView,
  campaignIdsForSlugs,
  createAccount,
  listAccounts,
  updateAccount,
} from "../../db/queries/organizer-accounts";
import { mayManageAccounts } from "../../domain/organizer-accounts";
import { hashPassword } from "../../domain/passwords";
import { ApiError } from "../../errors";
import type { AppEnv } from "../../types";
import { AccountCreate, AccountPatch } from "../../validators/accounts";
import { issueLang, validate } from "../../validators/hook";
import { IdParams } from "../../validators/params";

/**
 * Named organizer accounts, managed by admins who see every campaign (the scripts' token, the
 * built-in admin password, or an unlimited admin account): GET/POST /api/admin/accounts,
 * PATCH /api/admin/accounts/:id. Anyone else: 403 `forbidden`.
 */

function requireManager(c: Context<AppEnv>) {
  if (!mayManageAccounts(c.var.organizer)) {
    throw new ApiError(403, "forbidden", "Only an admin who sees every campaign manages accounts.");
  }
}

async function scope(c: Context<AppEnv>, slugs: string[]) {
  const unique = [...new Set(slugs.map((s) => s.trim()).filter(Boolean))];
  const { ids, unknown } = await campaignIdsForSlugs(c.var.db, unique);
  if (unknown.length) {
    const message =
      issueLang(c) === "zh-CN"
        ? "限定活动中有活动已不存在。"
        : `no campaign "${unknown.join('", "')}"`;
    throw new ApiError(
      400,
      "invalid_body",
      `campaigns: ${message}`,
      {},
      {
        issues: [{ path: "campaigns", message }],
      },
    );
  }
  return { ids, slugs: unique };
}

async function accountOr404(c: Context<AppEnv>, id: number): Promise<AccountView> {
  const account = (await listAccounts(c.var.db)).find((a) => a.id === id);
  if (!account) throw new ApiError(404, "account_not_found", "No such account.");
  return account;
}

const idParam = validate("param", IdParams, "account_not_found", {
  status: 404,
  message: "No such account.",
});

export const adminAccountsApi = new Hono<AppEnv>()
  .get("/", async (c) => {
    requireManager(c);
    return c.json({ accounts: await listAccounts(c.var.db) });
  })
  .post("/", validate("json", AccountCreate), async (c) => {
    requireManager(c);
    const body = c.req.valid("json");
    const { ids, slugs } = await scope(c, body.campaigns);
    const id = await createAccount(
      c.var.db,
      {
        username: body.username,
        displayName: body.displayName,
        role: body.role,
        passwordHash: await hashPassword(body.password),
        campaignIds: ids,
        campaignSlugs: slugs,
      },
      c.var.organizer,
      Date.now(),
    );
    if (id === null) {
      throw new ApiError(409, "username_taken", `The username "${body.username}" is taken.`);
    }
    return c.json({ account: await accountOr404(c, id) }, 201);
  })
  .patch("/:id{[0-9]{1,9}}", idParam, validate("json", AccountPatch), async (c) => {
    requireManager(c);
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const organizer = c.var.organizer;
    const self = organizer.accountId === id;
    if (self && (body.disabled || body.role === "observer" || body.campaigns?.length)) {
      // An admin could lock the last way in: changing one's own standing needs another admin.
      throw new ApiError(409, "own_account", "Another admin must disable, demote or limit you.");
    }
    const limited = body.campaigns === undefined ? undefined : await scope(c, body.campaigns);
    const ok = await updateAccount(
      c.var.db,
      id,
      {
        displayName: body.displayName,
        role: body.role,
        disabled: body.disabled,
        campaignIds: limited?.ids,
        campaignSlugs: limited?.slugs,
        passwordHash: body.password ? await hashPassword(body.password) : undefined,
        resetTotp: body.resetTotp,
      },
      organizer,
      Date.now(),
    );
    if (!ok) throw new ApiError(404, "account_not_found", "No such account.");
    return c.json({ account: await accountOr404(c, id) });
  });
