import type { Database } from "./db/client";
import type { Campaign, Juror, NominationInvite, SelectionSettings } from "./db/schema";
import type { Locale, Messages } from "./views/i18n";

/** Who is liking: a random id from a signed cookie, and the client IP (hashed before storing). */
export interface Voter {
  /** HMAC of the cookie id: what the ledger stores. */
  hash: string;
  /** Raw IP, for the flood limiter's key and the per-campaign salted hashes; never stored. */
  ip: string;
  /** No valid voter cookie came with this request (a cookie is issued with the answer). */
  isNew: boolean;
  /**
   * The voter hash of the WeChat account this browser signed in with (微信网页授权), or null. A
   * campaign in the `wechat` identity mode counts likes by this instead of `hash`.
   */
  wechatHash: string | null;
  /**
   * The client has not loaded one of our pages with this cookie: it came without one, or its
   * cookie was born on a like or a 428 and no page has been loaded since (a script that POSTs,
   * solves and POSTs again looks like this; a browser loads the page first).
   */
  noPageLoad: boolean;
}

/** The reader's language and text size, for pages. */
export interface Preferences {
  locale: Locale;
  largeText: boolean;
  m: Messages;
  /** CSP nonce for this response's script tags. */
  nonce?: string;
}

export type Role = "admin" | "observer";

/**
 * A signed-in organizer: role, the name the audit log records, and how they signed in: the
 * scripts' bearer token, a built-in password's session, or a named account's session.
 */
export interface Organizer {
  role: Role;
  /** A named account's username; for a built-in password, a label saying so. */
  name: string;
  via: "token" | "session" | "account";
  /** A named account's id and display name. */
  accountId?: number;
  displayName?: string;
  /** The only campaigns (ids) this account may see; undefined = every campaign. */
  campaignIds?: number[];
  /** SHA-256 of the console session's id, so signing out can revoke exactly this session. */
  sessionHash?: string;
}

/** What a nominating unit's link opens: its invitation, the campaign and the selection's settings. */
export interface UnitContext {
  invite: NominationInvite;
  campaign: Campaign;
  settings: SelectionSettings;
}

/** What a juror's link opens: the juror, the campaign, and whether scoring is closed. */
export interface JurorContext {
  juror: Juror;
  campaign: Campaign;
  closed: boolean;
}

export type AppEnv = {
  Bindings: CloudflareBindings;
  Variables: {
    db: Database;
    voter: Voter;
    prefs: Preferences;
    organizer: Organizer;
    /** The campaign the URL's `:slug` names (routes/shared/campaign.ts's middlewares). */
    campaign: Campaign;
    /** A nominating unit's link (`/:token`, routes/shared/links.ts `unitLink`). */
    unit: UnitContext;
    /** A juror's link (`/:token`, routes/shared/links.ts `jurorLink`). */
    juror: JurorContext;
    /** Per-request CSP nonce (hono/secure-headers), for our script tags. */
    secureHeadersNonce?: string;
  };
};
