import type { Context } from "hono";
import { Hono } from "hono";
import { listUnitNominations } from "../../db/queries/nominations";
import { nominationsOpen } from "../../domain/nomination";
import { ApiError } from "../../errors";
import type { AppEnv } from "../../types";
import { JuryPage } from "../../views/selection/jury-page";
import { LinkErrorPage } from "../../views/selection/link-layout";
import { NominationFormPage, UnitHomePage } from "../../views/selection/nominate-pages";
import { linkErrorText } from "../../views/selection-text";
import { jurorView, linkPageHeaders, loadUnit } from "../shared/links";

/**
 * Pages behind a link: `/n/:token` for a nominating unit, `/j/:token` for a juror. A link that does
 * not work answers a short page saying what to do (404 unknown, 410 expired or revoked).
 */

type Handler = (c: Context<AppEnv>) => Promise<Response>;

function html(c: Context<AppEnv>, page: unknown, status: 200 | 404 | 410 = 200) {
  linkPageHeaders(c);
  return c.html(`<!doctype html>${String(page)}`, status);
}

/** Runs a link page; link errors become a page in the reader's language. */
export function linkPage(handler: Handler): Handler {
  return async (c) => {
    try {
      return await handler(c);
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 410)) {
        const message =
          linkErrorText(c.var.prefs.locale, error.code) ??
          linkErrorText(c.var.prefs.locale, "link_not_found") ??
          error.code;
        return html(
          c,
          <LinkErrorPage prefs={c.var.prefs} url={c.req.url} message={message} />,
          error.status,
        );
      }
      throw error;
    }
  };
}

export { html as linkHtml };

/** What both unit pages (the list and one nomination) show around their content. */
function unitPage(c: Context<AppEnv>, u: Awaited<ReturnType<typeof loadUnit>>) {
  return {
    prefs: c.var.prefs,
    url: c.req.url,
    token: c.req.param("token") ?? "",
    invite: u.invite,
    campaign: u.campaign,
    open: nominationsOpen(u.settings.nominationsCloseAt, Date.now()),
    closeAt: u.settings.nominationsCloseAt,
  };
}

export const selectionLinkPages = new Hono<AppEnv>()
  .get(
    "/n/:token",
    linkPage(async (c) => {
      const u = await loadUnit(c);
      return html(
        c,
        <UnitHomePage
          {...unitPage(c, u)}
          nominations={await listUnitNominations(c.var.db, u.invite.id)}
        />,
      );
    }),
  )
  .get(
    "/n/:token/:id{[0-9]{1,12}}",
    linkPage(async (c) => {
      const u = await loadUnit(c);
      const id = Number(c.req.param("id"));
      // The unit's list holds every one of its nominations in full: one read serves both.
      const list = await listUnitNominations(c.var.db, u.invite.id);
      const n = list.find((x) => x.id === id);
      if (!n) throw new ApiError(404, "link_not_found", "No such nomination.");
      return html(c, <NominationFormPage {...unitPage(c, u)} nominations={list} n={n} />);
    }),
  )
  .get(
    "/j/:token",
    linkPage(async (c) =>
      html(
        c,
        <JuryPage
          prefs={c.var.prefs}
          url={c.req.url}
          token={c.req.param("token") ?? ""}
          view={await jurorView(c)}
        />,
      ),
    ),
  );
