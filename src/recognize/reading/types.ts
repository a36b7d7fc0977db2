/**
 * What the reading of a table states: each identity its rows and columns imply, said with its
 * figures. A source enumerates the identities of one kind (column sums, row sums, the code
 * hierarchy …); the reading is confirmed from all of them (./confirm.ts) before any rule reads it.
 */
import type { Finding } from '../../report/types';
import type { RecognizedTable } from '../tables';

/**
 * An identity said with its figures — the finding a rule reports when it fails, or its 尾差 (info)
 * when the difference is within the rounding of the printed figures. (The report's finding shape:
 * a type only; recognition has no code of the later stages.)
 */
export type Statement = Omit<Finding, 'id' | 'key' | 'anchor' | 'suspects' | 'family'> & {
  family?: string;
  suspects?: number[];
  /** The source that stated it (a rule of the same id reports it). */
  source?: string;
  /** A total printed over items all left blank: rows missing from the page (a fact, not an identity of the reading). */
  rowsMissing?: true;
};

export interface IdentitySource {
  /** The id the rule reporting these identities has, e.g. `sum.columns`. */
  id: string;
  family: 'sum' | 'hierarchy' | 'identity';
  /** The identity in one line of Chinese and English. */
  title: string;
  titleEn: string;
  /** Every identity of this kind the table's reading implies; each is recorded while read (./support.ts). */
  read(rt: RecognizedTable): (Statement | null)[];
}
