/** Synthetic reports for component tests (built here, not copied from any real output). */
import { REPORT_SCHEMA, type Finding, type FindingRef, type Report, type ReportTable, type Severity } from '../../src/report/types';
import type { BBox } from '../../src/pdf/types';

export function finding(id: string, severity: Severity, rule: string, refs: { page: number; bbox: BBox; text?: string; tableId?: string; row?: number; col?: number; role?: FindingRef['role'] }[], extra: Partial<Finding> = {}): Finding {
  return {
    id,
    rule,
    severity,
    message: `${id} 合计不等于各项之和`,
    messageEn: `${id} total does not equal the sum of its items`,
    expected: '100.00',
    actual: '99.99',
    difference: '0.01',
    refs: refs.map((r, i) => ({ text: r.text ?? `${i}`, role: i === 0 ? 'total' : 'item', ...r })),
    key: `${rule}|${id}`,
    anchor: 0,
    suspects: [],
    ...extra,
  };
}

export function table(id: string, rows: string[][], pages = [2]): ReportTable {
  return {
    id,
    title: `${id} 收支总表`,
    type: null,
    pages,
    unit: '万元',
    headerRows: 1,
    columnHeaders: rows[0].map((h) => [h]),
    rows: rows.map((r, ri) => r.map((text, ci) => ({ text, page: pages[0], bbox: [50 + ci * 80, 100 + ri * 20, 120 + ci * 80, 116 + ri * 20] as BBox, rowSpan: 1, colSpan: 1 }))),
  };
}

export function sampleReport(): Report {
  const t1 = table('t1', [
    ['项目', '金额'],
    ['合计', '100.00'],
    ['工资', '60.00'],
    ['公用', '39.99'],
  ]);
  const t2 = table('t2', [
    ['项目', '金额'],
    ['总计', '5.00'],
  ], [4]);
  return {
    schema: REPORT_SCHEMA,
    file: 'demo.pdf',
    pages: 5,
    elapsedMs: 1234,
    document: { title: '某局2022年度部门预算', department: '某局', year: 2022, kind: 'budget' },
    tables: [t1, t2],
    paragraphs: [],
    findings: [
      finding('f3', 'info', 'text.amount', [{ page: 4, bbox: [300, 500, 340, 512], tableId: 't2', row: 1, col: 1 }]),
      finding('f1', 'error', 'sum.rows', [
        { page: 2, bbox: [130, 120, 200, 136], text: '100.00', tableId: 't1', row: 1, col: 1 },
        { page: 2, bbox: [130, 140, 200, 156], text: '60.00', tableId: 't1', row: 2, col: 1 },
        { page: 3, bbox: [130, 160, 200, 176], text: '39.99' },
      ]),
      finding('f2', 'warning', 'cross.table', [{ page: 2, bbox: [400, 300, 460, 312], tableId: 't1', row: 3, col: 1 }], { expected: undefined, actual: undefined, difference: undefined }),
    ],
    unchecked: [{ tableId: 't2', reason: '无法识别表格类型', reasonEn: 'Unknown table type' }],
  };
}
