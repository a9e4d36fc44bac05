/**
 * Invitation links for nominating units and jurors. A link carries a random token (256 bits,
 * base64url); only its SHA-256 is stored, so a database dump opens nothing. Expiry and revocation
 * are checked on every request, not only when the link is first opened.
 */

/** A new link token: 32 random bytes as 43 base64url characters. */
export function newLinkToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** Whether a string can be a token at all (so junk never reaches the database). */
export function isWellFormedToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** Lower-case hex SHA-256 of the token: what the tables store and look up. */
export async function hashLinkToken(token: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export type LinkState = "ok" | "expired" | "revoked";

/** A link's standing at `now`: revocation wins over expiry, because it was a decision. */
export function linkState(
  link: { expiresAt: number; revokedAt: number | null },
  now: number,
): LinkState {
  if (link.revokedAt !== null) return "revoked";
  if (now >= link.expiresAt) return "expired";
  return "ok";
}
