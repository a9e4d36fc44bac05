/**
 * The friction curve (issue 13, item 2): how much proof of work a like costs, from how many likes
 * were recorded (counted or held) just before it. Pure and integer-only, because the like's single
 * D1 statement computes the same level in SQL (db/queries/friction-sql.ts, `frictionLevelSql`) and the
 * two must agree exactly; `test/domain/friction.test.ts` pins the numbers and
 * `test/db/queries/friction.test.ts` runs the SQL against this function.
 *
 * A level is a doubling: level 0 asks nothing, level L asks a challenge of
 * `baseDifficulty × 2^(L−1)` numbers (half that many hashes on average). Levels grow linearly with
 * the rate, so the work per like grows exponentially with it: a network's recorded likes per
 * minute can only grow with the logarithm of the CPU behind them (each doubling of CPU buys about
 * one more step), while the first likes of a quiet network are free. Three rates feed the level:
 *
 * - the network (IPv4 /24, IPv6 /64), every nominee, last 60 s: a gentle slope, because on a
 *   mobile carrier many unrelated phones share one /24 (slow a busy network, never shut it);
 * - the network on this nominee, last 10 minutes: steep past a burst an office can make (200
 *   colleagues liking one colleague), because that is what one buyer of likes does;
 * - the nominee from every network, last 60 s, against its own usual rate: what a pool of rented
 *   addresses does, where no single network looks busy.
 *
 * The two network rates add (a busy network concentrating on one nominee pays both); the nominee's
 * burst applies when it is higher.
 */

export const FRICTION = {
  /** Network, all nominees, per 60 s: one level more per this many likes past the threshold. */
  networkStep: 20,
  /** Network × nominee, per 10 minutes: the first level at this many likes… */
  pairStart: 75,
  /** …and one more per this many. */
  pairStep: 25,
  /** Nominee, all networks, per 60 s: a burst is at least this many likes… */
  nomineeStart: 60,
  /** …and this many times the nominee's usual likes per minute… */
  nomineeFactor: 5,
  /** …and each this many more is one level up. */
  nomineeStep: 20,
  /** A proof issued this many levels below the current one is still accepted (rates move while a phone solves). */
  proofSlack: 1,
  /** The top level: keeps the challenge's size a safe integer. */
  maxLevel: 30,
} as const;

/**
 * When the like path opens an anomaly flag (and, with the campaign's `hold_flagged` on, starts
 * holding what the flag covers): a network past either rate, a nominee past its burst threshold
 * (`nomineeBurstThreshold`, the friction's own start). Far above one person's likes, within an
 * office's burst: an office's likes are held until the organizer releases them, never refused.
 */
export const HOLD = {
  /** Likes from one network in 60 s (any nominee). */
  networkPerMinute: 100,
  /** Likes from one network for one nominee in 10 minutes. */
  pairPer10Minutes: 50,
} as const;

/** Whether the like path opens a flag for the network, from the rates before the like. */
export function networkFlagOpens(networkRecent: number, pairRecent: number): boolean {
  return networkRecent >= HOLD.networkPerMinute || pairRecent >= HOLD.pairPer10Minutes;
}

/** Whether the like path opens a flag for the nominee, from the rates before the like. */
export function nomineeFlagOpens(nomineeRecent: number, nomineeTotal: number, openFor: number) {
  return nomineeRecent >= nomineeBurstThreshold(nomineeTotal, openFor);
}

/** The windows the rates are counted over. */
export const NETWORK_WINDOW_MS = 60_000;
export const PAIR_WINDOW_MS = 10 * 60_000;
export const NOMINEE_WINDOW_MS = 60_000;

export interface FrictionInput {
  /** Likes recorded from the network in the last 60 s (any nominee). */
  networkRecent: number;
  /** Likes recorded from the network for this nominee in the last 10 minutes. */
  pairRecent: number;
  /** Likes recorded for this nominee from every network in the last 60 s. */
  nomineeRecent: number;
  /** The nominee's counted and voided likes so far (its usual rate comes from these). */
  nomineeTotal: number;
  /** ms since the campaign opened. */
  openFor: number;
  /** The campaign's threshold for a network (likes per minute); null = the curve is off. */
  networkThreshold: number | null;
  /** Likes by this voter in the last 60 s and the campaign's threshold for them (null = off). */
  voterRecent: number;
  voterThreshold: number | null;
}

/** The nominee's usual likes per minute, from its totals (integer division, as the SQL does it). */
export function nomineeBurstThreshold(nomineeTotal: number, openFor: number): number {
  const usual = Math.floor(
    (FRICTION.nomineeFactor * nomineeTotal * 60_000) / Math.max(openFor, 60_000),
  );
  return Math.max(FRICTION.nomineeStart, usual);
}

/** Levels past a threshold: 0 below it, 1 at it, one more per `step`. */
function levelPast(count: number, start: number, step: number): number {
  return count < start ? 0 : 1 + Math.floor((count - start) / step);
}

/** The level a like must pay for now (0 = no proof asked). */
export function frictionLevel(f: FrictionInput): number {
  const voter = f.voterThreshold !== null && f.voterRecent >= f.voterThreshold ? 1 : 0;
  if (f.networkThreshold === null) return voter;
  const network =
    levelPast(f.networkRecent, f.networkThreshold, FRICTION.networkStep) +
    levelPast(f.pairRecent, FRICTION.pairStart, FRICTION.pairStep);
  const nominee = levelPast(
    f.nomineeRecent,
    nomineeBurstThreshold(f.nomineeTotal, f.openFor),
    FRICTION.nomineeStep,
  );
  return Math.min(FRICTION.maxLevel, Math.max(network, nominee, voter));
}

/** The challenge size (ALTCHA's maxnumber) for a level ≥ 1. */
export function difficultyFor(level: number, baseDifficulty: number): number {
  return baseDifficulty * 2 ** (Math.max(1, Math.min(level, FRICTION.maxLevel)) - 1);
}

/** Whether a proof issued at `proofLevel` still pays for a like that needs `level`. */
export function proofSuffices(proofLevel: number, level: number): boolean {
  return level === 0 || proofLevel >= level - FRICTION.proofSlack;
}

/** Expected seconds to solve a level's challenge at `hashesPerSecond` (half the numbers on average). */
export function expectedSolveSeconds(
  level: number,
  baseDifficulty: number,
  hashesPerSecond: number,
): number {
  return level === 0 ? 0 : difficultyFor(level, baseDifficulty) / 2 / hashesPerSecond;
}

/** The rate columns both like paths read from D1 (direct batch, like-state.ts). */
export interface RatesRow {
  prefixRecent: number;
  pairRecent: number;
  nomineeRecent: number;
  nomineeTotal: number | null;
  openFor: number;
  prefixLimit: number | null;
  voterLimit: number | null;
}

/** The curve's input from a D1 read, but for the voter's own rate (counted where the voter's likes are). */
export function networkFriction(row: RatesRow): Omit<FrictionInput, "voterRecent"> {
  return {
    networkRecent: row.prefixRecent,
    pairRecent: row.pairRecent,
    nomineeRecent: row.nomineeRecent,
    nomineeTotal: row.nomineeTotal ?? 0,
    openFor: row.openFor,
    networkThreshold: row.prefixLimit,
    voterThreshold: row.voterLimit,
  };
}
