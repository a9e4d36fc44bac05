/**
 * First-view bytes of a page, measured in Chromium through CDP: every resource the page loads with
 * the bytes received for it (Network.loadingFinished.encodedDataLength), cross-checked by gzipping
 * each body here (what a compressing edge would send at least). Shared by the byte budget of the
 * browser suite (e2e/budget.spec.ts) and the benchmark (scripts/bench/run.ts).
 */
import { gzipSync } from "node:zlib";
import type { BrowserContext, CDPSession, Page } from "playwright-core";

export interface Resource {
  url: string;
  type: string;
  status: number;
  encoding: string;
  transferred: number;
}

export interface MeasuredResource extends Resource {
  raw: number;
  gzip: number;
}

export interface FirstView {
  /** Resources of the first view, photos excluded, from the page's own origin. */
  rows: MeasuredResource[];
  photos: Resource[];
  /** Bytes on the wire (headers included), photos excluded. */
  transferred: number;
  /** Bodies gzipped here (-6), photos excluded. */
  gzip: number;
  scriptTransferred: number;
  scriptGzip: number;
}

/** Records every resource the page loads, with the bytes Chromium received for it. */
export async function recordResources(
  context: BrowserContext,
  page: Page,
): Promise<{ cdp: CDPSession; done: Resource[] }> {
  const cdp = await context.newCDPSession(page);
  const byId = new Map<string, Resource>();
  const done: Resource[] = [];
  cdp.on("Network.requestWillBeSent", (e) => {
    byId.set(e.requestId, {
      url: e.request.url,
      type: e.type ?? "Other",
      status: 0,
      encoding: "",
      transferred: 0,
    });
  });
  cdp.on("Network.responseReceived", (e) => {
    const r = byId.get(e.requestId);
    if (!r) return;
    r.type = e.type;
    r.status = e.response.status;
    const headers = Object.fromEntries(
      Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]),
    );
    r.encoding = headers["content-encoding"] ?? "identity";
  });
  cdp.on("Network.loadingFinished", (e) => {
    const r = byId.get(e.requestId);
    if (!r) return;
    r.transferred = e.encodedDataLength;
    done.push(r);
  });
  await cdp.send("Network.enable");
  return { cdp, done };
}

export const isPhoto = (r: Resource) => r.type === "Image" || r.type === "Media";
export const isScript = (r: Resource) => r.type === "Script";
export const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * Opens `path` in a fresh page of `context` (empty cache, new voter) and measures its first view.
 * `fetchBody` reads a resource again for the gzip cross-check (Playwright's request fixture in
 * tests, global fetch elsewhere).
 */
export async function measureFirstView(
  context: BrowserContext,
  baseURL: string,
  path: string,
  fetchBody: (url: string) => Promise<Uint8Array> = async (url) =>
    new Uint8Array(await (await fetch(url)).arrayBuffer()),
): Promise<FirstView> {
  const page = await context.newPage();
  const { done } = await recordResources(context, page);
  await page.goto(new URL(path, baseURL).toString(), { waitUntil: "networkidle" });
  const origin = new URL(baseURL).origin;
  const counted = done.filter((r) => !isPhoto(r) && r.url.startsWith(origin));
  const photos = done.filter(isPhoto);
  const rows: MeasuredResource[] = [];
  for (const r of counted) {
    const body = await fetchBody(r.url);
    rows.push({ ...r, raw: body.length, gzip: gzipSync(body).length });
  }
  const scripts = rows.filter(isScript);
  await page.close();
  return {
    rows,
    photos,
    transferred: sum(rows.map((r) => r.transferred)),
    gzip: sum(rows.map((r) => r.gzip)),
    scriptTransferred: sum(scripts.map((r) => r.transferred)),
    scriptGzip: sum(scripts.map((r) => r.gzip)),
  };
}

/** The table the budget test and the bench print. */
export function firstViewLines(view: FirstView): string[] {
  return [
    `  ${"type".padEnd(10)} ${"wire".padStart(7)} ${"gzip".padStart(7)} ${"raw".padStart(7)}  encoding`,
    ...view.rows.map(
      (r) =>
        `  ${r.type.padEnd(10)} ${String(r.transferred).padStart(7)} ${String(r.gzip).padStart(7)} ${String(r.raw).padStart(7)}  ${r.encoding.padEnd(8)} ${new URL(r.url).pathname}`,
    ),
  ];
}
