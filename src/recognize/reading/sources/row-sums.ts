/**
 * 合计行 = 各项之和（有编码的表按最高一级科目或单位汇总；无编码的表按最高一级编号项目）。
 * A total row (合计, 本年收入合计, 金额合计 …) equals the sum of the rows it totals: the top-level
 * codes or unit groups of a coded table, the top-level numbered items of a list.
 */
import type { Pane, RecognizedRow, RecognizedTable } from '../../tables';
import type { Statement, IdentitySource } from '../types';
import { checkSum, columnName, figureAt, rowName, rowNameEn, type CellFigure } from '../support';
import { dominantCodeKind, groupSegments, isSpecialTotal, leavesOfFlatList, topCodedRows, topListedRows } from '../structure';

function figures(rt: RecognizedTable, rows: RecognizedRow[], col: number): CellFigure[] | null {
  const out: CellFigure[] = [];
  for (const r of rows) {
    const f = figureAt(rt, r.row, col);
    if (!f) return null;
    out.push(f);
  }
  return out;
}

function compare(rule: IdentitySource, rt: RecognizedTable, total: RecognizedRow, items: RecognizedRow[], col: number, itemsName: string, itemsNameEn: string, guessed: boolean, tryLeaves = guessed): Statement | null {
  if (!items.length) return null;
  const t = figureAt(rt, total.row, col);
  const f = figures(rt, items, col);
  if (!t || !f) return null;
  if (t.blank && f.every((x) => x.blank)) return null;
  let found = checkSum({
    rule: rule.id,
    total: t,
    items: f,
    where: `${columnName(rt, col)}列 ${rowName(rt, total.row, total.label)}行：`,
    whereEn: `column ${columnName(rt, col)}, ${rowNameEn(total.row, total.label)}: `,
    totalName: total.label || '合计',
    totalNameEn: 'total',
    itemsName,
    itemsNameEn,
  });
  if (found && tryLeaves && found.severity === 'error') {
    // Try reading unmarked subtotals before calling it wrong: in a flat list the nesting is inferred,
    // and a numbered list may number a subtotal and its parts alike (一、本年支出 › 一、一般公共服务支出 …).
    const leaves = leavesOfFlatList(rt, items, col);
    const lf = figures(rt, leaves, col);
    if (lf && leaves.length !== items.length) {
      const again = checkSum({ rule: rule.id, total: t, items: lf, where: '', whereEn: '' });
      if (!again || again.severity === 'info') return again;
    }
    if (guessed) found = { ...found, severity: 'warning', message: `${found.message}（层级由排列推断）`, messageEn: `${found.messageEn} (nesting inferred from the layout)` };
  }
  return found;
}

function checkPane(rule: IdentitySource, rt: RecognizedTable, pane: Pane): (Statement | null)[] {
  const out: (Statement | null)[] = [];
  const kind = dominantCodeKind(pane);
  const totals = pane.rows.filter((r) => r.kind === 'total' && !isSpecialTotal(r));
  const groups = groupSegments(pane);
  for (const col of pane.amountCols) {
    if (kind) {
      for (const g of groups) {
        const items = topCodedRows(g.rows, kind);
        out.push(compare(rule, rt, g.head, items, col, '所属科目之和', 'sum of its subjects', false));
      }
      const items = groups.length ? groups.map((g) => g.head) : topCodedRows(pane.rows, kind);
      for (const t of totals.slice(0, 1)) out.push(compare(rule, rt, t, items, col, groups.length ? '各单位之和' : '各科目之和', groups.length ? 'sum of units' : 'sum of top-level subjects', false));
      continue;
    }
    if (groups.length) {
      for (const g of groups) out.push(compare(rule, rt, g.head, g.rows.filter((r) => r.kind === 'data'), col, '所属各项之和', 'sum of its items', true));
      for (const t of totals.slice(0, 1)) out.push(compare(rule, rt, t, groups.map((g) => g.head), col, '各单位之和', 'sum of units', false));
      continue;
    }
    // A list: the first total adds up the top-level items before it (or after it when it comes first).
    const first = totals[0];
    if (!first) continue;
    const idx = pane.rows.indexOf(first);
    const before = pane.rows.slice(0, idx).filter((r) => r.kind !== 'blank');
    const after: RecognizedRow[] = [];
    for (const r of pane.rows.slice(idx + 1)) {
      if (r.kind === 'total') break;
      after.push(r);
    }
    const segment = before.length ? before : after;
    const top = topListedRows(segment);
    const numbered = top.some((r) => r.numbering);
    out.push(compare(rule, rt, first, top, col, numbered ? '各编号项目之和' : '各项之和', numbered ? 'sum of numbered items' : 'sum of items', !numbered, true));
  }
  return out;
}

/** Performance-target forms have no standard nesting: what their rows add up to is a guess. */
function downgradeGuesses(rt: RecognizedTable, found: (Statement | null)[]): (Statement | null)[] {
  if (rt.type !== 'PerformanceTarget') return found;
  return found.map((f) =>
    f && f.severity === 'error' ? { ...f, severity: 'warning', message: `${f.message}（绩效目标表的层级由排列推断）`, messageEn: `${f.messageEn} (nesting of a performance form inferred)` } : f,
  );
}

export const rowSums: IdentitySource = {
  id: 'sum.rows',
  family: 'sum',
  title: '合计行 = 各项之和',
  titleEn: 'A total row equals the sum of the rows it totals',
  read(rt) {
    return downgradeGuesses(rt, rt.panes.flatMap((p) => checkPane(this, rt, p)));
  },
};
