import type { Context } from "hono";
import { Hono } from "hono";
import { findCertificateSettings, listHonorees } from "../../db/queries/ceremony";
import type { Campaign } from "../../db/schema";
import { certificateText } from "../../domain/certificate";
import type { AppEnv } from "../../types";
import { CeremonyPage } from "../../views/admin/ceremony-page";
import { CertificatePage } from "../../views/admin/certificate-page";
import { AdminMessagePage } from "../../views/admin/layout";
import { campaignPage, consoleStatus, flash, head, html } from "./console-frame";

/** The certificates of `honorees`, or a message in the console's frame when there are none yet. */
async function certificates(
  c: Context<AppEnv>,
  campaign: Campaign,
  organizer: Parameters<typeof AdminMessagePage>[0]["organizer"],
  pick: (numbers: number) => boolean,
) {
  const published = consoleStatus(campaign, Date.now()) === "published";
  const [all, settings] = await Promise.all([
    published ? listHonorees(c.var.db, campaign.id) : [],
    findCertificateSettings(c.var.db, campaign.id),
  ]);
  const honorees = all.filter((n) => pick(n.number));
  if (honorees.length === 0) {
    return html(
      c,
      <AdminMessagePage
        title="没有可打印的证书"
        body={published ? "没有这位当选者。" : "结果公布后才能打印荣誉证书。"}
        organizer={organizer}
      />,
      404,
    );
  }
  return html(
    c,
    <CertificatePage
      title={campaign.title}
      honorees={honorees}
      text={certificateText({ campaign, settings })}
      sealUrl={settings.sealUrl}
      backHref={`/admin/c/${campaign.slug}/ceremony`}
    />,
  );
}

/**
 * The console's 颁奖 tab and the printable 荣誉证书 (organizers only, like every /admin page): all of a
 * campaign's honorees at once, or one by number.
 */
export const ceremonyPages = new Hono<AppEnv>()
  .get(
    "/admin/c/:slug/ceremony",
    campaignPage(async (c, organizer, campaign) => {
      const now = Date.now();
      const published = consoleStatus(campaign, now) === "published";
      const [settings, honorees] = await Promise.all([
        findCertificateSettings(c.var.db, campaign.id),
        published ? listHonorees(c.var.db, campaign.id) : [],
      ]);
      return html(
        c,
        <CeremonyPage
          organizer={organizer}
          campaign={head(campaign, now)}
          settings={settings}
          text={certificateText({ campaign, settings })}
          honorees={honorees}
          published={published}
          flash={flash(c)}
        />,
      );
    }),
  )
  .get(
    "/admin/c/:slug/certificates",
    campaignPage((c, organizer, campaign) => certificates(c, campaign, organizer, () => true)),
  )
  .get(
    "/admin/c/:slug/certificates/:number{[1-9][0-9]{0,8}}",
    campaignPage((c, organizer, campaign) => {
      const number = Number(c.req.param("number"));
      return certificates(c, campaign, organizer, (n) => n === number);
    }),
  );
