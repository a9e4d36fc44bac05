import type { Context } from "hono";
import { Hono } from "hono";
import * as v from "valibot";
import type { Database } from "../../db/client";
import { campaignHasLikes, findCampaign, listAllCampaigns } from "../../db/queries/admin-campaigns";
import { listNomineesAdmin } from "../../db/queries/admin-nominees";
import { listFlags } from "../../db/queries/anomalies";
import { listAudit } from "../../db/queries/audit";
import { ledgerHead, ledgerSize } from "../../db/queries/checkpoints";
import { campaignDashboard } from "../../db/queries/dashboard";
import { heldByNominee, listChanges } from "../../db/queries/ledger-status";
import { getSelectionSettings } from "../../db/queries/selection";
import type { Campaign } from "../../db/schema";
import { methodText } from "../../domain/combined-score";
import { csvLine, UTF8_BOM } from "../../domain/csv";
import { FIELD_LABELS } from "../../domain/nominee-import";
import { mayAccessCampaign } from "../../domain/organizer-accounts";
import { canonicalResultsCsv, sha256Hex } from "../../domain/results-export";
import { identifyOrganizer, startSession } from "../../middleware/organizer-auth";
import type { AppEnv } from "../../types";
import { LoginRequest } from "../../validators/accounts";
import { DEFAULT_PROTECTION } from "../../validators/campaign";
import { AuditPage } from "../../views/admin/audit-page";
import type { CampaignFormValues } from "../../views/admin/campaign-form";
import { CampaignsPage } from "../../views/admin/campaigns-page";
import {
  type DashboardData,
  DashboardLive,
  DashboardPage,
  type VoidPrefill,
} from "../../views/admin/dashboard-page";
import { AdminMessagePage } from "../../views/admin/layout";
import { LoginPage } from "../../views/admin/login-page";
import { NomineesPage } from "../../views/admin/nominees-page";
import { NoticePage } from "../../views/admin/notice-page";
import type { PublicationState } from "../../views/admin/publication-panel";
import { ReviewPage } from "../../views/admin/review-page";
import { SettingsPage } from "../../views/admin/settings-page";
import { adminNominee } from "../../views/admin-json";
import { campaignPage, consoleStatus, flash, guarded, head, html } from "./console-frame";
import { exportRows } from "./exports";
import { signIn } from "./session";

/**
 * The organizer console's pages under /admin. Every page but the sign-in needs an organizer
 * (console session or bearer token): without one, the sign-in form is answered in the page's
 * place (200, nothing about the campaign read), and after signing in the same URL shows the page.
 * Writes go through the JSON API from the browser script (src/client/admin.ts); these routes only
 * read.
 */

/** The published list as stored, named from the ranking (撤回公布 panel). */
function publicationState(campaign: Campaign, data: DashboardData): PublicationState {
  const names = new Map(data.ranking.map((r) => [r.number, r.name]));
  return {
    publishedAt: campaign.publishedAt,
    honorees: (campaign.publishedHonorees ?? []).map((number) => ({
      number,
      name: names.get(number) ?? "",
    })),
    withdrawnAt: campaign.publicationWithdrawnAt,
    timeZone: campaign.timeZone,
  };
}

/** The dashboard's numbers, as GET /api/admin/campaigns/:slug/dashboard computes them. */
async function dashboardData(
  db: Database,
  campaign: Campaign,
  now: number,
): Promise<DashboardData> {
  return {
    slug: campaign.slug,
    status: consoleStatus(campaign, now),
    timeZone: campaign.timeZone,
    closesAt: campaign.closesAt,
    now,
    ...(await campaignDashboard(db, campaign.id, now)),
  };
}

function formValues(campaign: Campaign): CampaignFormValues {
  return {
    slug: campaign.slug,
    title: campaign.title,
    organizer: campaign.organizer,
    description: campaign.description,
    timeZone: campaign.timeZone,
    opensAt: campaign.opensAt,
    closesAt: campaign.closesAt,
    likesPerCandidatePerDay: campaign.likesPerCandidatePerDay,
    likesPerVoterPerDay: campaign.likesPerVoterPerDay,
    showCounts: campaign.showCounts,
    nomineeOrder: campaign.nomineeOrder,
    draft: campaign.draft,
    challengePrefixPerMinute: campaign.challengePrefixPerMinute,
    challengeVoterPerMinute: campaign.challengeVoterPerMinute,
    challengeDifficulty: campaign.challengeDifficulty,
    holdFlagged: campaign.holdFlagged,
    retentionDays: campaign.retentionDays,
    identityMode: campaign.identityMode,
    notice: {
      startsAt: campaign.noticeStartsAt,
      endsAt: campaign.noticeEndsAt,
      objectionUnit: campaign.objectionUnit,
      objectionPhone: campaign.objectionPhone,
      objectionEmail: campaign.objectionEmail,
    },
  };
}

/** The no-JavaScript sign-in: the same checks as POST /api/admin/session, then back to the page. */
async function formLogin(c: Context<AppEnv>) {
  const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  if (typeof body.password !== "string") {
    return html(
      c,
      <AdminMessagePage
        title="需要启用 JavaScript"
        body="管理后台的修改操作需要浏览器启用 JavaScript。"
        organizer={await identifyOrganizer(c)}
      />,
      400,
    );
  }
  const text = (key: string) => (typeof body[key] === "string" ? (body[key] as string) : "");
  const values = { username: text("username"), name: text("name") };
  const page = (error: string, status: 400 | 401 | 429) =>
    html(c, <LoginPage action={c.req.path} {...values} error={error} />, status);
  const parsed = v.safeParse(LoginRequest, {
    password: body.password,
    ...(values.username && { username: values.username }),
    ...(text("code") && { code: text("code") }),
    ...(values.name && { name: values.name }),
  });
  if (!parsed.success) return page("请填写密码（姓名最多 40 个字）。", 400);
  const result = await signIn(c, parsed.output);
  if (!result.ok) {
    if (result.reason === "rate_limited") {
      c.header("Retry-After", "60");
      return page("尝试次数过多，请一分钟后再试。", 429);
    }
    if (result.reason === "totp_required") {
      return page("该账号已开启两步验证，请填写身份验证器中的 6 位动态验证码。", 401);
    }
    return page(values.username ? "账号、密码或动态验证码不正确。" : "密码错误。", 401);
  }
  await startSession(c, result.subject);
  return c.redirect(c.req.path, 303);
}

const TEMPLATE_FIELDS = [
  "number",
  "name",
  "position",
  "unit",
  "group",
  "headline",
  "story",
  "nominatingUnit",
  "photoUrl",
  "photoCaption",
] as const;

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
      const data = await dashboardData(c.var.db, campaign, now);
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

/**
 * The void form filled in from a link (the review queue's "按此核减…"): nominee, time range (epoch
 * ms) and network, never typed hashes. Anything malformed is left out.
 */
function voidPrefill(q: Record<string, string>): VoidPrefill | undefined {
  const out: VoidPrefill = {};
  const ms = (s: string | undefined) => (s && /^\d{1,15}$/.test(s) ? Number(s) : undefined);
  if (q.number && /^\d{1,6}$/.test(q.number)) out.number = Number(q.number);
  out.from = ms(q.from);
  out.to = ms(q.to);
  if (q.network && /^[0-9a-z-]{1,80}$/.test(q.network)) out.network = q.network;
  if (q.voter && /^[0-9a-f]{32}$/.test(q.voter)) out.voterHash = q.voter;
  const given = Object.values(out).some((v) => v !== undefined);
  return given ? out : undefined;
}
