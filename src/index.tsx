import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { BODY_BYTES } from "./domain/body-limits";
import { ApiError, codeForStatus, errorBody, transientOutage } from "./errors";
import { refuseCrossSite } from "./middleware/cross-site";
import { database } from "./middleware/db";
import { requireOrganizer } from "./middleware/organizer-auth";
import { preferences } from "./middleware/preferences";
import { securityHeaders } from "./middleware/security-headers";
import { accountPages } from "./routes/admin/account-pages";
import { adminAccountsApi } from "./routes/admin/accounts";
import { adminAuditApi } from "./routes/admin/audit";
import { adminCampaignsApi } from "./routes/admin/campaigns";
import { ceremonyPages } from "./routes/admin/ceremony-pages";
import { adminCertificatesApi } from "./routes/admin/certificates";
import { adminCombinedApi } from "./routes/admin/combined";
import { adminCopyApi } from "./routes/admin/copy";
import { adminExportsApi } from "./routes/admin/exports";
import { adminJuryApi } from "./routes/admin/jury";
import { adminLedgerStatusApi } from "./routes/admin/ledger-status";
import { meApi } from "./routes/admin/me";
import { adminNominationsApi } from "./routes/admin/nominations";
import { adminNomineesApi } from "./routes/admin/nominees";
import { adminPages } from "./routes/admin/pages";
import { adminPublicationApi } from "./routes/admin/publication";
import { adminReviewApi } from "./routes/admin/review";
import { selectionPages } from "./routes/admin/selection-pages";
import { sessionApi } from "./routes/admin/session";
import { campaignsApi } from "./routes/api/campaigns";
import { candidatesApi } from "./routes/api/candidates";
import { juryApi } from "./routes/api/jury";
import { ledgerApi } from "./routes/api/ledger";
import { likesApi } from "./routes/api/likes";
import { nominateApi } from "./routes/api/nominate";
import { openapiApi } from "./routes/api/openapi";
import { receiptsApi } from "./routes/api/receipts";
import { cachedResultsAnswer, resultsApi } from "./routes/api/results";
import { wechatApi } from "./routes/api/wechat";
import { mediaRoutes } from "./routes/media";
import { campaignPages } from "./routes/pages/campaign";
import { homePages } from "./routes/pages/home";
import { renderPage } from "./routes/pages/page-context";
import { profilePages } from "./routes/pages/profile";
import { receiptPages } from "./routes/pages/receipt";
import { resultsPages } from "./routes/pages/results";
import { screenPages } from "./routes/pages/screen";
import { selectionLinkPages } from "./routes/pages/selection-links";
import { wechatPages } from "./routes/pages/wechat";
import { limitBodies, maxBody } from "./routes/shared/body-limit";
import { runScheduled } from "./scheduled";
import type { AppEnv } from "./types";
import { MESSAGES } from "./views/i18n";
import { MessagePage } from "./views/pages/home-page";

const isApi = (path: string) => path === "/api" || path.startsWith("/api/");

const app = new Hono<AppEnv>();

app.use(securityHeaders);
app.use(refuseCrossSite);
// Body allowances are declared by the routes (maxBody); this enforces them before any handler.
app.use(limitBodies);
app.use(database);
app.use(async (c, next) => (isApi(c.req.path) ? next() : preferences(c, next)));

// The console (its API and its no-JS pages) sends forms bigger than the public's few KB.
app.use("/api/admin/*", maxBody(BODY_BYTES.console));
app.use("/admin/*", maxBody(BODY_BYTES.console));

app.route("/api/admin/session", sessionApi);
// A named account's own password and second factor: any role, so before the observer guard.
app.route("/api/admin/me", meApi);
app.use("/api/admin/*", requireOrganizer);
app.route("/api/admin/accounts", adminAccountsApi);
// The campaign API in parts, one sub-app per concern. Their paths do not overlap (no pattern
// spans a segment), so the order of these mounts does not matter.
app.route("/api/admin/campaigns", adminNominationsApi);
app.route("/api/admin/campaigns", adminJuryApi);
app.route("/api/admin/campaigns", adminCombinedApi);
app.route("/api/admin/campaigns", adminCertificatesApi);
app.route("/api/admin/campaigns", adminPublicationApi);
app.route("/api/admin/campaigns", adminCopyApi);
app.route("/api/admin/campaigns", adminCampaignsApi);
app.route("/api/admin/campaigns", adminNomineesApi);
app.route("/api/admin/campaigns", adminExportsApi);
app.route("/api/admin/campaigns", adminReviewApi);
app.route("/api/admin/campaigns", adminLedgerStatusApi);
app.route("/api/admin/audit", adminAuditApi);

app.route("/api/campaigns", campaignsApi);
app.route("/api/campaigns", candidatesApi);
app.route("/api/campaigns", likesApi);
app.route("/api/campaigns", receiptsApi);
app.route("/api/campaigns", ledgerApi);
app.route("/", resultsApi);
app.route("/api/nominate", nominateApi);
app.route("/api/jury", juryApi);
app.route("/api/wechat", wechatApi);
app.route(
  "/",
  openapiApi(() => app.routes),
);

app.route("/", adminPages);
app.route("/", accountPages);
app.route("/", selectionPages);
app.route("/", ceremonyPages);
app.route("/", mediaRoutes);
app.route("/", selectionLinkPages);
app.route("/", homePages);
app.route("/", resultsPages);
app.route("/", receiptPages);
app.route("/", wechatPages);
app.route("/", screenPages);
app.route("/", profilePages);
app.route("/", campaignPages);

app.notFound((c) => {
  if (isApi(c.req.path)) return c.json(errorBody("not_found", "No such endpoint."), 404);
  const prefs = c.var.prefs ?? { locale: "zh-CN", largeText: false, m: MESSAGES["zh-CN"] };
  return renderPage(
    c,
    <MessagePage
      title={prefs.m.notFoundTitle}
      body={prefs.m.notFoundBody}
      prefs={prefs}
      url={c.req.url}
    />,
    404,
  );
});

app.onError((err, c) => {
  let status = 500;
  let code = "internal_error";
  let message = "Something went wrong on our side; please try again.";
  let headers: Record<string, string> = {};
  let extra: Record<string, unknown> = {};
  if (err instanceof ApiError) {
    ({ status, code, message, headers, extra } = err);
  } else if (err instanceof HTTPException) {
    status = err.status;
    code = codeForStatus(status);
    message = status >= 500 ? message : err.message || code;
  } else {
    const outage = transientOutage(err);
    if (outage) {
      status = 503;
      code = "temporarily_unavailable";
      message = "Too many requests at this moment; please try again in a few seconds.";
      headers = { "Retry-After": String(outage.retryAfter) };
      console.warn(`${c.req.method} ${c.req.path}: 503`, err);
    } else {
      console.error(`${c.req.method} ${c.req.path}:`, err);
    }
  }
  if (isApi(c.req.path)) {
    return c.json(errorBody(code, message, extra), status as 400, headers);
  }
  const prefs = c.var.prefs ?? { locale: "zh-CN", largeText: false, m: MESSAGES["zh-CN"] };
  const m = prefs.m;
  const page =
    status === 404 ? (
      <MessagePage title={m.notFoundTitle} body={m.notFoundBody} prefs={prefs} url={c.req.url} />
    ) : (
      <MessagePage
        title={m.errorTitle}
        body={status === 503 ? m.busyBody : (m.errorByStatus[status] ?? m.errorBody)}
        prefs={prefs}
        url={c.req.url}
      />
    );
  for (const [k, v] of Object.entries(headers)) c.header(k, v);
  c.header("Cache-Control", "no-store");
  return c.html(`<!doctype html>${String(page)}`, status as 400);
});

export default {
  // A cached ranking is answered before the router (routes/api/results.ts); all else goes to Hono.
  fetch: (request: Request, env: CloudflareBindings, ctx: ExecutionContext) =>
    cachedResultsAnswer(request, env) ?? app.fetch(request, env, ctx),
  scheduled: (controller, env, ctx) => {
    ctx.waitUntil(runScheduled(env, controller.scheduledTime));
  },
} satisfies ExportedHandler<CloudflareBindings>;
export { LikeFlusher } from "./shards/like-flusher";
export { LikeShard } from "./shards/like-shard";
