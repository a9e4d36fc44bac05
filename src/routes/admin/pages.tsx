import { Hono } from "hono";
import { campaignHasLikes, findCampaign, listAllCampaigns } from "../../db/queries/admin-campaigns";
import { listNomineesAdmin } from "../../db/queries/admin-nominees";
import { listFlags } from "../../db/queries/anomalies";
import { listAudit } from "../../db/queries/audit";
import { ledgerHead, ledgerSize } from "../../db/queries/checkpoints";
import { heldByNominee, listChanges } from "../../db/queries/ledger-status";
import { getSelectionSettings } from "../../db/queries/selection";
import { methodText } from "../../domain/combined-score";
import { csvLine, UTF8_BOM } from "../../domain/csv";
import { FIELD_LABELS } from "../../domain/nominee-import";
import { mayAccessCampaign } from "../../domain/organizer-accounts";
import { canonicalResultsCsv, sha256Hex } from "../../domain/results-export";
import { identifyOrganizer } from "../../middleware/organizer-auth";
import { ingestState } from "../../shards/barrier";
import type { AppEnv } from "../../types";
import { DEFAULT_PROTECTION } from "../../validators/campaign";
import { AuditPage } from "../../views/admin/audit-page";
import { CampaignsPage } from "../../views/admin/campaigns-page";
import { DashboardLive, DashboardPage } from "../../views/admin/dashboard-page";
import { NomineesPage } from "../../views/admin/nominees-page";
import { NoticePage } from "../../views/admin/notice-page";
import { ReviewPage } from "../../views/admin/review-page";
import { SettingsPage } from "../../views/admin/settings-page";
import { adminNominee } from "../../views/admin-json";
import { exportRows } from "../shared/export-rows";
import { campaignPage, consoleStatus, flash, guarded, head, html } from "./console-frame";
import { formLogin } from "./form-login";
import {
  dashboardData,
  formValues,
  publicationState,
  TEMPLATE_FIELDS,
  voidPrefill,
} from "./page-data";

/**
 * The organizer console's pages under /admin. Every page but the sign-in needs an organizer
 * (console session or bearer token): without one, the sign-in form is answered in the page's
 * place (200, nothing about the campaign read), and after signing in the same URL shows the page.
 * Writes go through the JSON API from the browser script (src/client/admin.ts); these routes only
 * read.
 */

export const adminPages = new Hono<AppEnv>()
  .get("/admin/", (c) => c.redirect("/admin", 301))
  .get(
    "/admin",
    guarded(async (c, organizer) => {
      const now = Date.now();
      const rows = (await listAllCampaigns(c.var.db)).filter((r) =>
        mayAccessCampaign(organizer, r.campaign.id),
      );
      const nextHour = Math.ceil(now / 3_600_000) * 3_600_000;
      const latest = rows[rows.length - 1]?.campaign;
      return html(
        c,
        <CampaignsPage
          organizer={organizer}
          flash={flash(c)}
          campaigns={rows.map((r) => ({
            slug: r.campaign.slug,
            title: r.campaign.title,
            organizer: r.campaign.organizer,
            status: consoleStatus(r.campaign, now),
            timeZone: r.campaign.timeZone,
            opensAt: r.campaign.opensAt,
            closesAt: r.campaign.closesAt,
            closedAt: r.campaign.closedAt,
            candidateCount: Number(r.candidateCount),
            totalLikes: Number(r.totalLikes),
          }))}
          newCampaign={{
            slug: "",
            title: "",
            organizer: latest?.organizer ?? "",
            description: "",
            timeZone: "Asia/Shanghai",
            opensAt: nextHour,
            closesAt: nextHour + 14 * 86_400_000,
            likesPerCandidatePerDay: 1,
            likesPerVoterPerDay: 5,
            showCounts: "always",
            nomineeOrder: "number",
            draft: true,
            ...DEFAULT_PROTECTION,
          }}
        />,
      );
    }),
  )
  .post("/admin", formLogin)
  .post("/admin/*", formLogin)
  .get(
    "/admin/import-template.csv",
    guarded((c) => {
      c.header("Content-Type", "text/csv; charset=utf-8");
      c.header("Content-Disposition", `attachment; filename="nominees-template.csv"`);
      c.header("Cache-Control", "no-store");
      return c.body(UTF8_BOM + csvLine(TEMPLATE_FIELDS.map((f) => FIELD_LABELS[f])));
    }),
  )
  .get(
    "/admin/c/:slug",
    campaignPage(async (c, organizer, campaign) => {
      const now = Date.now();
      const [data, ingest] = await Promise.all([
        dashboardData(c.var.db, campaign, now),
        ingestState(c.env, campaign),
      ]);
      return html(
        c,
        <DashboardPage
          organizer={organizer}
          campaign={{
            ...head(campaign, now),
            organizer: campaign.organizer,
            opensAt: campaign.opensAt,
            closesAt: campaign.closesAt,
            closedAt: campaign.closedAt,
          }}
          data={data}
          defaultHonorees={Math.min(10, data.ranking.length)}
          publication={publicationState(campaign, data)}
          flash={flash(c)}
          voidPrefill={voidPrefill(c.req.query())}
          ingest={ingest}
        />,
      );
    }),
  )
  .get("/admin/c/:slug/live", async (c) => {
    // The dashboard's self-updating part, fetched by the script every few seconds.
    const organizer = await identifyOrganizer(c);
    c.header("Cache-Control", "no-store");
    if (!organizer) return c.text("Sign in again.", 401);
    const campaign = await findCampaign(c.var.db, c.req.param("slug"));
    if (!campaign || !mayAccessCampaign(organizer, campaign.id))
      return c.text("No such campaign.", 404);
    const data = await dashboardData(c.var.db, campaign, Date.now());
    return c.html(String(<DashboardLive d={data} />));
  })
  .get(
    "/admin/c/:slug/settings",
    campaignPage(async (c, organizer, campaign) => {
      const now = Date.now();
      return html(
        c,
        <SettingsPage
          organizer={organizer}
          campaign={head(campaign, now)}
          values={formValues(campaign)}
          hasLikes={await campaignHasLikes(c.var.db, campaign.id)}
          flash={flash(c)}
        />,
      );
    }),
  )
  .get(
    "/admin/c/:slug/nominees",
    campaignPage(async (c, organizer, campaign) => {
      const now = Date.now();
      const [nominees, hasLikes] = await Promise.all([
        listNomineesAdmin(c.var.db, campaign.id),
        campaignHasLikes(c.var.db, campaign.id),
      ]);
      return html(
        c,
        <NomineesPage
          organizer={organizer}
          campaign={head(campaign, now)}
          hasLikes={hasLikes}
          flash={flash(c)}
          nominees={nominees.map(adminNominee)}
        />,
      );
    }),
  )
  .get(
    "/admin/c/:slug/review",
    campaignPage(async (c, organizer, campaign) => {
      const db = c.var.db;
      const [open, decided, sealed, rows, held, changes] = await Promise.all([
        listFlags(db, campaign.id, "open"),
        listFlags(db, campaign.id, "all"),
        ledgerHead(db, campaign.id),
        ledgerSize(db, campaign.id),
        heldByNominee(db, campaign.id),
        listChanges(db, campaign.id, ["void", "void_held", "void_flag", "release", "reinstate"]),
      ]);
      return html(
        c,
        <ReviewPage
          organizer={organizer}
          campaign={head(campaign, Date.now())}
          timeZone={campaign.timeZone}
          scannedAt={campaign.anomalyScannedAt}
          open={open}
          decided={decided.filter((f) => f.status !== "open")}
          head={sealed ? { ...sealed, count: sealed.rowCount } : null}
          ledgerRows={rows}
          held={held}
          changes={changes}
          flash={flash(c)}
        />,
      );
    }),
  )
  .get(
    "/admin/c/:slug/audit",
    campaignPage(async (c, organizer, campaign) => {
      const PAGE = 50;
      const beforeRaw = c.req.query("before");
      const before = beforeRaw && /^\d{1,12}$/.test(beforeRaw) ? Number(beforeRaw) : undefined;
      const [entries, nominees] = await Promise.all([
        listAudit(c.var.db, { campaignId: campaign.id, beforeId: before, limit: PAGE }),
        listNomineesAdmin(c.var.db, campaign.id),
      ]);
      return html(
        c,
        <AuditPage
          organizer={organizer}
          campaign={head(campaign, Date.now())}
          timeZone={campaign.timeZone}
          entries={entries}
          nominees={new Map(nominees.map((n) => [n.id, { number: n.number, name: n.name }]))}
          next={entries.length === PAGE ? (entries[entries.length - 1]?.id ?? null) : null}
          paged={before !== undefined}
        />,
      );
    }),
  )
  .get(
    "/admin/c/:slug/notice",
    campaignPage(async (c, organizer, campaign) => {
      const now = Date.now();
      const [rows, nominees, sealed, settings] = await Promise.all([
        exportRows(c.var.db, campaign),
        listNomineesAdmin(c.var.db, campaign.id),
        ledgerHead(c.var.db, campaign.id),
        getSelectionSettings(c.var.db, campaign.id),
      ]);
      // The published list only: never the 当选 flags as they stand (issue 14).
      const honorees = new Set(campaign.publishedHonorees ?? []);
      return html(
        c,
        <NoticePage
          notice={campaign}
          organizer={organizer}
          campaign={{
            ...head(campaign, now),
            organizer: campaign.organizer,
            timeZone: campaign.timeZone,
            opensAt: campaign.opensAt,
            closesAt: campaign.closesAt,
            closedAt: campaign.closedAt,
          }}
          rows={rows.map((r) => ({ ...r, honoree: honorees.has(r.number) }))}
          voided={nominees.reduce((s, n) => s + n.voidedLikes, 0)}
          exportedAt={now}
          sha256={await sha256Hex(canonicalResultsCsv(rows))}
          ledger={sealed ? { count: sealed.rowCount, hash: sealed.hash, seq: sealed.seq } : null}
          method={
            rows.some((r) => r.combined)
              ? methodText(settings.weightPublic, settings.publicMethod)
              : undefined
          }
        />,
      );
    }),
  );
