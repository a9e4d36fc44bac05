import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { ApiError, codeForStatus, errorBody } from "./errors";
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
import { MAX_PHOTO_BYTES, mediaRoutes } from "./routes/media";
import { campaignPages } from "./routes/pages/campaign";
import { homePages } from "./routes/pages/home";
import { renderPage } from "./routes/pages/page-context";
import { profilePages } from "./routes/pages/profile";
import { resultsPages } from "./routes/pages/results";
import { screenPages } from "./routes/pages/screen";
import { selectionLinkPages } from "./routes/pages/selection-links";
import { wechatPages } from "./routes/pages/wechat";
import { runScheduled } from "./scheduled";
import type { AppEnv } from "./types";
import { MESSAGES } from "./views/i18n";
import { MessagePage } from "./views/pages/home-page";

/**
 * Request bodies larger than these are refused with 413 before anything reads them: a few KB for
 * the public, more for the organizer's forms, imports and photos.
 */
function bodyLimitFor(path: string): number {
  if (/^\/api\/admin\/campaigns\/[^/]+\/nominees\/[^/]+\/photos$/.test(path))
    return MAX_PHOTO_BYTES;
  if (/^\/api\/admin\/campaigns\/[^/]+\/certificate\/seal$/.test(path)) return MAX_PHOTO_BYTES;
  if (/^\/api\/admin\/campaigns\/[^/]+\/nominees\/import$/.test(path)) return 2 * 1024 * 1024;
  if (/^\/api\/nominate\/[^/]+\/nominations\/[^/]+\/photos$/.test(path)) return MAX_PHOTO_BYTES;
  if (path.startsWith("/api/nominate/")) return 256 * 1024;
  if (path.startsWith("/api/admin/") || path.startsWith("/admin")) return 256 * 1024;
  return 4 * 1024;
}

const isApi = (path: string) => path === "/api" || path.startsWith("/api/");

const app = new Hono<AppEnv>();

app.use(securityHeaders);
app.use(refuseCrossSite);
// One limiter per size, built once; requests without a body (GET, HEAD) skip it.
const limiters = new Map<number, ReturnType<typeof bodyLimit>>();
function limiterFor(maxSize: number) {
  let limiter = limiters.get(maxSize);
  if (!limiter) {
    limiter = bodyLimit({
      maxSize,
      onError: () => {
        throw new ApiError(
          413,
          "payload_too_large",
          `Request bodies are limited to ${maxSize} bytes here.`,
        );
      },
    });
    limiters.set(maxSize, limiter);
  }
  return limiter;
}
app.use((c, next) =>
  c.req.method === "GET" || c.req.method === "HEAD"
    ? next()
    : limiterFor(bodyLimitFor(c.req.path))(c, next),
);
app.use(database);
app.use(async (c, next) => (isApi(c.req.path) ? next() : preferences(c, next)));

app.route("/api/admin/session", sessionApi);
// A named account's own password and second factor: any role, so before the observer guard.
app.route("/api/admin/me", meApi);
app.use("/api/admin/*", requireOrganizer);
app.route("/api/admin/accounts", adminAccountsApi);
// The selection's paths first: the lifecycle route's pattern (…/:action{open|…|close|publish})
// would otherwise also take paths that merely end in one of those words, e.g. …/scoring/close.
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
app.route("/api/campaigns", resultsApi);
app.route("/api/campaigns", receiptsApi);
app.route("/api/campaigns", ledgerApi);
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
    console.error(`${c.req.method} ${c.req.path}:`, err);
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
        body={status < 500 ? `${m.errorBody} (${code})` : m.errorBody}
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
