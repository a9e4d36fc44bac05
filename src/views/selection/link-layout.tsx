import type { Child } from "hono/jsx";
import type { Preferences } from "../../types";
import { IconLinks } from "../components/icon-links";
import { SiteFrame } from "../layout";
import { SELECTION_MESSAGES } from "../selection-text";

/**
 * The frame of the pages behind a link (a nominating unit's, a juror's): the public site's look,
 * the language and text-size toggles, no index, and the selection script instead of the voting
 * one. These pages are used without the console, often on a phone.
 */
export function LinkLayout(props: {
  title: string;
  prefs: Preferences;
  url: string;
  /** Data for src/client/selection.ts. */
  data: Record<string, unknown>;
  children: Child;
}) {
  const { prefs, url } = props;
  const s = SELECTION_MESSAGES[prefs.locale];
  return (
    <SiteFrame
      prefs={prefs}
      url={url}
      head={
        <>
          <meta name="robots" content="noindex, nofollow" />
          <meta name="referrer" content="no-referrer" />
          <title>{props.title}</title>
          <meta name="theme-color" content="#b0102a" />
          <IconLinks />
          <link rel="stylesheet" href="/app.css" />
          <link rel="stylesheet" href="/selection.css" />
          <script src="/selection.js" defer nonce={prefs.nonce} />
        </>
      }
      data={{
        ...props.data,
        s: {
          errors: s.errors,
          saving: s.saving,
          saveFailed: s.saveFailed,
          scoreSaved: s.scoreSaved,
          fields: s.fields,
          listSeparator: prefs.locale === "en" ? ", " : "、",
          scoreRange: s.scoreRange,
          scoreFirst: s.scoreFirst,
          submitConfirm: s.submitConfirm,
          savedAt: s.saved("{t}"),
        },
      }}
    >
      {props.children}
    </SiteFrame>
  );
}

/** A link that does not work (unknown, expired, revoked): what to do, in the reader's words. */
export function LinkErrorPage(props: { prefs: Preferences; url: string; message: string }) {
  return (
    <LinkLayout
      title={props.message}
      prefs={props.prefs}
      url={props.url}
      data={{ page: "link-error" }}
    >
      <h1>{props.message}</h1>
    </LinkLayout>
  );
}
