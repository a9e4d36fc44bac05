/**
 * A CPU profile of the app's isolate while a load runs, through workerd's inspector (Chrome
 * DevTools protocol): the functions with the most self time, by name and bundle location. This is
 * how the bench's gaps were diagnosed; `BENCH_PROFILE=<scenario>` in run.ts writes one.
 */
interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Connects to the inspector target of one worker (workerd names targets `core:user:<name>`). */
async function connect(inspector: string, worker: string): Promise<WebSocket> {
  const res = await fetch(`http://${inspector}/json`);
  const targets = (await res.json()) as {
    id: string;
    title?: string;
    webSocketDebuggerUrl?: string;
  }[];
  const target =
    targets.find((t) => t.id === `core:user:${worker}`) ??
    targets.find((t) => (t.title ?? "").includes(worker) || t.id.includes(worker));
  const wsUrl = target?.webSocketDebuggerUrl ?? `ws://${inspector}/core:user:${worker}`;
  const ws = new WebSocket(wsUrl);
  await new Promise<void>((resolve, reject) => {
    ws.addEventListener("open", () => resolve(), { once: true });
    ws.addEventListener("error", () => reject(new Error(`inspector ${wsUrl} unreachable`)), {
      once: true,
    });
  });
  return ws;
}

export async function profileWhile<T>(
  inspector: string,
  worker: string,
  work: () => Promise<T>,
): Promise<{ result: T; profile: CpuProfile }> {
  const ws = await connect(inspector, worker);
  let nextId = 1;
  const pending = new Map<number, (value: unknown) => void>();
  ws.addEventListener("message", (event) => {
    const msg = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
    if (msg.id !== undefined) pending.get(msg.id)?.(msg.result);
  });
  const send = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<unknown>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      ws.send(JSON.stringify({ id, method, params }));
    });
  await send("Profiler.enable");
  await send("Profiler.setSamplingInterval", { interval: 200 });
  await send("Profiler.start");
  const result = await work();
  const stopped = (await send("Profiler.stop")) as { profile: CpuProfile };
  ws.close();
  return { result, profile: stopped.profile };
}

export interface HotFunction {
  name: string;
  where: string;
  selfMs: number;
  share: number;
}

/**
 * Self time per function (name + location), largest first, then `(gaps)`. A sample stands for the
 * time until the next one (as DevTools counts it), capped at 4× the median interval: a longer gap
 * means the sampler or the thread was paused (descheduled on this 2-core machine while the load
 * generator runs), and charging it to whichever frame was sampled next made Hono's router look
 * like 15.8 % of the profile page's CPU when it had 2.9 % of the samples. What the cap cuts off
 * is the `(gaps)` line, outside the shares.
 */
export function hotFunctions(profile: CpuProfile, top = 25): HotFunction[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const deltas = profile.timeDeltas;
  const sorted = [...deltas].sort((a, b) => a - b);
  const median = sorted[sorted.length >> 1] ?? 0;
  const cap = median > 0 ? 4 * median : Number.POSITIVE_INFINITY;
  const self = new Map<number, number>();
  let gaps = 0;
  profile.samples.forEach((id, i) => {
    const span = deltas[i + 1] ?? median;
    const kept = Math.min(span, cap);
    gaps += span - kept;
    self.set(id, (self.get(id) ?? 0) + kept);
  });
  const byKey = new Map<string, HotFunction>();
  let total = 0;
  for (const [id, us] of self) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    total += us;
    const where = frame.url ? `${frame.url.split("/").pop()}:${frame.lineNumber + 1}` : "";
    const name = frame.functionName || "(anonymous)";
    const key = `${name}@${where}`;
    const entry = byKey.get(key) ?? { name, where, selfMs: 0, share: 0 };
    entry.selfMs += us / 1000;
    byKey.set(key, entry);
  }
  const hot = [...byKey.values()]
    .map((e) => ({ ...e, share: total ? (e.selfMs * 1000) / total : 0 }))
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, top);
  return gaps > 0 ? [...hot, { name: "(gaps)", where: "", selfMs: gaps / 1000, share: 0 }] : hot;
}
