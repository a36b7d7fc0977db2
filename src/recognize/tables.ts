/**
 * Recognition of rebuilt tables: type, rows (codes, labels, totals) and columns (header paths,
 * aggregates). Placeholder contract; the checks issue fills it in.
 */
import type { Table } from '../layout/types';

export interface RecognizedTable {
  table: Table;
  /** e.g. `IncomeExpenditureSummary` (收支总表); null when not recognised. */
  type: string | null;
}

export function recognizeTables(tables: Table[]): RecognizedTable[] {
  return tables.map((table) => ({ table, type: null }));
}
