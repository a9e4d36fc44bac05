import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** The JSON error envelope of DESIGN.md §3. */
export interface ErrorBody {
  error: { code: string; message: string; [extra: string]: unknown };
}

/** `extra` adds fields next to code and message (e.g. the challenge to solve); never replaces them. */
export function errorBody(
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
): ErrorBody {
  return { error: { ...extra, code, message } };
}

/**
 * An error with a stable snake_case code. Handlers throw it; `app.onError` renders it as the JSON
 * envelope under /api and as an error page elsewhere.
 */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly extra: Record<string, unknown> = {},
  ) {
    super(status, { message });
  }
}

/** Codes for errors raised by Hono itself or its middleware, by status. */
export function codeForStatus(status: number): string {
  switch (status) {
    case 400:
      return "invalid_request";
    case 401:
      return "unauthorized";
    case 403:
      return "forbidden";
    case 404:
      return "not_found";
    case 405:
      return "method_not_allowed";
    case 413:
      return "payload_too_large";
    case 415:
      return "unsupported_media_type";
    case 429:
      return "rate_limited";
    default:
      return status >= 500 ? "internal_error" : "bad_request";
  }
}

/**
 * A Durable Object (a like's shard, a campaign's flusher) that Cloudflare reports overloaded or
 * briefly unreachable: its error carries `.overloaded` or `.retryable` (Durable Objects' error
 * handling). Not a bug: the request is answered 503 `temporarily_unavailable` with Retry-After
 * (longer when overloaded: retrying at once adds to the load), and a like sent again with its
 * Idempotency-Key is counted once. Null for any other error.
 */
export function transientOutage(err: unknown): { retryAfter: number } | null {
  if (typeof err !== "object" || err === null) return null;
  const flags = err as { overloaded?: unknown; retryable?: unknown };
  if (flags.overloaded === true) return { retryAfter: 5 };
  if (flags.retryable === true) return { retryAfter: 1 };
  return null;
}
