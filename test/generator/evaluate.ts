/**
 * Scoring a Gouji report on a generated document: the loud findings (error / warning) of the table
 * families on a consistent document, and whether a typo is found — the changed cell among the refs
 * of a loud finding, and among its suspects when the finding names suspects. Used by the layout
 * variants test (variants.test.ts) and the full sweep (sweep.ts).
 */
import type { Finding, FindingRef, Report } from '../../src/report/types';
import type { GenerateOptions, Layout } from './model';
import type { Mutation } from './mutate';

/** The families whose loud findings must be 0 on a consistent document of any layout (issue 7). */
export const TABLE_FAMILIES = ['sum', 'hierarchy', 'identity', 'cross-table', 'classification'] as const;

const isLoud = (f: Finding) => f.severity === 'error' || f.severity === 'warning';

/** Loud findings of the table families. */
export function loudTableFindings(report: Report): Finding[] {
  return report.findings.filter((f) => isLoud(f) && (TABLE_FAMILIES as readonly string[]).includes(f.family ?? f.rule.split('.')[0]));
}

const squeeze = (s: string) => s.normalize('NFKC').replace(/[\s,]/g, '');

/** The ref is the mutated cell: its text is the typo, in the mutated table, on a row whose label or code is the mutated row's. */
export function isTypoRef(report: Report, mutation: Mutation, ref: FindingRef): boolean {
  if (ref.role === 'text' || squeeze(ref.text) !== squeeze(mutation.newText)) return false;
  const table = report.tables.find((t) => t.id === ref.tableId);
  if (!table || ref.row === undefined) return false;
  const title = squeeze(table.title ?? '');
  const wanted = squeeze(mutation.table ?? '');
  if (!title.includes(wanted) && !wanted.includes(title)) return false;
  const rowText = squeeze((table.rows[ref.row] ?? []).map((c) => c?.text ?? '').join(''));
  const label = squeeze(mutation.row ?? '');
  return rowText.includes(label) || (!!mutation.code && rowText.includes(mutation.code));
}

/** Loud findings (any family) that find the typo: the cell among the refs, and among the suspects when there are any. */
export function typoHits(report: Report, mutation: Mutation): Finding[] {
  return report.findings.filter((f) => {
    if (!isLoud(f)) return false;
    const at = f.refs.flatMap((r, i) => (isTypoRef(report, mutation, r) ? [i] : []));
    if (at.length === 0) return false;
    const suspects = (f as Finding & { suspects?: number[] }).suspects;
    return !suspects || suspects.length === 0 || at.some((i) => suspects.includes(i));
  });
}

/** A document of the sweep: its seed and options (the layout is added per variant). */
export interface SweepDocument {
  seed: string;
  options: GenerateOptions;
}

/** The i-th document of a sweep: 预算 and 决算, 万元 and 元, every other option drawn from the seed. */
export function sweepDocument(prefix: string, i: number): SweepDocument {
  return { seed: `${prefix}-${i}`, options: { kind: i % 3 === 2 ? '决算' : '预算', unit: i % 2 === 1 ? '元' : '万元' } };
}

/** The options of a sweep document drawn in one layout ('whole-yuan' prints its tables in 元). */
export function withLayout(doc: SweepDocument, layout: Layout): GenerateOptions {
  return layout === 'whole-yuan' ? { ...doc.options, unit: '元', layout } : { ...doc.options, layout };
}

/** One line describing a finding, for reports. */
export function describeFinding(report: Report, f: Finding): string {
  const ref = f.refs.find((r) => r.tableId);
  const table = ref ? report.tables.find((t) => t.id === ref.tableId) : undefined;
  return `${f.severity} ${f.rule}${table ? ` [${table.title}${ref?.page ? ` p.${ref.page}` : ''}]` : ''}: ${f.message}`;
}
