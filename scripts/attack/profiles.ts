/**
 * The adversaries (and the honest crowds they must not hurt) of `npm run attack`, each against its
 * own campaign so that one profile's flags and rates never touch another's. Each is bounded in
 * likes and in time.
 */
import { Client, Core, type LikeAttempt, type Solver } from "./client";

export interface ProfileContext {
  origin: string;
  slug: string;
  /** The nominee the adversary pushes. */
  target: number;
  nominees: number;
  /** A phone's solver speed (hashes/s), for the honest profiles (each phone its own core). */
  phoneHps: number;
  /** The adversary's solver speed on one core (hashes/s); null = solve on this machine as it is. */
  nativeHps: number | null;
  /** Seconds the attack profiles run (the office and the crowd have their own bounds). */
  seconds: number;
}

export interface ProfileRun {
  attempts: LikeAttempt[];
  /** The nominee whose rise is the distortion (the target; for the crowd, the one that gained most). */
  target: number;
  seconds: number;
}

export interface Profile {
  name: string;
  description: string;
  run(ctx: ProfileContext): Promise<ProfileRun>;
}

/** `workers` loops in parallel until `deadline` (ms since `started`) or `stop()` says so. */
async function pool(
  workers: number,
  started: number,
  deadlineS: number,
  step: (i: number) => Promise<LikeAttempt | null>,
): Promise<LikeAttempt[]> {
  const out: LikeAttempt[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while ((performance.now() - started) / 1000 < deadlineS) {
        const attempt = await step(next++);
        if (!attempt) return;
        out.push(attempt);
      }
    }),
  );
  return out;
}

/** The adversary's one core: modeled at its measured speed, or this machine's CPU as it is. */
const adversary = (ctx: ProfileContext): Solver =>
  ctx.nativeHps === null
    ? { kind: "native" }
    : { kind: "modeled", hashesPerSecond: ctx.nativeHps, core: new Core() };

/** A different /24 for every k (none of them in the other profiles' ranges). */
const poolAddress = (k: number) => `100.${64 + ((k >> 8) & 63)}.${k & 255}.${((k * 37) % 250) + 2}`;

export const PROFILES: Profile[] = [
  {
    name: "network-solver",
    description:
      "one IPv4 address, page load + like + cookie cleared every time, 4 at a time, every proof solved natively",
    async run(ctx) {
      const client = new Client(ctx.origin, ctx.slug);
      const started = performance.now();
      const ip = "198.18.13.7";
      const native = adversary(ctx);
      const attempts = await pool(4, started, ctx.seconds, async () => {
        const cookie = await client.loadPage(ctx.target, ip);
        return client.like(ctx.target, ip, cookie, native, started);
      });
      return { attempts, target: ctx.target, seconds: ctx.seconds };
    },
  },
  {
    name: "ipv6-rotation",
    description:
      "a new address inside one IPv6 /64 for every like, page load, fresh cookie, 4 at a time, native solver",
    async run(ctx) {
      const client = new Client(ctx.origin, ctx.slug);
      const started = performance.now();
      const native = adversary(ctx);
      const attempts = await pool(4, started, ctx.seconds, async (i) => {
        const ip = `2001:db8:1313:7:${(i & 0xffff).toString(16)}:${((i * 7919) & 0xffff).toString(16)}::${(i % 9) + 1}`;
        const cookie = await client.loadPage(ctx.target, ip);
        return client.like(ctx.target, ip, cookie, native, started);
      });
      return { attempts, target: ctx.target, seconds: ctx.seconds };
    },
  },
  {
    name: "pool-500",
    description:
      "500 addresses in 500 different /24s taking turns, page load + fresh cookie per like, 4 at a time, native solver",
    async run(ctx) {
      const client = new Client(ctx.origin, ctx.slug);
      const started = performance.now();
      const native = adversary(ctx);
      const attempts = await pool(4, started, ctx.seconds, async (i) => {
        const ip = poolAddress(i % 500);
        const cookie = await client.loadPage(ctx.target, ip);
        return client.like(ctx.target, ip, cookie, native, started);
      });
      return { attempts, target: ctx.target, seconds: ctx.seconds };
    },
  },
  {
    name: "office-200",
    description:
      "200 colleagues behind one office address, each loads the page and likes the same colleague once, 8 at a time, phones solving",
    async run(ctx) {
      const client = new Client(ctx.origin, ctx.slug);
      const started = performance.now();
      const ip = "192.0.2.200";
      const phone: Solver = { kind: "modeled", hashesPerSecond: ctx.phoneHps };
      const limitS = 240;
      const attempts = await pool(8, started, limitS, async (i) => {
        if (i >= 200) return null;
        const cookie = await client.loadPage(ctx.target, ip);
        return client.like(ctx.target, ip, cookie, phone, started);
      });
      return { attempts, target: ctx.target, seconds: limitS };
    },
  },
  {
    name: "crowd",
    description:
      "300 people on 120 networks at human pace (read 2–8 s, then like 1–4 nominees 3–10 s apart), phones solving",
    async run(ctx) {
      const client = new Client(ctx.origin, ctx.slug);
      const started = performance.now();
      const phone: Solver = { kind: "modeled", hashesPerSecond: ctx.phoneHps };
      let seed = 0x13;
      const rand = () => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed / 0x7fffffff;
      };
      const out: LikeAttempt[] = [];
      const limitS = Math.min(ctx.seconds, 60);
      // 300 people arriving over the first 40 s, each on one of 120 networks (some share).
      await Promise.all(
        Array.from({ length: 300 }, async (_, p) => {
          await new Promise((r) => setTimeout(r, rand() * 40_000));
          const ip = `203.0.${p % 120}.${((p * 13) % 250) + 2}`;
          let number = 1 + Math.floor(rand() * ctx.nominees);
          let cookie = await client.loadPage(number, ip);
          await new Promise((r) => setTimeout(r, 2000 + rand() * 6000));
          const likes = 1 + Math.floor(rand() * 4);
          for (let k = 0; k < likes; k++) {
            if ((performance.now() - started) / 1000 > limitS) return;
            out.push(await client.like(number, ip, cookie, phone, started));
            number = 1 + Math.floor(rand() * ctx.nominees);
            cookie = await client.loadPage(number, ip, cookie);
            await new Promise((r) => setTimeout(r, 3000 + rand() * 7000));
          }
        }),
      );
      // The crowd has no target: its distortion is the rise of whoever it liked most.
      const gained = new Map<number, number>();
      for (const a of out)
        if (a.code === "counted") gained.set(a.number, (gained.get(a.number) ?? 0) + 1);
      const top = [...gained].sort((a, b) => b[1] - a[1])[0]?.[0] ?? ctx.target;
      return { attempts: out, target: top, seconds: limitS };
    },
  },
];
