/**
 * The friction curve as a table (docs/abuse.md), and what it predicts for the targets at
 * given solver speeds, from domain/friction.ts alone (no server): a small event simulation of the
 * one-network solver (4 clients sharing one core) and of the 200-person office (8 phones at a
 * time). Deterministic for a given seed. `npm run attack` measures the same against the worker.
 *
 * Usage: tsx scripts/attack/curve.ts [nativeHashesPerSecond] [phoneHashesPerSecond]
 */
import {
  difficultyFor,
  expectedSolveSeconds,
  FRICTION,
  frictionLevel,
} from "../../src/domain/friction";

const BASE = 50_000;
const THRESHOLD = 30;

function level(network: number, pair: number, nominee: number): number {
  return frictionLevel({
    networkRecent: network,
    pairRecent: pair,
    nomineeRecent: nominee,
    nomineeTotal: 0,
    openFor: 86_400_000,
    networkThreshold: THRESHOLD,
    voterRecent: 0,
    voterThreshold: null,
  });
}

/** Likes recorded by `clients` looping on one network and one nominee for `horizon` seconds. */
export function simulate(opts: {
  clients: number;
  /** Hashes per second of each client (or of the shared core, with `sharedCore`). */
  speed: number;
  sharedCore: boolean;
  /** Stop after this many likes (the office has 200 people). */
  total: number;
  horizon: number;
  seed: number;
}): { times: number[]; waits: number[] } {
  let seed = opts.seed;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const times: number[] = [];
  const waits: number[] = [];
  const clients = Array.from({ length: opts.clients }, () => ({ next: 0, wait: -1 }));
  let started = clients.length;
  const recent = (t: number, window: number) => {
    let n = 0;
    for (let i = times.length - 1; i >= 0 && (times[i] ?? 0) > t - window; i--) n++;
    return n;
  };
  while (clients.length > 0) {
    clients.sort((a, b) => a.next - b.next);
    const c = clients[0];
    if (!c || c.next > opts.horizon) break;
    const t = c.next;
    const l = level(recent(t, 60), recent(t, 600), recent(t, 60));
    if (c.wait >= 0 || l === 0) {
      // Free, or back with a solved proof (issued one level below at most: see proofSlack).
      times.push(t);
      waits.push(Math.max(0, c.wait));
      c.wait = -1;
      if (++started > opts.total) clients.shift();
      else c.next = t + 0.02;
      continue;
    }
    const speed = opts.sharedCore ? opts.speed / opts.clients : opts.speed;
    c.wait = (rand() * difficultyFor(l, BASE)) / speed;
    c.next = t + c.wait + 0.02;
  }
  return { times, waits };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const native = Number(process.argv[2] ?? 1_000_000);
  const phone = Number(process.argv[3] ?? 100_000);
  console.log(`base difficulty ${BASE}, network threshold ${THRESHOLD}/min`);
  console.log("\nlevel | challenge size | phone (s) | server core (s)");
  for (let l = 1; l <= 14; l++) {
    const d = difficultyFor(l, BASE);
    console.log(
      `${String(l).padStart(5)} | ${String(d).padStart(14)} | ${expectedSolveSeconds(l, BASE, phone).toFixed(2).padStart(9)} | ${expectedSolveSeconds(l, BASE, native).toFixed(3).padStart(15)}`,
    );
  }
  console.log(
    "\nnetwork likes/min (other nominees) → level; one nominee from one network in 10 min → level",
  );
  for (const r of [0, 29, 30, 60, 90, 120, 180, 240, 300]) {
    console.log(`  network ${r}/min → ${level(r, 0, 0)}`);
  }
  for (const p of [0, FRICTION.pairStart, FRICTION.pairStart + 30, 150, 200, 300, 600]) {
    console.log(`  pair ${p}/10 min → +${level(0, p, 0)}`);
  }
  const attack = simulate({
    clients: 4,
    speed: native,
    sharedCore: true,
    total: 1e9,
    horizon: 600,
    seed: 7,
  });
  const office = simulate({
    clients: 8,
    speed: phone,
    sharedCore: false,
    total: 200,
    horizon: 240,
    seed: 7,
  });
  const w = [...office.waits].sort((a, b) => a - b);
  console.log(
    `\nmodel, one network, one nominee, native ${native}/s on one core: ${attack.times.filter((t) => t <= 60).length} in 60 s, ${attack.times.length} in 10 min`,
  );
  console.log(
    `model, office of 200, 8 phones at ${phone}/s: ${office.times.length} in 4 min, 190th at ${office.times[189]?.toFixed(0) ?? "—"} s, median added wait ${w[Math.floor((w.length - 1) / 2)]?.toFixed(2)} s`,
  );
}
