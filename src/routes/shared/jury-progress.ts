import type { Database } from "../../db/client";
import { listNomineesAdmin } from "../../db/queries/admin-nominees";
import { listJurors, scoreCells } from "../../db/queries/jury";
import { jurorJson } from "../../views/selection-json";

/** The panel's progress: per juror, and the (juror, nominee) pairs still missing. */
export async function juryProgress(db: Database, campaignId: number, zone: string) {
  const now = Date.now();
  const [jurors, nominees, cells] = await Promise.all([
    listJurors(db, campaignId),
    listNomineesAdmin(db, campaignId),
    scoreCells(db, campaignId),
  ]);
  const done = new Set(cells.map((x) => `${x.jurorId}:${x.number}`));
  const active = jurors.filter((j) => j.revokedAt === null);
  return {
    nomineeCount: nominees.length,
    jurors: jurors.map((j) => jurorJson(j, nominees.length, zone, now)),
    missing: active.flatMap((j) =>
      nominees
        .filter((n) => !done.has(`${j.id}:${n.number}`))
        .map((n) => ({ juror: j.name, jurorId: j.id, number: n.number, name: n.name })),
    ),
  };
}
