import type { Database } from "./db/client";

/** Who is liking: a random id from a signed cookie, and a salted hash of the client IP. */
export interface Voter {
  /** HMAC of the cookie id: what the ledger stores. */
  hash: string;
  /** Salted HMAC of CF-Connecting-IP; the raw IP is never stored. */
  ipHash: string;
  /** Raw IP, only for the flood limiter's key; never written anywhere. */
  ip: string;
}

export type AppEnv = {
  Bindings: CloudflareBindings;
  Variables: {
    db: Database;
    voter: Voter;
  };
};
