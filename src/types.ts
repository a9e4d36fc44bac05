import type { Database } from "./db/client";
import type { Locale, Messages } from "./views/i18n";

/** Who is liking: a random id from a signed cookie, and a salted hash of the client IP. */
export interface Voter {
  /** HMAC of the cookie id: what the ledger stores. */
  hash: string;
  /** Salted HMAC of CF-Connecting-IP; the raw IP is never stored. */
  ipHash: string;
  /** Raw IP, only for the flood limiter's key; never written anywhere. */
  ip: string;
  /** True when this request issued the cookie: a new random id, so nothing liked yet. */
  isNew: boolean;
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

/** A signed-in organizer: role, a display name for the audit log, and how they signed in. */
export interface Organizer {
  role: Role;
  name: string;
  via: "token" | "session";
}

export type AppEnv = {
  Bindings: CloudflareBindings;
  Variables: {
    db: Database;
    voter: Voter;
    prefs: Preferences;
    organizer: Organizer;
    /** Per-request CSP nonce (hono/secure-headers), for our script tags. */
    secureHeadersNonce?: string;
  };
};
