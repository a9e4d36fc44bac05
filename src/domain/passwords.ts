/**
 * Organizer passwords. A configured password (ADMIN_PASSWORD / OBSERVER_PASSWORD) is either plain
 * text, compared through SHA-256 digests in constant time, or a PBKDF2 hash made with
 * `npm run hash-password`, so production secrets need not hold the password itself. PBKDF2 runs in
 * WebCrypto; 100,000 iterations (the Workers maximum) cost a few ms of CPU per login.
 */

const PREFIX = "pbkdf2-sha256";
const ITERATIONS = 100_000;
const encoder = new TextEncoder();

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const unb64 = (text: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));

async function pbkdf2(
  password: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(password), "PBKDF2", false, [
    "deriveBits",
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

/** Compares two byte strings in time that does not depend on where they differ. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(text)));
}

/** Constant-time equality of two secrets of any length. */
export async function secretsEqual(given: string, configured: string): Promise<boolean> {
  return constantTimeEqual(await sha256(given), await sha256(configured));
}

/** `pbkdf2-sha256$100000$<salt>$<hash>` for a password. */
export async function hashPassword(password: string, iterations = ITERATIONS): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return `${PREFIX}$${iterations}$${b64(salt)}$${b64(await pbkdf2(password, salt, iterations))}`;
}

/** Whether `given` matches a configured password (plain or PBKDF2 hash). Empty never matches. */
export async function verifyPassword(
  given: string,
  configured: string | undefined,
): Promise<boolean> {
  if (!configured || !given) return false;
  const parts = configured.split("$");
  if (parts[0] === PREFIX && parts.length === 4) {
    const iterations = Number(parts[1]);
    if (!Number.isInteger(iterations) || iterations < 1 || iterations > ITERATIONS) return false;
    try {
      const expected = unb64(parts[3] ?? "");
      return constantTimeEqual(await pbkdf2(given, unb64(parts[2] ?? ""), iterations), expected);
    } catch {
      return false; // a malformed configured hash matches nothing
    }
  }
  return secretsEqual(given, configured);
}
