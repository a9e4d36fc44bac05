import { Hono } from "hono";
import { listNomineesAdmin } from "../../db/queries/admin-nominees";
import { combinedResult } from "../../db/queries/combined";
import { listInvites } from "../../db/queries/invitations";
import { allScores } from "../../db/queries/jury";
import { listForReview } from "../../db/queries/nominations";
import { getSelectionSettings } from "../../db/queries/selection";
import { campaignStatus } from "../../domain/campaign-status";
import type { AppEnv } from "../../types";
import { CombinedPage } from "../../views/admin/combined-page";
import { JuryPage } from "../../views/admin/jury-page";
import { NominationsPage } from "../../views/admin/nominations-page";
import { combinedJson, inviteJson, reviewItem, settingsJson } from "../../views/selection-json";
import { juryProgress } from "../shared/jury-progress";
import { campaignPage, flash, head, html } from "./console-frame";

/**
 * The console's selection tabs: 提名 (invitations and the review queue), 评审 (jurors and scoring
 * progress) and 综合结果 (weights, method, combined ranking, honorees). Read-only like the rest of
 * the console: changes go through the JSON API from src/client/admin/selection.ts.
 */
export const selectionPages = new Hono<AppEnv>()
  .get(
    "/admin/c/:slug/nominations",
    campaignPage(async (c, organizer, campaign) => {
      const now = Date.now();
      const [settings, invites, items] = await Promise.all([
        getSelectionSettings(c.var.db, campaign.id),
        listInvites(c.var.db, campaign.id),
        listForReview(c.var.db, campaign.id),
      ]);
      return html(
        c,
        <NominationsPage
          organizer={organizer}
          campaign={head(campaign, now)}
          settings={settingsJson(settings, campaign.timeZone, now)}
          invites={invites.map((i) => inviteJson(i, campaign.timeZone, now))}
          items={items.map((i) => reviewItem(i, campaign.timeZone))}
          timeZone={campaign.timeZone}
          flash={flash(c)}
        />,
      );
    }),
  )
  .get(
    "/admin/c/:slug/jury",
    campaignPage(async (c, organizer, campaign) => {
      const now = Date.now();
      const settings = await getSelectionSettings(c.var.db, campaign.id);
      const closed = settings.scoringClosedAt !== null;
      const [progress, nominees, scores] = await Promise.all([
        juryProgress(c.var.db, campaign.id, campaign.timeZone),
        listNomineesAdmin(c.var.db, campaign.id),
        closed ? allScores(c.var.db, campaign.id) : Promise.resolve([]),
      ]);
      return html(
        c,
        <JuryPage
          organizer={organizer}
          campaign={head(campaign, now)}
          jurors={progress.jurors}
          nominees={nominees.map((n) => ({ number: n.number, name: n.name }))}
          missing={progress.missing}
          scoringClosed={closed}
          published={campaign.publishedAt !== null}
          scores={scores}
          flash={flash(c)}
        />,
      );
    }),
  )
  .get(
    "/admin/c/:slug/combined",
    campaignPage(async (c, organizer, campaign) => {
      const now = Date.now();
      const result = await combinedResult(c.var.db, campaign);
      const status = campaignStatus(campaign, now);
      return html(
        c,
        <CombinedPage
          organizer={organizer}
          campaign={head(campaign, now)}
          weightPublic={result.settings.weightPublic}
          publicMethod={result.settings.publicMethod}
          method={result.method}
          combined={result.scoringClosed ? combinedJson(result) : null}
          published={status === "published"}
          withdrawnAt={campaign.publicationWithdrawnAt}
          votingClosed={status === "closed" || status === "published"}
          flash={flash(c)}
        />,
      );
    }),
  );
