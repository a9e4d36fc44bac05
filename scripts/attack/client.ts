/**
 * What an adversary (or an honest phone) does over HTTP, for `npm run attack`: load a profile page
 * for a cookie, send a like, solve the 428's proof of work and send it again. Every request names
 * its client address in CF-Connecting-IP, as Cloudflare would, and the server keys its flood
 * guard, friction and hashes on it. Loopback only.
 */
import { createHash } from "node:crypto";
import { setImmediate as yieldTurn } from "node:timers/promises";

export interface Challenge {
  algorithm: string;
  challenge: string;
  maxnumber: number;
  salt: string;
  signature: string;
}

/**
 * How a client solves: the native loop on this machine's CPU as it is, or a modeled device of a
 * given speed (the same answer, found here, but taking the device's time: hashes / speed). A
 * modeled device may share one core with others (`core`): then its solves run one at a time.
 */
export type Solver = { kind: "native" } | { kind: "modeled"; hashesPerSecond: number; core?: Core };

/** One processor: solves queued on it run one after another. */
export class Core {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/** One intended like, from the first POST to its final answer. */
export interface LikeAttempt {
  /** The nominee liked. */
  number: number;
  /** Seconds since the profile started, at the final answer. */
  at: number;
  status: number;
  code: string;
  /** Proofs solved for it, and the time they added (for a phone: at the phone's measured speed). */
  proofs: number;
  addedWaitS: number;
  /** The highest friction level asked. */
  level: number;
}

/**
 * Native solver: Node's SHA-256 over salt + n until the hash matches, in slices that yield to the
 * event loop so concurrent clients share one core fairly (one core in all: the machine is shared).
 */
export async function solveNative(c: Challenge): Promise<{ number: number; hashes: number }> {
  const slice = 20_000;
  for (let from = 0; from <= c.maxnumber; from += slice) {
    const to = Math.min(c.maxnumber, from + slice - 1);
    for (let n = from; n <= to; n++) {
      if (createHash("sha256").update(`${c.salt}${n}`).digest("hex") === c.challenge) {
        return { number: n, hashes: n + 1 };
      }
    }
    await yieldTurn();
  }
  throw new Error("challenge has no solution");
}

/** Native hashes per second on this core, now (for the report). */
export function nativeSpeed(ms = 1500): number {
  const salt = "0123456789abcdef01234567?expires=1765000000&c=1&v=0123456789abcdef&l=3";
  const t0 = performance.now();
  let n = 0;
  while (performance.now() - t0 < ms) {
    for (let i = 0; i < 5000; i++) createHash("sha256").update(`${salt}${n++}`).digest("hex");
  }
  return Math.round(n / ((performance.now() - t0) / 1000));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Client {
  constructor(
    readonly origin: string,
    readonly slug: string,
  ) {}

  /** GET a profile page as a browser does: the voter cookie it sets (or the one it kept). */
  async loadPage(number: number, ip: string, cookie?: string): Promise<string | undefined> {
    const res = await fetch(`${this.origin}/c/${this.slug}/${number}`, {
      headers: { "CF-Connecting-IP": ip, ...(cookie ? { Cookie: cookie } : {}) },
      redirect: "manual",
    });
    await res.arrayBuffer();
    return /by_voter=[^;]+/.exec(res.headers.get("Set-Cookie") ?? "")?.[0] ?? cookie;
  }

  private async post(number: number, ip: string, cookie: string | undefined, body?: string) {
    const res = await fetch(
      `${this.origin}/api/campaigns/${this.slug}/candidates/${number}/likes`,
      {
        method: "POST",
        headers: {
          "CF-Connecting-IP": ip,
          ...(cookie ? { Cookie: cookie } : {}),
          ...(body ? { "Content-Type": "application/json" } : {}),
        },
        body,
      },
    );
    const json = (await res.json().catch(() => ({}))) as {
      error?: { code: string; challenge?: Challenge };
    };
    const setCookie = /by_voter=[^;]+/.exec(res.headers.get("Set-Cookie") ?? "")?.[0];
    return { status: res.status, json, cookie: setCookie ?? cookie };
  }

  /** One like with up to three proofs, solved as `solver` says. */
  async like(
    number: number,
    ip: string,
    cookie: string | undefined,
    solver: Solver,
    started: number,
  ): Promise<LikeAttempt> {
    let answer = await this.post(number, ip, cookie);
    let proofs = 0;
    let addedWaitS = 0;
    let level = 0;
    while (answer.status === 428 && answer.json.error?.challenge && proofs < 3) {
      const c = answer.json.error.challenge;
      level = Math.max(level, Number(/[?&]l=(\d+)/.exec(c.salt)?.[1] ?? 1));
      const t0 = performance.now();
      const solve = async () => {
        const found = await solveNative(c);
        if (solver.kind === "modeled") {
          // The same answer, found in the device's time: wait out the difference.
          const deviceS = found.hashes / solver.hashesPerSecond;
          const spentS = (performance.now() - t0) / 1000;
          if (deviceS > spentS) await sleep((deviceS - spentS) * 1000);
        }
        return found;
      };
      const found = await (solver.kind === "modeled" && solver.core
        ? solver.core.run(solve)
        : solve());
      addedWaitS += (performance.now() - t0) / 1000;
      proofs++;
      const solution = btoa(
        JSON.stringify({
          algorithm: c.algorithm,
          challenge: c.challenge,
          number: found.number,
          salt: c.salt,
          signature: c.signature,
        }),
      );
      answer = await this.post(number, ip, answer.cookie, JSON.stringify({ challenge: solution }));
    }
    return {
      number,
      at: (performance.now() - started) / 1000,
      status: answer.status,
      code:
        answer.status === 201
          ? "counted"
          : answer.status === 202
            ? "held"
            : (answer.json.error?.code ?? String(answer.status)),
      proofs,
      addedWaitS,
      level,
    };
  }
}
