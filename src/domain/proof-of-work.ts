import type { Challenge } from "../contract/public";
import { keyedHash } from "./identity";
import { sha256Hex } from "./results-export";

/**
 * Self-hosted proof of work, in ALTCHA's format (SHA-256, `salt` carrying its own expiry), so it
 * works where third-party CAPTCHAs do not load (mainland China). The server picks a secret number
 * n ≤ maxnumber and publishes sha256(salt + n); the client finds n by trying numbers, which costs a
 * phone a second or so and a script farm that much per like. The salt binds the challenge to one
 * campaign and one voter, the signature makes it unforgeable, and the ledger's spent-challenge
 * table makes each one good for a single like.
 */

/** The challenge as the API sends it: its shape lives with the API's other answers. */
export type { Challenge };

export interface Solution {
  algorithm: string;
  challenge: string;
  number: number;
  salt: string;
  signature: string;
}

/** How long a challenge may be solved and used. */
export const CHALLENGE_TTL_MS = 5 * 60 * 1000;

const sign = (secret: string, c: { challenge: string; salt: string }) =>
  keyedHash(secret, `pow:${c.salt}:${c.challenge}`);

function voterTag(voterHash: string): string {
  return voterHash.slice(0, 16);
}

export async function createChallenge(opts: {
  secret: string;
  campaignId: number;
  voterHash: string;
  maxNumber: number;
  now: number;
  /** The friction level it pays for (domain/friction.ts), signed into the salt; default 1. */
  level?: number;
}): Promise<Challenge> {
  const rand = crypto.getRandomValues(new Uint32Array(3));
  const nonce = [...rand].map((x) => x.toString(16).padStart(8, "0")).join("");
  const expires = Math.floor((opts.now + CHALLENGE_TTL_MS) / 1000);
  const salt = `${nonce}?expires=${expires}&c=${opts.campaignId}&v=${voterTag(opts.voterHash)}&l=${opts.level ?? 1}`;
  const [random = 0] = crypto.getRandomValues(new Uint32Array(1));
  const secretNumber = random % (opts.maxNumber + 1);
  const challenge = await sha256Hex(`${salt}${secretNumber}`);
  return {
    algorithm: "SHA-256",
    challenge,
    maxnumber: opts.maxNumber,
    salt,
    signature: await sign(opts.secret, { challenge, salt }),
  };
}

export type VerifyResult =
  | { ok: true; challenge: string; level: number }
  | { ok: false; reason: string };

/** Reads the like body's `challenge`: ALTCHA's base64 JSON, or the JSON itself. */
export function parseSolution(raw: string): Solution | null {
  let text = raw.trim();
  if (!text.startsWith("{")) {
    try {
      text = atob(text);
    } catch {
      return null;
    }
  }
  try {
    const s = JSON.parse(text) as Partial<Solution>;
    if (
      typeof s.algorithm === "string" &&
      typeof s.challenge === "string" &&
      typeof s.salt === "string" &&
      typeof s.signature === "string" &&
      typeof s.number === "number" &&
      Number.isInteger(s.number) &&
      s.number >= 0
    ) {
      return s as Solution;
    }
  } catch {
    /* not JSON */
  }
  return null;
}

/** Checks a solution for this campaign and voter, now. Stateless: spending is the ledger's job. */
export async function verifySolution(
  raw: string,
  opts: { secret: string; campaignId: number; voterHash: string; now: number },
): Promise<VerifyResult> {
  const s = parseSolution(raw);
  if (s?.algorithm !== "SHA-256") return { ok: false, reason: "malformed" };
  if (s.signature !== (await sign(opts.secret, s))) return { ok: false, reason: "bad_signature" };
  const params = new URLSearchParams(s.salt.split("?")[1] ?? "");
  const expires = Number(params.get("expires"));
  if (!Number.isFinite(expires) || expires * 1000 <= opts.now)
    return { ok: false, reason: "expired" };
  if (params.get("c") !== String(opts.campaignId) || params.get("v") !== voterTag(opts.voterHash)) {
    return { ok: false, reason: "other_voter" };
  }
  if ((await sha256Hex(`${s.salt}${s.number}`)) !== s.challenge) {
    return { ok: false, reason: "wrong_number" };
  }
  // The level is covered by the signature (it is in the salt); challenges from before levels: 1.
  const level = Number(params.get("l") ?? "1");
  return {
    ok: true,
    challenge: s.challenge,
    level: Number.isInteger(level) && level > 0 ? level : 1,
  };
}

/** Brute-force solver (tests and scripts; browsers use public/pow-worker.js). */
export async function solveChallenge(c: Challenge): Promise<Solution | null> {
  for (let n = 0; n <= c.maxnumber; n++) {
    if ((await sha256Hex(`${c.salt}${n}`)) === c.challenge) {
      return {
        algorithm: c.algorithm,
        challenge: c.challenge,
        number: n,
        salt: c.salt,
        signature: c.signature,
      };
    }
  }
  return null;
}

export function encodeSolution(s: Solution): string {
  return btoa(JSON.stringify(s));
}
