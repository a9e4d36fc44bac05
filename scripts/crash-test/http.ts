/** The crash test's HTTP side (scripts/crash-test.ts): the organizer API, voters and their likes. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { base, root } from "./server";

function adminToken(): string {
  const vars = readFileSync(join(root, ".dev.vars"), "utf8");
  const line = vars.split(/\r?\n/).find((l) => l.startsWith("ADMIN_TOKEN="));
  const token = line?.slice("ADMIN_TOKEN=".length).trim();
  if (!token) throw new Error(".dev.vars has no ADMIN_TOKEN");
  return token;
}

let token = "";

export async function admin(method: string, path: string, body?: unknown): Promise<Response> {
  token ||= adminToken();
  return fetch(`${base}/api/admin/campaigns${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      Origin: base,
      ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(30_000),
  });
}

export async function adminJson<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await admin(method, path, body);
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} /api/admin/campaigns${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

export async function publicJson<T>(path: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base}/api${path}`, { signal: AbortSignal.timeout(30_000) });
  return { status: res.status, body: (await res.json()) as T };
}

/** Runs `fn` over `items` with at most `limit` calls at a time. */
export async function pool<T>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export interface Voter {
  slug: string;
  index: number;
  ip: string;
  cookie: string;
}

export type JobState = "todo" | "pending" | "acked" | "refused" | "unknown";

export interface Job {
  voter: Voter;
  number: number;
  key: string;
  state: JobState;
  receipt?: string;
  /** "load" before the kill, "retry" after it. */
  ackedIn?: "load" | "retry";
  /** On retry: the server had counted it before the kill (Idempotent-Replayed). */
  replayedOnRetry?: boolean;
  refusal?: string;
  error?: string;
}

export type Answer =
  | { kind: "http"; status: number; code?: string; receipt?: string; replayed: boolean }
  | { kind: "network"; error: string };

/** Refusals that are fine for any like: the flood guard and proof-of-work friction. */
export const LEGIT_REFUSALS = new Set(["rate_limited", "challenge_required"]);

export async function like(job: Job): Promise<Answer> {
  try {
    const res = await fetch(
      `${base}/api/campaigns/${job.voter.slug}/candidates/${job.number}/likes`,
      {
        method: "POST",
        headers: {
          Origin: base,
          "CF-Connecting-IP": job.voter.ip,
          Cookie: job.voter.cookie,
          "Idempotency-Key": job.key,
        },
        signal: AbortSignal.timeout(30_000),
      },
    );
    const body = (await res.json()) as { receipt?: string; error?: { code?: string } };
    return {
      kind: "http",
      status: res.status,
      code: body.error?.code,
      receipt: body.receipt,
      replayed: res.headers.get("Idempotent-Replayed") === "true",
    };
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; message?: string } };
    return { kind: "network", error: err.cause?.code ?? err.cause?.message ?? err.message };
  }
}

/** A voter's cookie, as a browser gets it: from the campaign page, before any like. */
export async function newVoter(slug: string, index: number): Promise<Voter> {
  // One address per voter, each in its own /24, so neither the per-IP flood guard nor a per-prefix
  // challenge sees a crowd.
  const ip = `10.${(index >> 8) & 255}.${index & 255}.${1 + (index % 250)}`;
  const res = await fetch(`${base}/c/${slug}`, {
    headers: { "CF-Connecting-IP": ip },
    signal: AbortSignal.timeout(30_000),
  });
  await res.arrayBuffer();
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .find((c) => c.startsWith("by_voter="));
  if (res.status !== 200 || !cookie) {
    throw new Error(`GET /c/${slug} gave ${res.status} and no by_voter cookie`);
  }
  return { slug, index, ip, cookie };
}

export function shuffled(n: number): number[] {
  const a = Array.from({ length: n }, (_, i) => i + 1);
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j] as number, a[i] as number];
  }
  return a;
}

/** A small RFC 4180 reader (quoted cells, CRLF), enough for votes.csv. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

export interface LedgerRow {
  number: number;
  voterHash: string;
  status: string;
  receipt: string;
  day: string;
}

/** The campaign's ledger as votes.csv gives it (behind the flush barrier on a sharded campaign). */
export async function ledger(slug: string): Promise<LedgerRow[]> {
  const res = await admin("GET", `/${slug}/votes.csv?lang=en`);
  if (!res.ok) throw new Error(`votes.csv: ${res.status}`);
  const [header, ...lines] = parseCsv((await res.text()).replace(/^\uFEFF/, ""));
  // Lines starting with "#" are the file's trailer (the ledger head), not ledger rows.
  const rows = lines.filter((r) => !(r[0] ?? "").startsWith("#") && r.join("") !== "");
  const col = (name: string) => {
    const i = header?.indexOf(name) ?? -1;
    if (i < 0) throw new Error(`votes.csv has no column ${name}`);
    return i;
  };
  const [num, voter, status, receipt, day] = [
    col("number"),
    col("voter_hash"),
    col("status"),
    col("receipt"),
    col("day"),
  ];
  return rows.map((r) => ({
    number: Number(r[num]),
    voterHash: r[voter] ?? "",
    status: r[status] ?? "",
    receipt: r[receipt] ?? "",
    day: r[day] ?? "",
  }));
}
