/**
 * How strictly a table's reading must prove itself (./reading/localize.ts, ./reading/confirm.ts).
 */
export interface ReadingSettings {
  /** At most this many cells may be wrong in a confirmed reading (k). */
  maxSuspects: number;
  /** …and at most this share of the cells its identities involve (rounded up). */
  maxSuspectShare: number;
  /** Bound on the candidate sets tried (a misread table has few small hitting sets; this keeps it bounded). */
  maxCandidateSets: number;
}

export const READING_SETTINGS: ReadingSettings = { maxSuspects: 2, maxSuspectShare: 0.1, maxCandidateSets: 4000 };
