/**
 * What the anomaly review looks for (issue 5, item 5). Flags never change a count by themselves:
 * they put a pattern in front of an organizer, who voids the likes or clears the flag, with a
 * reason, in the audit log. The thresholds are deliberately well above what a busy honest office
 * produces in the like path's own rules, and each flag says what it saw.
 */

export type AnomalyKind =
  | "nominee_burst"
  | "prefix_burst"
  | "voter_burst"
  | "no_page_load"
  | "machine_timing";

/** Flags are counted in fixed windows of this length (aligned to the epoch). */
export const WINDOW_MS = 10 * 60 * 1000;

export const THRESHOLDS = {
  /** A nominee's likes in one window: at least this many… */
  nomineeBurstMin: 30,
  /** …and this many times its usual rate per window. */
  nomineeBurstFactor: 5,
  /** Likes from one IP prefix in one window. */
  prefixBurstMin: 50,
  /** Likes by one voter in one window (only reachable with generous rules). */
  voterBurstMin: 10,
  /** Likes from clients that never loaded a page, per IP prefix per window. */
  noPageLoadMin: 3,
  /** Machine timing: at least this many likes by one voter in a day… */
  timingMinLikes: 4,
  /** …every gap shorter than this… */
  timingFastGapMs: 1500,
  /** …or gaps this regular (standard deviation), the average gap under timingRegularMaxMeanMs. */
  timingRegularSdMs: 150,
  timingRegularMaxMeanMs: 20_000,
} as const;

export const windowStart = (ms: number) => Math.floor(ms / WINDOW_MS) * WINDOW_MS;

/** Whether a nominee's window is a burst against its usual rate. */
export function isNomineeBurst(likesInWindow: number, usualPerWindow: number): boolean {
  return (
    likesInWindow >= THRESHOLDS.nomineeBurstMin &&
    likesInWindow >= THRESHOLDS.nomineeBurstFactor * Math.max(usualPerWindow, 1)
  );
}

export interface TimingVerdict {
  machine: boolean;
  meanGapMs: number;
  sdGapMs: number;
  fastest: number;
  slowest: number;
}

/**
 * A voter's like times in one day (ms, ascending): machine-like when there are enough of them and
 * the gaps are all very short, or metronome-regular. People read a profile before liking, scroll,
 * hesitate; scripts do not.
 */
export function judgeTiming(times: readonly number[]): TimingVerdict {
  const gaps: number[] = [];
  for (let i = 1; i < times.length; i++) gaps.push((times[i] ?? 0) - (times[i - 1] ?? 0));
  if (gaps.length === 0)
    return { machine: false, meanGapMs: 0, sdGapMs: 0, fastest: 0, slowest: 0 };
  const mean = gaps.reduce((s, g) => s + g, 0) / gaps.length;
  const sd = Math.sqrt(gaps.reduce((s, g) => s + (g - mean) ** 2, 0) / gaps.length);
  const fastest = Math.min(...gaps);
  const slowest = Math.max(...gaps);
  const enough = times.length >= THRESHOLDS.timingMinLikes;
  const allFast = slowest < THRESHOLDS.timingFastGapMs;
  const regular = sd < THRESHOLDS.timingRegularSdMs && mean < THRESHOLDS.timingRegularMaxMeanMs;
  return {
    machine: enough && (allFast || regular),
    meanGapMs: Math.round(mean),
    sdGapMs: Math.round(sd),
    fastest,
    slowest,
  };
}
