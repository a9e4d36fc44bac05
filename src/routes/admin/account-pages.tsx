import type { Context } from "hono";
import { Hono } from "hono";
import { renderSVG } from "uqr";
import { listAllCampaigns } from "../../db/queries/admin-campaigns";
import {
  accountView,
  findAccount,
  listAccountAudit,
  listAccounts,
} from "../../db/queries/organizer-accounts";
import { mayManageAccounts, newTotpSecret, totpUri } from "../../domain/organizer-accounts";
import type { AppEnv, Organizer } from "../../types";
import { AccountEditPage } from "../../views/admin/account-edit-page";
import { ACCOUNT_FLASH } from "../../views/admin/account-text";
import { AccountsPage } from "../../views/admin/accounts-page";
import { AdminMessagePage } from "../../views/admin/layout";
import { MyAccountPage, TotpEnrolPage } from "../../views/admin/my-account-page";
import { guarded, html } from "./console-frame";

/**
 * The console's account pages: 账号管理 (/admin/accounts, admins who see every campaign), one
 * account's page (/admin/accounts/:id, the same admins) and 我的账号 (/admin/account, any named
 * account; /admin/account/totp enrols a second factor).
 * Changes go through the JSON API (routes/admin/accounts.ts, me.ts) from the browser script.
 */

function accountFlash(c: Context<AppEnv>): string | undefined {
  const done = c.req.query("done");
  return done ? ACCOUNT_FLASH[done] : undefined;
}

const refused = (c: Context<AppEnv>, organizer: Organizer) =>
  html(
    c,
    <AdminMessagePage
      title="没有权限"
      body="只有可管理全部活动的管理员才能管理账号。"
      organizer={organizer}
    />,
    403,
  );

const choices = async (c: Context<AppEnv>) =>
  (await listAllCampaigns(c.var.db)).map((r) => ({
    slug: r.campaign.slug,
    title: r.campaign.title,
  }));

export const accountPages = new Hono<AppEnv>()
  .get(
    "/admin/accounts",
    guarded(async (c, organizer) => {
      if (!mayManageAccounts(organizer)) return refused(c, organizer);
      const db = c.var.db;
      const [accounts, campaigns, audit] = await Promise.all([
        listAccounts(db),
        choices(c),
        listAccountAudit(db, 30),
      ]);
      return html(
        c,
        <AccountsPage
          organizer={organizer}
          accounts={accounts}
          campaigns={campaigns}
          audit={audit}
          flash={accountFlash(c)}
        />,
      );
    }),
  )
  .get(
    "/admin/accounts/:id",
    guarded(async (c, organizer) => {
      if (!mayManageAccounts(organizer)) return refused(c, organizer);
      const id = c.req.param("id") ?? "";
      const account = /^[1-9][0-9]{0,9}$/.test(id)
        ? await accountView(c.var.db, Number(id))
        : undefined;
      if (!account) {
        return html(
          c,
          <AdminMessagePage
            title="没有这个账号"
            body="链接里的账号不存在。请从账号管理页进入。"
            organizer={organizer}
          />,
          404,
        );
      }
      return html(
        c,
        <AccountEditPage
          organizer={organizer}
          account={account}
          campaigns={await choices(c)}
          self={account.id === organizer.accountId}
          flash={accountFlash(c)}
        />,
      );
    }),
  )
  .get(
    "/admin/account",
    guarded(async (c, organizer) => {
      const account =
        organizer.accountId === undefined
          ? undefined
          : await findAccount(c.var.db, organizer.accountId);
      let campaigns: string[] | null = null;
      if (organizer.campaignIds) {
        const ids = new Set(organizer.campaignIds);
        campaigns = (await listAllCampaigns(c.var.db))
          .filter((r) => ids.has(r.campaign.id))
          .map((r) => r.campaign.title);
      }
      return html(
        c,
        <MyAccountPage
          organizer={organizer}
          account={
            account
              ? {
                  username: account.username,
                  displayName: account.displayName,
                  role: account.role,
                  totp: account.totpSecret !== null,
                }
              : null
          }
          campaigns={campaigns}
          flash={accountFlash(c)}
        />,
      );
    }),
  )
  .get(
    "/admin/account/totp",
    guarded(async (c, organizer) => {
      if (organizer.accountId === undefined) return c.redirect("/admin/account", 303);
      const account = await findAccount(c.var.db, organizer.accountId);
      if (!account || account.totpSecret) return c.redirect("/admin/account", 303);
      const secret = newTotpSecret();
      const qrSvg = renderSVG(totpUri(secret, account.username), {
        ecc: "M",
        border: 2,
        pixelSize: 5,
        blackColor: "#111",
        whiteColor: "#fff",
      });
      return html(c, <TotpEnrolPage organizer={organizer} secret={secret} qrSvg={qrSvg} />);
    }),
  );
