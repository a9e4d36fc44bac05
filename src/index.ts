import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import { ApiError, codeForStatus, errorBody } from "./errors";
import { refuseCrossSite } from "./middleware/cross-site";
import { database } from "./middleware/db";
import { campaignsApi } from "./routes/api/campaigns";
import { candidatesApi } from "./routes/api/candidates";
import { likesApi } from "./routes/api/likes";
import { resultsApi } from "./routes/api/results";
import type { AppEnv } from "./types";

/** Request bodies larger than this are refused with 413 before anything reads them. */
const MAX_BODY_BYTES = 4 * 1024;

const app = new Hono<AppEnv>();

app.use(
  secureHeaders({ xFrameOptions: "DENY", referrerPolicy: "strict-origin-when-cross-origin" }),
);
app.use(refuseCrossSite);
app.use(database);
app.use(
  "/api/*",
  bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new ApiError(
        413,
        "payload_too_large",
        `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`,
      );
    },
  }),
);

app.route("/api/campaigns", campaignsApi);
app.route("/api/campaigns", candidatesApi);
app.route("/api/campaigns", likesApi);
app.route("/api/campaigns", resultsApi);

app.notFound((c) => {
  if (c.req.path.startsWith("/api/")) {
    return c.json(errorBody("not_found", "No such endpoint."), 404);
  }
  return c.html("<!doctype html><title>404</title><p>页面不存在 · Page not found</p>", 404);
});

app.onError((err, c) => {
  const isApi = c.req.path.startsWith("/api/");
  let status = 500;
  let code = "internal_error";
  let message = "Something went wrong on our side; please try again.";
  let headers: Record<string, string> = {};
  if (err instanceof ApiError) {
    ({ status, code, message, headers } = err);
  } else if (err instanceof HTTPException) {
    status = err.status;
    code = codeForStatus(status);
    message = status >= 500 ? message : err.message || code;
  } else {
    console.error(`${c.req.method} ${c.req.path}:`, err);
  }
  if (isApi) {
    return c.json(errorBody(code, message), status as 400, headers);
  }
  return c.html(
    `<!doctype html><meta charset="utf-8"><title>${status}</title><p>出错了 · ${code}</p>`,
    status as 400,
    headers,
  );
});

export default app;
