import { env, exports } from "cloudflare:workers";
import { createDb, type Database } from "../src/db/client";
import { campaignKey, forgetCampaign } from "../src/db/queries/like-campaign-key";
import { castLike, type LikeInput, type LikeResult } from "../src/db/queries/likes";
import { campaigns, nominees } from "../src/db/schema";
import { flushCampaign, shardName, shardStub } from "../src/shards/barrier";

export const db = () => createDb(env.DB);

/** One call that reached the database: `batch`, or a statement's `first`/`all`/`run`/`raw` and its SQL. */
export interface D1Call {
  kind: string;
  sql?: string;
}

/**
 * The test database behind a proxy that records every call reaching it (statements stay recorded
 * after `bind`), for the rules about round trips (DESIGN §5/§7).
 */
export function countingD1(calls: D1Call[]): D1Database {
  const RUNS = new Set(["first", "all", "run", "raw"]);
  const wrap = (statement: D1PreparedStatement, sql: string): D1PreparedStatement =>
    new Proxy(statement, {
      get(st, key) {
        const value = Reflect.get(st, key, st);
        if (key === "bind") return (...a: unknown[]) => wrap(value.apply(st, a), sql);
        if (typeof key === "string" && RUNS.has(key)) {
          return (...a: unknown[]) => {
            calls.push({ kind: key, sql });
            return value.apply(st, a);
          };
        }
        return typeof value === "function" ? value.bind(st) : value;
      },
    });
  return new Proxy(env.DB, {
    get(target, prop) {
      if (prop === "prepare") return (sql: string) => wrap(target.prepare(sql), sql);
      if (prop === "batch") {
        return (statements: D1PreparedStatement[]) => {
          calls.push({ kind: "batch" });
          return target.batch(statements);
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/**
 * The like's write as routes/like-action.ts calls it, for the query tests: the campaign key first
 * (a miss is `campaign_not_found`, as the route answers), then castLike, and one retry with a fresh
 * key when the write finds the cached one stale.
 */
export async function castBySlug(
  database: Database,
  like: Omit<LikeInput, "campaign">,
): Promise<LikeResult> {
  for (let round = 0; round < 2; round++) {
    const campaign = await campaignKey(database, like.slug);
    if (!campaign) break;
    const result = await castLike(database, { ...like, campaign });
    if (!("stale" in result)) return result;
    forgetCampaign(like.slug);
  }
  return { counted: false, refusal: "campaign_not_found", timeZone: "" };
}

/**
 * The flush barrier for tests (issue 16): every like a campaign's shards acknowledged is in D1
 * when this returns. Tests run with LIKE_FLUSH_MS=0 (a shard flushes before it answers), so only
 * tests that turn the delay on (`holdFlushes`) need it.
 */
export async function settle(slug: string): Promise<void> {
  const row = await env.DB.prepare("SELECT id FROM campaigns WHERE slug = ?")
    .bind(slug)
    .first<{ id: number }>();
  if (!row) throw new Error(`no campaign ${slug}`);
  await flushCampaign(env, row.id);
}

/** Keeps every shard of the campaign from flushing on its own for `ms` (default: an hour). */
export async function holdFlushes(campaign: TestCampaign, shards: number, ms = 3_600_000) {
  for (let i = 0; i < shards; i++) {
    await shardStub(env, shardName(campaign.id, i)).configure({ flushMs: ms });
  }
}

let counter = 0;

export interface TestCampaign {
  id: number;
  slug: string;
}

/**
 * Inserts a campaign open now (unless told otherwise) with `count` nominees numbered 1..count,
 * alternating between the groups 县市区 and 市直单位.
 */
export async function makeCampaign(
  options: Partial<typeof campaigns.$inferInsert> & { count?: number } = {},
): Promise<TestCampaign> {
  const { count = 3, ...overrides } = options;
  const now = Date.now();
  const slug = overrides.slug ?? `test-${++counter}-${Math.random().toString(36).slice(2, 8)}`;
  const row = await db()
    .insert(campaigns)
    .values({
      slug,
      title: `测试评选 ${slug}`,
      organizer: "测试联席办",
      description: "第一段\n\n第二段",
      opensAt: now - 86_400_000,
      closesAt: now + 30 * 86_400_000,
      // Most tests like in bulk from one address; the proof-of-work tests turn friction on.
      challengePrefixPerMinute: null,
      challengeVoterPerMinute: null,
      createdAt: now,
      updatedAt: now,
      ...overrides,
    })
    .returning({ id: campaigns.id })
    .get();
  const rows = Array.from({ length: count }, (_, i) => ({
    campaignId: row.id,
    number: i + 1,
    name: `候选人${i + 1}`,
    position: "科长",
    unit: i % 2 === 0 ? `临县信访局${i + 1}` : `市信访局${i + 1}`,
    groupName: i % 2 === 0 ? "县市区" : "市直单位",
    headline: `事迹标题${i + 1}`,
    story: ["第一段", "第二段"],
    photos: [{ url: `/portraits/${slug}/${i + 1}.svg`, caption: `照片${i + 1}` }],
    createdAt: now,
    updatedAt: now,
  }));
  // D1 binds at most 100 variables per statement.
  for (let i = 0; i < rows.length; i += 5) {
    await db()
      .insert(nominees)
      .values(rows.slice(i, i + 5));
  }
  return { id: row.id, slug };
}

/** Fetches from the worker as a browser on the same origin would (or as told). */
export function call(path: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(new Request(`http://localhost${path}`, init));
}

/**
 * Looks up made-up receipt codes at `path(code)` from `ip` until the flood guard answers 429 (at
 * most 700 tries): that answer (undefined if none came) and the statuses of the lookups before it.
 */
export async function lookUpUntilLimited(
  path: (code: string) => string,
  ip: string,
): Promise<{ limited: Response | undefined; before: number[] }> {
  const before: number[] = [];
  for (let i = 0; i < 700; i++) {
    const code = `ZZ${String(i % 100).padStart(2, "0")}-${String(i).padStart(4, "0").slice(-4)}-0000`;
    const res = await call(path(code), { headers: { "CF-Connecting-IP": ip } });
    if (res.status === 429) return { limited: res, before };
    before.push(res.status);
  }
  return { limited: undefined, before };
}

/** Sends a like with a given voter cookie (or none) from a given IP. */
export function like(
  slug: string,
  number: number | string,
  opts: { cookie?: string; ip?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = {
    "CF-Connecting-IP": opts.ip ?? "203.0.113.7",
    ...opts.headers,
  };
  if (opts.cookie) headers.Cookie = opts.cookie;
  if (opts.body !== undefined) headers["Content-Type"] = "application/json";
  return call(`/api/campaigns/${slug}/candidates/${number}/likes`, {
    method: "POST",
    headers,
    body: opts.body,
  });
}

/** The `name=value` part of the voter cookie a response set. */
export function voterCookie(res: Response): string {
  const set = res.headers.get("Set-Cookie") ?? "";
  const match = /by_voter=[^;]+/.exec(set);
  if (!match) throw new Error(`no voter cookie in ${set}`);
  return match[0];
}

/** Gets a fresh voter cookie by liking nominee `number` once (so it spends one like). */
export async function newVoter(slug: string, number: number, ip?: string): Promise<string> {
  const res = await like(slug, number, { ip });
  if (res.status !== 201) throw new Error(`like failed: ${res.status} ${await res.text()}`);
  return voterCookie(res);
}

/** Every nominee's counter next to its counted rows in the ledger. */
export async function reconcile(campaignId: number) {
  const { results } = await env.DB.prepare(
    `SELECT n.number, n.likes AS counter,
            (SELECT COUNT(*) FROM likes l WHERE l.nominee_id = n.id AND l.status = 'counted') AS counted,
            n.voided_likes AS voidedCounter,
            (SELECT COUNT(*) FROM likes l WHERE l.nominee_id = n.id AND l.status = 'voided') AS voided,
            n.held_likes AS heldCounter,
            (SELECT COUNT(*) FROM likes l WHERE l.nominee_id = n.id AND l.status = 'held') AS held
     FROM nominees n WHERE n.campaign_id = ? ORDER BY n.number`,
  )
    .bind(campaignId)
    .all<{
      number: number;
      counter: number;
      counted: number;
      voidedCounter: number;
      voided: number;
      heldCounter: number;
      held: number;
    }>();
  return results;
}

/** Every counter (counted, held, voided) equals its ledger rows, for every nominee. */
export async function expectReconciled(campaignId: number) {
  for (const r of await reconcile(campaignId)) {
    if (r.counter !== r.counted || r.heldCounter !== r.held || r.voidedCounter !== r.voided) {
      throw new Error(
        `nominee ${r.number}: counters do not match the ledger: ${JSON.stringify(r)}`,
      );
    }
  }
}

let ledgerSerial = 0;

/**
 * Writes ledger rows straight into D1 (triggers included), e.g. held likes until the like path
 * holds them (branch i13-friction). Returns the rows' ids and receipts.
 */
export async function insertLikes(
  campaignId: number,
  rows: {
    number: number;
    status?: "counted" | "held" | "voided";
    voter?: string;
    network?: string;
    at?: number;
    receipt?: string;
  }[],
): Promise<{ id: number; receipt: string }[]> {
  const out: { id: number; receipt: string }[] = [];
  for (let i = 0; i < rows.length; i += 50) {
    const batch = rows.slice(i, i + 50).map((r) => {
      ledgerSerial++;
      const receipt =
        r.receipt ??
        `T${String(ledgerSerial).padStart(3, "0").slice(-3)}-${Math.random()
          .toString(36)
          .slice(2, 6)
          .toUpperCase()
          .padEnd(4, "X")}-${String(campaignId).padStart(4, "0").slice(-4)}`;
      return env.DB.prepare(
        `INSERT INTO likes (campaign_id, nominee_id, voter_hash, ip_hash, ip_prefix_hash, day, slot,
                            created_at, status, void_reason, voided_by, voided_at, receipt)
         VALUES (?1, (SELECT id FROM nominees WHERE campaign_id = ?1 AND number = ?2), ?3, 'ip', ?4,
                 '2026-11-29', 1, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING id, receipt`,
      ).bind(
        campaignId,
        r.number,
        r.voter ?? `voter-${ledgerSerial}`,
        r.network ?? "net-a",
        r.at ?? Date.now(),
        r.status ?? "counted",
        r.status === "voided" ? "test" : null,
        r.status === "voided" ? "test" : null,
        r.status === "voided" ? Date.now() : null,
        receipt,
      );
    });
    for (const res of await env.DB.batch<{ id: number; receipt: string }>(batch)) {
      out.push(...(res.results ?? []));
    }
  }
  return out;
}

/** A small deterministic generator (mulberry32), so a failure on a random ledger can be replayed. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
