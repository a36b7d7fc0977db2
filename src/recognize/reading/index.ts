/**
 * A table reading that proves itself before any rule reads it. Every source states the identities
 * of its kind that the reading implies (column sums, row sums, the code and numbering hierarchies,
 * the summary's balance and grand totals, carry-overs); the smallest set of cells that explains the
 * failing ones decides whether the reading is confirmed. When it is not, the other readings real
 * producers make necessary are tried (../alternatives.ts) and one replaces it only when it needs
 * fewer wrong cells. An unconfirmed table's cells are read by no rule.
 */
import type { RecognizedTable } from '../tables';
import { READING_ALTERNATIVES } from '../alternatives';
import { betterReading, readTable, type TableReading } from './confirm';
import { withIdentitySink, type RecordedIdentity, type TableFailure } from './support';
import type { IdentitySource, Statement } from './types';
import { columnSums } from './sources/column-sums';
import { rowSums } from './sources/row-sums';
import { codeHierarchy } from './sources/code-hierarchy';
import { numberedHierarchy } from './sources/numbered-hierarchy';
import { summaryIdentities } from './sources/summary';
import { carryOver } from './sources/carry-over';

/** The one list of identity sources; a rule of the same id reports each one's findings. */
export const IDENTITY_SOURCES: IdentitySource[] = [columnSums, rowSums, codeHierarchy, numberedHierarchy, summaryIdentities, carryOver];

/** One reading of a table: what every source states on it, and the localisation of its failures. */
function readOnce(rt: RecognizedTable, sources: IdentitySource[]): TableReading {
  const identities: RecordedIdentity[] = [];
  const statements: Statement[] = [];
  const failures: TableFailure[] = [];
  withIdentitySink(identities, () => {
    for (const source of sources) {
      try {
        for (const s of source.read(rt)) {
          if (!s) continue;
          // Tagged in place: the recorded identity keeps pointing at the same statement.
          s.source = source.id;
          statements.push(s);
        }
      } catch (e) {
        failures.push({ tableId: rt.table.id, rule: source.id, error: e instanceof Error ? e.message : String(e) });
      }
    }
  });
  return readTable(rt, identities, statements, failures);
}

/** The confirmed reading of a table, or its best unconfirmed one (with its evidence). */
export function confirmReading(rt: RecognizedTable, all: IdentitySource[] = IDENTITY_SOURCES): TableReading {
  // A table whose rows go on in a part not joined to it states no identity over its rows (a 合计 row
  // is not the sum of the rows printed here): only those within each row.
  const sources = rt.table.cut ? all.filter((s) => s === columnSums) : all;
  const mark = (r: TableReading): TableReading => (rt.table.cut ? { ...r, evidence: { ...r.evidence, cut: true } } : r);
  return mark(bestReading(rt, sources));
}

function bestReading(rt: RecognizedTable, sources: IdentitySource[]): TableReading {
  const first = readOnce(rt, sources);
  if (first.localisation.held === first.localisation.identities) return first;
  // Misread, or wrong? Try the other readings; keep one only when it explains the table with fewer wrong cells.
  let best = first;
  for (const alt of READING_ALTERNATIVES) {
    for (const variant of alt.apply(rt)) {
      const r = readOnce(variant, sources);
      if (betterReading(r, best)) best = { ...r, evidence: { ...r.evidence, alternative: alt.name } };
    }
  }
  return best;
}

export { confirmedFindings, unconfirmedNote, unreadable, type TableReading } from './confirm';
export type { IdentitySource, Statement } from './types';
