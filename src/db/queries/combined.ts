import {
  type CombinedRow,
  combineScores,
  methodText,
  methodTextEn,
} from "../../domain/combined-score";
import type { Database } from "../client";
import type { Campaign, SelectionSettings } from "../schema";
import { listNomineesAdmin } from "./admin-nominees";
import { allScores, listJurors } from "./jury";
import { getSelectionSettings } from "./selection";

export type CombinedResultRow = CombinedRow & {
  name: string;
  position: string;
  unit: string;
  group: string;
  honoree: boolean;
};

export interface CombinedResult {
  settings: SelectionSettings;
  scoringClosed: boolean;
  jurorCount: number;
  method: string;
  methodEn: string;
  /** In combined order (rank 1 first). */
  rows: CombinedResultRow[];
}

/** The combined rows by nominee number, once scoring is closed (before that: none to show). */
export function closedCombinedByNumber(
  result: CombinedResult | undefined,
): Map<number, CombinedResultRow> {
  return new Map(result?.scoringClosed ? result.rows.map((r) => [r.number, r]) : []);
}

/**
 * The combined result of a campaign, from the counters and the scores of the jurors still on the
 * panel: everything domain/combined-score needs, read in three queries.
 */
export async function combinedResult(db: Database, campaign: Campaign): Promise<CombinedResult> {
  const [settings, nominees, scores, jurors] = await Promise.all([
    getSelectionSettings(db, campaign.id),
    listNomineesAdmin(db, campaign.id),
    allScores(db, campaign.id),
    listJurors(db, campaign.id),
  ]);
  const byNumber = new Map(nominees.map((n) => [n.number, n]));
  const jurorCount = jurors.filter((j) => j.revokedAt === null).length;
  const rows = combineScores(
    nominees.map((n) => ({
      number: n.number,
      likes: n.likes,
      scores: scores.filter((s) => s.number === n.number).map((s) => s.score),
    })),
    { weightPublic: settings.weightPublic, method: settings.publicMethod, jurorCount },
  );
  return {
    settings,
    scoringClosed: settings.scoringClosedAt !== null,
    jurorCount,
    method: methodText(settings.weightPublic, settings.publicMethod),
    methodEn: methodTextEn(settings.weightPublic, settings.publicMethod),
    rows: rows.map((r) => {
      const n = byNumber.get(r.number);
      return {
        ...r,
        name: n?.name ?? "",
        position: n?.position ?? "",
        unit: n?.unit ?? "",
        group: n?.groupName ?? "",
        honoree: n?.honoree ?? false,
      };
    }),
  };
}
