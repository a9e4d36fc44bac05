/**
 * The combined result (综合得分): the public's likes and the committee's scores, weighted as the
 * campaign decides. Pure, and computed in integer hundredths so that ties are exact and every
 * number can be checked by hand from what the console shows (two decimals).
 *
 * - Public score (0–100), one of:
 *   - `share_of_max`: likes ÷ the most likes of any nominee × 100 (all 0 when nobody has likes);
 *   - `rank`: (N − rank) ÷ (N − 1) × 100, where rank is the shared likes rank (1, 2, 2, 4) among
 *     the N nominees, so tied nominees get the same score (a single nominee gets 100).
 * - Committee score (0–100): the mean of the jurors' scores given to the nominee. A nominee
 *   without any score has none; it counts as 0 in the combination and is flagged.
 * - Combined = public weight × public score + committee weight × committee score, the weights
 *   being percentages that add up to 100. Each score is rounded to two decimals before combining,
 *   and the combined score is rounded to two decimals.
 * - Order: combined score, then the committee score, then the number (lower first). Nominees with
 *   the same combined score are told which of the two decided their order.
 */

export type PublicMethod = "share_of_max" | "rank";

export interface CombinedInput {
  number: number;
  likes: number;
  /** The scores the jurors gave this nominee (0–100). */
  scores: readonly number[];
}

export interface CombinedOptions {
  /** The public's weight in percent (0–100); the committee has 100 − this. */
  weightPublic: number;
  method: PublicMethod;
  /** Jurors on the panel, to count missing scores. */
  jurorCount: number;
}

export interface CombinedRow {
  number: number;
  likes: number;
  /** Shared rank by likes (1, 2, 2, 4). */
  publicRank: number;
  publicScore: number;
  /** Mean of the jurors' scores; null when nobody scored this nominee. */
  committeeScore: number | null;
  /** Shared rank by committee score; null without a score. */
  committeeRank: number | null;
  scoresGiven: number;
  scoresMissing: number;
  combinedScore: number;
  /** Final position, 1..N, ties broken as described above. */
  rank: number;
  /** Other nominees with the same combined score, and what decided the order among them. */
  tie: { with: number[]; brokenBy: "committee" | "number" } | null;
}

/** Half-up rounding of a non-negative ratio to an integer. */
const roundDiv = (num: number, den: number) => Math.floor((2 * num + den) / (2 * den));

/** Shared ranks (1, 2, 2, 4) of `value` in descending order; `null` values get none. */
function sharedRanks(values: Map<number, number | null>): Map<number, number | null> {
  const present = [...values].filter((e): e is [number, number] => e[1] !== null);
  present.sort((a, b) => b[1] - a[1]);
  const ranks = new Map<number, number | null>();
  for (const [key] of values) ranks.set(key, null);
  present.forEach(([key, value], i) => {
    const prev = present[i - 1];
    ranks.set(key, prev && prev[1] === value ? (ranks.get(prev[0]) ?? i + 1) : i + 1);
  });
  return ranks;
}

/** Public scores in hundredths (0–10000), by number. */
function publicHundredths(
  rows: readonly CombinedInput[],
  method: PublicMethod,
  publicRanks: Map<number, number | null>,
): Map<number, number> {
  const out = new Map<number, number>();
  const n = rows.length;
  const max = Math.max(0, ...rows.map((r) => r.likes));
  for (const r of rows) {
    if (method === "share_of_max") {
      out.set(r.number, max === 0 ? 0 : roundDiv(r.likes * 10000, max));
    } else {
      const rank = publicRanks.get(r.number) ?? n;
      out.set(r.number, n <= 1 ? 10000 : roundDiv((n - rank) * 10000, n - 1));
    }
  }
  return out;
}

export function combineScores(
  rows: readonly CombinedInput[],
  options: CombinedOptions,
): CombinedRow[] {
  const wp = Math.min(100, Math.max(0, Math.round(options.weightPublic)));
  const wc = 100 - wp;
  const publicRanks = sharedRanks(new Map(rows.map((r) => [r.number, r.likes])));
  const pub = publicHundredths(rows, options.method, publicRanks);
  const committee = new Map<number, number | null>(
    rows.map((r) => {
      if (r.scores.length === 0) return [r.number, null];
      // Scores are whole numbers 0–100, so the sum × 100 is exact.
      const sum = r.scores.reduce((s, x) => s + Math.round(x), 0);
      return [r.number, roundDiv(sum * 100, r.scores.length)];
    }),
  );
  const committeeRanks = sharedRanks(committee);
  const combined = new Map<number, number>(
    rows.map((r) => [
      r.number,
      roundDiv(wp * (pub.get(r.number) ?? 0) + wc * (committee.get(r.number) ?? 0), 100),
    ]),
  );
  const order = [...rows].sort(
    (a, b) =>
      (combined.get(b.number) ?? 0) - (combined.get(a.number) ?? 0) ||
      (committee.get(b.number) ?? -1) - (committee.get(a.number) ?? -1) ||
      a.number - b.number,
  );
  return order.map((r, i) => {
    const mine = combined.get(r.number) ?? 0;
    const tied = order.filter((o) => o.number !== r.number && combined.get(o.number) === mine);
    const sameCommittee = tied.some((o) => committee.get(o.number) === committee.get(r.number));
    const c = committee.get(r.number) ?? null;
    return {
      number: r.number,
      likes: r.likes,
      publicRank: publicRanks.get(r.number) ?? rows.length,
      publicScore: (pub.get(r.number) ?? 0) / 100,
      committeeScore: c === null ? null : c / 100,
      committeeRank: committeeRanks.get(r.number) ?? null,
      scoresGiven: r.scores.length,
      scoresMissing: Math.max(0, options.jurorCount - r.scores.length),
      combinedScore: mine / 100,
      rank: i + 1,
      tie: tied.length
        ? { with: tied.map((o) => o.number), brokenBy: sameCommittee ? "number" : "committee" }
        : null,
    };
  });
}

/** The method in one Chinese sentence, for the console, the 公示 and the exports. */
export function methodText(weightPublic: number, method: PublicMethod): string {
  const publicPart =
    method === "share_of_max"
      ? "大众得分 = 点赞数 ÷ 最高点赞数 × 100"
      : "大众得分 = (候选人数 − 点赞名次) ÷ (候选人数 − 1) × 100，并列名次得分相同";
  return `综合得分 = 大众得分 × ${weightPublic}% + 评委得分 × ${100 - weightPublic}%；${publicPart}；评委得分为各评委打分（0–100）的平均值；各项保留两位小数。综合得分相同时，评委得分高者在前；仍相同时按编号。`;
}

/** The same in English, for the English export headers and the docs. */
export function methodTextEn(weightPublic: number, method: PublicMethod): string {
  const publicPart =
    method === "share_of_max"
      ? "public score = likes ÷ most likes × 100"
      : "public score = (N − likes rank) ÷ (N − 1) × 100, tied ranks scoring the same";
  return `combined = public score × ${weightPublic}% + committee score × ${100 - weightPublic}%; ${publicPart}; committee score = mean of the jurors' scores (0–100); two decimals each. Equal combined scores are ordered by committee score, then by number.`;
}
