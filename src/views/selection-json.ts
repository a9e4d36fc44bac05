import type { CombinedResult, CombinedResultRow } from "../db/queries/combined";
import type { InviteWithUse } from "../db/queries/invitations";
import type { JurorWithProgress } from "../db/queries/jury";
import type { ReviewItem, UnitNomination } from "../db/queries/nominations";
import type { NominationInvite, SelectionSettings } from "../db/schema";
import { linkState } from "../domain/selection-links";
import { isoInZone } from "../domain/time";
import { profileJson } from "./api-json";

/** JSON shapes of the selection: what units, jurors and organizers get back. */

const iso = (ms: number | null, zone: string) => (ms === null ? null : isoInZone(ms, zone));

/** A nomination as its unit sees it (the review comment included). */
export function unitNomination(n: UnitNomination, zone: string) {
  return {
    id: n.id,
    status: n.status,
    ...profileJson(n),
    reviewComment: n.reviewComment,
    number: n.number,
    submittedAt: iso(n.submittedAt, zone),
    decidedAt: iso(n.decidedAt, zone),
    updatedAt: iso(n.updatedAt, zone),
  };
}

/** A nomination in the organizer's review queue. */
export function reviewItem(n: ReviewItem, zone: string) {
  return {
    ...unitNomination({ ...n, number: null }, zone),
    nominatingUnit: n.inviteUnit,
    decidedBy: n.decidedBy,
  };
}

export function inviteJson(i: InviteWithUse | NominationInvite, zone: string, now: number) {
  return {
    id: i.id,
    unit: i.unit,
    group: i.groupName,
    contact: i.contact,
    quota: i.quota,
    ...("used" in i ? { used: i.used, submitted: i.submitted } : {}),
    state: linkState(i, now),
    expiresAt: iso(i.expiresAt, zone),
    revokedAt: iso(i.revokedAt, zone),
    createdAt: iso(i.createdAt, zone),
  };
}

export function jurorJson(j: JurorWithProgress, nomineeCount: number, zone: string, now: number) {
  return {
    id: j.id,
    name: j.name,
    state: linkState(j, now),
    scored: j.scored,
    missing: j.revokedAt === null ? Math.max(0, nomineeCount - j.scored) : 0,
    expiresAt: iso(j.expiresAt, zone),
    revokedAt: iso(j.revokedAt, zone),
  };
}

export function settingsJson(s: SelectionSettings, zone: string, now: number) {
  return {
    nominationsCloseAt: iso(s.nominationsCloseAt, zone),
    nominationsOpen: s.nominationsCloseAt !== null && now < s.nominationsCloseAt,
    defaultQuota: s.defaultQuota,
    weights: { public: s.weightPublic, committee: 100 - s.weightPublic },
    publicMethod: s.publicMethod,
    scoringClosed: s.scoringClosedAt !== null,
    scoringClosedAt: iso(s.scoringClosedAt, zone),
  };
}

/** The combined result as the organizer API and the exports give it. */
export function combinedJson(r: CombinedResult) {
  return {
    weights: { public: r.settings.weightPublic, committee: 100 - r.settings.weightPublic },
    publicMethod: r.settings.publicMethod,
    method: r.method,
    methodEn: r.methodEn,
    jurors: r.jurorCount,
    tieBreak: ["committeeScore", "number"],
    rows: r.rows.map(combinedRowJson),
  };
}

export function combinedRowJson(x: CombinedResultRow) {
  return {
    rank: x.rank,
    number: x.number,
    name: x.name,
    unit: x.unit,
    group: x.group,
    likes: x.likes,
    publicRank: x.publicRank,
    publicScore: x.publicScore,
    committeeScore: x.committeeScore,
    committeeRank: x.committeeRank,
    scoresGiven: x.scoresGiven,
    scoresMissing: x.scoresMissing,
    combinedScore: x.combinedScore,
    tie: x.tie,
    honoree: x.honoree,
  };
}
