/**
 * What a like's request looked like, kept as a bit set on the ledger row for the anomaly review.
 * Signals never refuse a like by themselves; they make patterns visible to a person.
 */
export const SIGNAL = {
  /** The request carried no voter cookie: the client never loaded one of our pages. */
  noPageLoad: 1,
  /** The like came with a solved proof-of-work challenge. */
  challengeSolved: 2,
  /** The like came with a verified Turnstile token. */
  turnstile: 4,
} as const;

export function hasSignal(signals: number, bit: number): boolean {
  return (signals & bit) !== 0;
}
