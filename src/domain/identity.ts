/**
 * Pseudonymous identifiers for the ledger. Hashes are keyed HMACs, so without the secret nobody can
 * test a guessed IP or cookie id against an exported ledger.
 */

const keys = new Map<string, Promise<CryptoKey>>();

/** The secret's HMAC-SHA256 key, imported once per isolate (an import costs as much as a signature). */
export function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey(
      "raw",
      new TextEncoder().encode(secret),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign", "verify"],
    );
    keys.set(secret, key);
  }
  return key;
}

function hex(bytes: ArrayBuffer, length: number): string {
  return [...new Uint8Array(bytes)]
    .slice(0, length / 2)
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("");
}

/** 32 hex characters (128 bits) of HMAC-SHA256(secret, message). */
export async function keyedHash(secret: string, message: string): Promise<string> {
  const sig = await crypto.subtle.sign(
    "HMAC",
    await hmacKey(secret),
    new TextEncoder().encode(message),
  );
  return hex(sig, 32);
}

export const voterHash = (sessionSecret: string, voterId: string) =>
  keyedHash(sessionSecret, `voter:${voterId}`);

/** Salted per campaign: the same address gives unrelated hashes in two campaigns' ledgers. */
export const ipHash = (salt: string, campaignId: number, ip: string) =>
  keyedHash(salt, `ip:${campaignId}:${ip}`);

/** The same for the address's prefix (domain/ip-prefix.ts). */
export const ipPrefixHash = (salt: string, campaignId: number, prefix: string) =>
  keyedHash(salt, `net:${campaignId}:${prefix}`);

/** A random id, url-safe, for voter cookies. */
export function randomId(bytes = 16): string {
  const b = crypto.getRandomValues(new Uint8Array(bytes));
  return btoa(String.fromCharCode(...b))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
}

// Crockford base32 without I, L, O, U: easy to read aloud and type from a screenshot.
const RECEIPT_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A receipt code like "7K2Q-MX9D-4RTV" (60 random bits). */
export function receiptCode(): string {
  const b = crypto.getRandomValues(new Uint8Array(12));
  const chars = [...b].map((x) => RECEIPT_ALPHABET[x & 31]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/** Letters read for digits in a receipt code as people type them (Crockford's base 32). */
const LOOKALIKES: Record<string, string> = { O: "0", I: "1", L: "1" };

/**
 * The codes a voter may have meant by what they typed, in the canonical XXXX-XXXX-XXXX form, as
 * typed first: any case, full-width characters (a Chinese keyboard), spaces or dashes anywhere
 * or none. Then, if it differs, the same with O, I and L read as 0, 1 and 1 (the codes never use
 * those letters). Empty when it cannot be a code (not 12 letters and digits).
 */
export function receiptCodeCandidates(typed: string): string[] {
  const chars = typed
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s\-‐‑‒–—―_.·]/g, "");
  if (!/^[0-9A-Z]{12}$/.test(chars)) return [];
  const form = (s: string) => `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8, 12)}`;
  const asTyped = form(chars);
  const read = form(chars.replace(/[OIL]/g, (ch) => LOOKALIKES[ch] ?? ch));
  return read === asTyped ? [asTyped] : [asTyped, read];
}
