/**
 * A per-table guard for rules: a rule that fails on one table leaves an `unchecked` note for it,
 * and the other tables are still checked.
 */
import type { RecognizedTable } from '../recognize/tables';
import { withSink, type Sink, type TableFailure } from '../recognize/reading/support';
import type { DraftFinding } from './types';

export type { TableFailure };

const failures: Sink<TableFailure> = { current: null };

/** The engine sets a sink while rules run; rules report per-table failures into it. */
export function withFailureSink<T>(sink: TableFailure[], fn: () => T): T {
  return withSink(failures, sink, fn);
}

/** Runs `fn` for each table, catching a failure on one table so the others are still checked. */
export function eachTable(rule: string, tables: RecognizedTable[], fn: (rt: RecognizedTable) => (DraftFinding | null)[] | void): DraftFinding[] {
  const out: DraftFinding[] = [];
  for (const rt of tables) {
    try {
      const found = fn(rt);
      if (found) for (const f of found) if (f) out.push(f);
    } catch (e) {
      failures.current?.push({ tableId: rt.table.id, rule, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return out;
}
