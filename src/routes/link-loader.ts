import type { Context } from "hono";
import { findInviteByTokenHash } from "../db/queries/invitations";
import { findJurorByTokenHash } from "../db/queries/jury";
import type { Juror, NominationInvite } from "../db/schema";
import { hashLinkToken, isWellFormedToken, linkState } from "../domain/selection-links";
import { ApiError } from "../errors";
import type { AppEnv } from "../types";

/**
 * The invitation or juror a link names, checked on every request: an unknown token is 404
 * `link_not_found`, an expired or revoked one 410 `link_expired` / `link_revoked`. Rendered as
 * JSON under /api and as a page elsewhere.
 */

function refuse(state: "expired" | "revoked"): ApiError {
  return state === "expired"
    ? new ApiError(410, "link_expired", "This link has expired; ask the organizer for a new one.")
    : new ApiError(410, "link_revoked", "This link was revoked by the organizer.");
}

const notFound = () =>
  new ApiError(404, "link_not_found", "No such link; check that it was copied in full.");

export async function requireInviteLink(
  c: Context<AppEnv>,
  token: string,
): Promise<NominationInvite> {
  if (!isWellFormedToken(token)) throw notFound();
  const invite = await findInviteByTokenHash(c.var.db, await hashLinkToken(token));
  if (!invite) throw notFound();
  const state = linkState(invite, Date.now());
  if (state !== "ok") throw refuse(state);
  return invite;
}

export async function requireJurorLink(c: Context<AppEnv>, token: string): Promise<Juror> {
  if (!isWellFormedToken(token)) throw notFound();
  const juror = await findJurorByTokenHash(c.var.db, await hashLinkToken(token));
  if (!juror) throw notFound();
  const state = linkState(juror, Date.now());
  if (state !== "ok") throw refuse(state);
  return juror;
}

/** Link pages hold a secret in their URL: never cached, never indexed, no referrer. */
export function linkPageHeaders(c: Context<AppEnv>): void {
  c.header("Cache-Control", "no-store");
  c.header("X-Robots-Tag", "noindex, nofollow");
  c.header("Referrer-Policy", "no-referrer");
}
