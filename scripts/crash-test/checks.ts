/**
 * After the restart (scripts/crash-test.ts), per campaign: the requests without an answer are sent
 * again, every acknowledged like is replayed and its receipt looked up, and the tallies are
 * compared: counters (public results, export.json) == counted ledger rows (votes.csv) == distinct
 * acknowledged likes, per nominee and in total; no (voter, nominee, day) twice.
 */
import { adminJson, type Job, LEGIT_REFUSALS, ledger, like, pool, publicJson } from "./http";
import { sleep } from "./server";

export const violations: string[] = [];

export function check(ok: boolean, what: string, detail = ""): void {
  console.log(`  ${ok ? "ok  " : "FAIL"} ${what}${!ok && detail ? `: ${detail}` : ""}`);
  if (!ok) violations.push(detail ? `${what}: ${detail}` : what);
}

export interface CampaignRun {
  slug: string;
  ingest: "sharded" | "direct";
  nominees: number;
  voters: number;
  jobs: Job[];
  /** Unexpected answers of the load, for this campaign. */
  unexpected: string[];
}

interface Retried {
  retried: number;
  countedBeforeKill: number;
  countedOnRetry: number;
  refusedOnRetry: number;
  networkErrors: number;
}

/** Every request of the campaign without an answer, again: same cookie, key and address. */
export async function retryUnanswered(run: CampaignRun): Promise<Retried> {
  const unknown = run.jobs.filter((j) => j.state === "unknown");
  await pool(unknown, 16, async (job) => {
    for (let attempt = 1; ; attempt++) {
      const a = await like(job);
      if (a.kind === "network") {
        if (attempt < 5) {
          await sleep(500);
          continue;
        }
        job.error = a.error;
        return;
      }
      if (a.status === 201 && a.receipt) {
        job.state = "acked";
        job.receipt = a.receipt;
        job.ackedIn = "retry";
        job.replayedOnRetry = a.replayed;
      } else if (a.code && LEGIT_REFUSALS.has(a.code)) {
        if (a.code === "rate_limited" && attempt < 3) {
          await sleep(61_000);
          continue;
        }
        job.state = "refused";
        job.refusal = a.code;
      } else {
        job.refusal = `${a.status} ${a.code ?? ""}`.trim();
        run.unexpected.push(`retry of key ${job.key}: ${job.refusal}`);
      }
      return;
    }
  });
  return {
    retried: unknown.length,
    countedBeforeKill: unknown.filter((j) => j.replayedOnRetry === true).length,
    countedOnRetry: unknown.filter((j) => j.replayedOnRetry === false).length,
    refusedOnRetry: unknown.filter((j) => j.state === "refused").length,
    networkErrors: unknown.filter((j) => j.state === "unknown").length,
  };
}

type Tally = { totalLikes: number; candidates: { number: number; likes: number }[] };

/** The replays, the receipts and the tallies of one campaign; prints its report and checks. */
export async function checkCampaign(run: CampaignRun, retried: Retried): Promise<void> {
  const { slug, jobs } = run;
  // Every like acknowledged during the load, again: the same receipt, replayed, nothing counted.
  const loadAcked = jobs.filter((j) => j.ackedIn === "load");
  const replayMismatch: string[] = [];
  let replayRefused = 0;
  await pool(loadAcked, 16, async (job) => {
    let a = await like(job);
    for (let i = 0; a.kind === "network" && i < 4; i++) {
      await sleep(500);
      a = await like(job);
    }
    if (a.kind === "http" && a.code && LEGIT_REFUSALS.has(a.code)) replayRefused += 1;
    else if (a.kind === "network" || a.status !== 201 || !a.replayed || a.receipt !== job.receipt) {
      replayMismatch.push(
        `${job.receipt}: ${a.kind === "network" ? a.error : `${a.status} ${a.code ?? ""} replayed=${a.replayed} receipt=${a.receipt}`}`,
      );
    }
  });

  // Every receipt, looked up (a receipt of a like still in its shard is found too).
  const allAcked = jobs.filter((j) => j.state === "acked");
  const receiptProblems: string[] = [];
  await pool(allAcked, 16, async (job) => {
    const { status, body } = await publicJson<{ status?: string; number?: number }>(
      `/campaigns/${slug}/receipts/${job.receipt}`,
    );
    if (status !== 200 || body.status !== "counted" || body.number !== job.number) {
      receiptProblems.push(`${job.receipt}: ${status} ${JSON.stringify(body)}`);
    }
  });

  // The tallies: the exports first (they go through the flush barrier), then the public counters.
  const rows = await ledger(slug);
  const exported = await adminJson<Tally>("GET", `/${slug}/export.json`);
  const results = await publicJson<Tally>(`/campaigns/${slug}/results`);
  const counted = rows.filter((r) => r.status === "counted");
  const ackedReceipts = new Set(allAcked.map((j) => j.receipt));
  const ledgerReceipts = new Set(counted.map((r) => r.receipt));
  const perNomineeLedger = new Map<number, number>();
  for (const r of counted)
    perNomineeLedger.set(r.number, (perNomineeLedger.get(r.number) ?? 0) + 1);
  const seen = new Set<string>();
  const duplicates: string[] = [];
  for (const r of counted) {
    const k = `${r.voterHash}|${r.number}|${r.day}`;
    if (seen.has(k)) duplicates.push(k);
    seen.add(k);
  }
  const sum = (cs: { likes: number }[]) => cs.reduce((s, c) => s + c.likes, 0);
  const counterMismatch = (cs: { number: number; likes: number }[]) =>
    cs
      .filter((c) => c.likes !== (perNomineeLedger.get(c.number) ?? 0))
      .map(
        (c) => `#${c.number}: counter ${c.likes}, ledger ${perNomineeLedger.get(c.number) ?? 0}`,
      );
  const missingFromLedger = [...ackedReceipts].filter((r) => !ledgerReceipts.has(r as string));
  const notAcked = [...ledgerReceipts].filter((r) => !ackedReceipts.has(r));
  const voterHashes = new Set(counted.map((r) => r.voterHash));
  const unresolved = retried.refusedOnRetry + retried.networkErrors;
  const count = (s: Job["state"]) => jobs.filter((j) => j.state === s).length;

  console.log(`\n${slug} (ingest ${run.ingest})`);
  console.log(`  acknowledged during the load            ${loadAcked.length}`);
  console.log(`  refused during the load (legitimately)  ${count("refused")}`);
  console.log(`  without an answer, sent again           ${retried.retried}`);
  console.log(`    of which counted before the kill      ${retried.countedBeforeKill}`);
  console.log(`    of which counted on the retry         ${retried.countedOnRetry}`);
  console.log(`    refused (rate limit / challenge)      ${retried.refusedOnRetry}`);
  console.log(`    still without an answer               ${retried.networkErrors}`);
  console.log(`  distinct acknowledged likes             ${ackedReceipts.size}`);
  console.log(`  counted rows in the ledger (votes.csv)  ${counted.length} of ${rows.length}`);
  console.log(`  sum of counters (results API)           ${sum(results.body.candidates ?? [])}`);
  console.log(
    `  totalLikes (results / export.json)      ${results.body.totalLikes} / ${exported.totalLikes}`,
  );
  check(run.unexpected.length === 0, "no unexpected answer", run.unexpected.slice(0, 5).join("; "));
  check(
    receiptProblems.length === 0,
    `every acknowledged receipt says counted (${allAcked.length} looked up)`,
    receiptProblems.slice(0, 5).join("; "),
  );
  check(
    replayMismatch.length === 0,
    `every like acknowledged during the load, sent again, is replayed with its receipt (${loadAcked.length}` +
      `${replayRefused ? `, ${replayRefused} refused by the flood guard or a challenge` : ""})`,
    replayMismatch.slice(0, 5).join("; "),
  );
  check(
    ackedReceipts.size === allAcked.length,
    "no receipt acknowledged for two likes",
    `${allAcked.length} likes, ${ackedReceipts.size} receipts`,
  );
  check(
    missingFromLedger.length === 0,
    "every acknowledged like is a counted ledger row",
    `missing: ${missingFromLedger.slice(0, 5).join(", ")}`,
  );
  check(
    unresolved === 0 ? notAcked.length === 0 : notAcked.length <= unresolved,
    unresolved === 0
      ? "every counted ledger row was acknowledged"
      : `at most ${unresolved} counted rows not acknowledged (retries refused or unanswered)`,
    `${notAcked.length} unacknowledged: ${notAcked.slice(0, 5).join(", ")}`,
  );
  check(
    duplicates.length === 0,
    "no (voter, nominee, day) twice among counted rows (rule: 1 per nominee per day)",
    duplicates.slice(0, 5).join("; "),
  );
  check(
    voterHashes.size <= run.voters,
    "no like counted for a voter the test did not create",
    `${voterHashes.size} voters in the ledger, ${run.voters} created`,
  );
  check(
    counterMismatch(results.body.candidates ?? []).length === 0 &&
      results.body.candidates?.length === run.nominees,
    "counters (results API) == counted ledger rows, per nominee",
    counterMismatch(results.body.candidates ?? []).join("; "),
  );
  check(
    counterMismatch(exported.candidates).length === 0 &&
      exported.candidates.length === run.nominees,
    "counters (export.json) == counted ledger rows, per nominee",
    counterMismatch(exported.candidates).join("; "),
  );
  const totals = [
    sum(results.body.candidates ?? []),
    results.body.totalLikes,
    exported.totalLikes,
    counted.length,
    ledgerReceipts.size,
  ];
  check(
    totals.every((t) => t === ackedReceipts.size + (unresolved === 0 ? 0 : notAcked.length)),
    unresolved === 0
      ? "total counted == distinct acknowledged likes"
      : "total counted == distinct acknowledged likes + counted rows of unresolved retries",
    `sum of counters, results totalLikes, export totalLikes, ledger rows, ledger receipts = ${totals.join(", ")}; acknowledged ${ackedReceipts.size}`,
  );
}
