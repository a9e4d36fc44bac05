/**
 * The synthetic data of the benchmark, as pure functions (no I/O), so a test can pin them down:
 * a campaign of N nominees and a ledger of L counted likes from V voters that obeys the campaign's
 * rules (one like per nominee per voter per day, at most 5 per voter per day).
 *
 * Like i (0 ≤ i < L) is cast at a time that grows with i, by voter (i·P mod V) with P coprime to V,
 * so every voter casts ⌈L/V⌉ likes spread over the whole period; the period has 2·⌈L/V⌉ days, so a
 * voter never likes twice on the same day (slot is always 1, the quota never reached). Nominees
 * are drawn with a skew (a few popular, a long tail), as a real ranking looks.
 */
import type { SeedCampaign, SeedNominee } from "../../src/db/seed/types";
import { mix32 } from "../../src/domain/ordering";

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const UNITS = [
  "离石区",
  "孝义市",
  "汾阳市",
  "文水县",
  "交城县",
  "兴县",
  "临县",
  "柳林县",
  "石楼县",
  "岚县",
  "方山县",
  "中阳县",
  "交口县",
  "市信访局",
  "市公安局",
  "市人社局",
  "市住建局",
  "市自然资源局",
  "市民政局",
  "市卫健委",
];

export interface SyntheticOptions {
  slug: string;
  title: string;
  nominees: number;
  /** Campaign window (ms); the synthetic ledger ends the day before `now`. */
  now: number;
}

/** A campaign shaped like the seed, open around `now`, with `nominees` generated nominees. */
export function syntheticCampaign(opts: SyntheticOptions): SeedCampaign {
  const iso = (ms: number) => new Date(ms).toISOString();
  const nominees: SeedNominee[] = [];
  for (let n = 1; n <= opts.nominees; n++) {
    const unit = UNITS[(n - 1) % UNITS.length] ?? "市信访局";
    nominees.push({
      number: n,
      name: `候选人${String(n).padStart(4, "0")}`,
      position: n % 3 === 0 ? "科长" : n % 3 === 1 ? "副局长" : "接待员",
      unit: `${unit}信访办`,
      group: unit.startsWith("市") ? "市直单位" : "县市区",
      headline: `第${n}号候选人：扎根一线，为群众排忧解难`,
      story: [
        `候选人${n}长期在${unit}从事信访接待工作，耐心倾听，认真办理每一件来信来访。`,
        "这是基准测试生成的示例事迹，只用于测量速度。",
      ],
      photos: [],
      honoree: false,
      nominatingUnit: unit,
    });
  }
  return {
    slug: opts.slug,
    title: opts.title,
    organizer: "基准测试",
    description: ["基准测试生成的活动（npm run bench），只用于测量速度。"],
    timeZone: "Asia/Shanghai",
    opensAt: iso(opts.now - 400 * DAY_MS),
    closesAt: iso(opts.now + 400 * DAY_MS),
    rules: { likesPerCandidatePerDay: 1, likesPerVoterPerDay: 5 },
    showCounts: "always",
    nominees,
  };
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** The smallest step ≥ about 0.618·V that is coprime with V (a full-cycle stride). */
export function coprimeStride(voters: number): number {
  let p = Math.max(1, Math.floor(voters * 0.618));
  while (gcd(p, voters) !== 1) p++;
  return p;
}

/** 32-bit mix (murmur3 finaliser): a cheap deterministic hash of an integer. */
export { mix32 };

export interface LedgerPlan {
  likes: number;
  voters: number;
  nominees: number;
  /** Start of the first day of the synthetic period (ms). */
  start: number;
  days: number;
  stride: number;
}

/** The period: 2·⌈likes/voters⌉ whole days, ending at the start of `now`'s UTC day. */
export function ledgerPlan(
  likes: number,
  voters: number,
  nominees: number,
  now: number,
): LedgerPlan {
  if (voters < 1 || nominees < 1 || likes < 0) throw new Error("bad ledger size");
  const perVoter = Math.max(1, Math.ceil(likes / voters));
  const days = 2 * perVoter;
  const end = Math.floor(now / DAY_MS) * DAY_MS;
  return {
    likes,
    voters,
    nominees,
    start: end - days * DAY_MS,
    days,
    stride: coprimeStride(voters),
  };
}

export interface SyntheticLike {
  voter: number;
  /** 1-based nominee number. */
  nominee: number;
  createdAt: number;
}

/** The i-th like of the plan. */
export function syntheticLike(plan: LedgerPlan, i: number): SyntheticLike {
  const voter = (i * plan.stride) % plan.voters;
  // Skewed popularity: u² leans toward the low numbers, a hash keeps it scattered.
  const u = mix32(i + 0x9e3779b9) / 2 ** 32;
  const nominee = 1 + Math.floor(u * u * plan.nominees);
  const span = plan.days * DAY_MS;
  const createdAt = plan.start + Math.floor((i * span) / Math.max(1, plan.likes));
  return { voter, nominee, createdAt };
}

const RECEIPT_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

function base32(value: number, chars: number): string {
  let out = "";
  let v = value;
  for (let k = 0; k < chars; k++) {
    out = (RECEIPT_ALPHABET[v & 31] ?? "0") + out;
    v = Math.floor(v / 32);
  }
  return out;
}

/**
 * A receipt code in the app's format (XXXX-XXXX-XXXX), unique per (campaign tag, i): six
 * characters from the tag, six from a bijective scramble of i on 30 bits.
 */
export function syntheticReceipt(tag: number, i: number): string {
  const scrambled = (Math.imul(i & 0x3fffffff, 0x2f0a3c5d) >>> 0) & 0x3fffffff;
  const s = base32(tag & 0x3fffffff, 6) + base32(scrambled, 6);
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8, 12)}`;
}

/** Hour bucket → campaign-local day, so a million rows need only a few hundred zone look-ups. */
export function dayOfHour(localDay: (ms: number) => string): (ms: number) => string {
  const cache = new Map<number, string>();
  return (ms) => {
    const hour = Math.floor(ms / HOUR_MS);
    let day = cache.get(hour);
    if (day === undefined) {
      day = localDay(hour * HOUR_MS);
      cache.set(hour, day);
    }
    return day;
  };
}
