/**
 * 类 = Σ款，款 = Σ项（功能分类）；301 = Σ301xx（经济分类）。
 * A class row equals the sum of its sections, a section the sum of its items (function codes);
 * an economic class (301) the sum of its 5-digit codes (301xx).
 */
import Decimal from 'decimal.js';
import { isAncestor } from '../../codes';
import type { Pane, RecognizedRow, RecognizedTable } from '../../tables';
import type { Statement, IdentitySource } from '../types';
import { checkSum, columnName, figureAt, rowName, rowNameEn, sumFigures, type CellFigure } from '../support';
import { dominantCodeKind } from '../structure';

/** Rows between group/total rows: codes repeat per unit, so children are looked up within a segment. */
function segments(pane: Pane): RecognizedRow[][] {
  const out: RecognizedRow[][] = [[]];
  for (const r of pane.rows) {
    if (r.kind === 'group' || r.kind === 'total') out.push([]);
    else if (r.code) out[out.length - 1].push(r);
  }
  return out.filter((s) => s.length > 1);
}

/**
 * The rows a parent code stands over: the run of its descendants right after it (or, in a table
 * that lists the parent under its items, right before it). A class printed twice (301 工资福利支出
 * under 501 and again under 505) heads only its own run, not the other copy's items.
 */
function descendantsOf(seg: RecognizedRow[], i: number, kind: string): RecognizedRow[] {
  const parent = seg[i].code!.code;
  const isDesc = (r: RecognizedRow) => r.code!.kind === kind && isAncestor(parent, r.code!.code);
  const after: RecognizedRow[] = [];
  for (let j = i + 1; j < seg.length && isDesc(seg[j]); j++) after.push(seg[j]);
  if (after.length) return after;
  const before: RecognizedRow[] = [];
  for (let j = i - 1; j >= 0 && isDesc(seg[j]); j--) before.unshift(seg[j]);
  return before;
}

function checkPane(rule: IdentitySource, rt: RecognizedTable, pane: Pane): (Statement | null)[] {
  const kind = dominantCodeKind(pane);
  if (!kind) return [];
  const out: (Statement | null)[] = [];
  for (const seg of segments(pane)) {
    for (const [i, parent] of seg.entries()) {
      if (parent.code!.kind !== kind) continue;
      const desc = descendantsOf(seg, i, kind);
      if (!desc.length) continue;
      const depth = Math.min(...desc.map((r) => r.code!.code.length));
      const children = desc.filter((r) => r.code!.code.length === depth);
      for (const col of pane.amountCols) {
        const sum = sumFigures(rt, parent.row, children.map((c) => c.row), col);
        if (!sum) continue;
        const { total, figs } = sum;
        const level = kind === 'function' ? (parent.code!.level === 1 ? '类' : '款') : '类';
        const upheld = upperLevelHolds(rt, pane, seg, parent, col, kind);
        const childLevel = kind === 'function' ? (depth === 5 ? '款' : '项') : '款';
        out.push(
          checkSum({
            rule: kind === 'function' ? 'hierarchy.function-code' : 'hierarchy.economic-code',
            total,
            items: figs,
            where: `${columnName(rt, col)}列 ${rowName(rt, parent.row, parent.label, parent.code!.code)}（${level}）：`,
            whereEn: `column ${columnName(rt, col)}, ${rowNameEn(parent.row, parent.label, parent.code!.code)}: `,
            totalName: '',
            totalNameEn: '',
            itemsName: `所属${childLevel}之和`,
            itemsNameEn: `the sum of its ${childLevel === '项' ? 'items' : 'sections'} (${children.map((c) => c.code!.code).join(', ').slice(0, 60)})`,
            // A parent that adds up correctly into the level above is less likely wrong than its items.
            suspect: upheld ? 'items' : 'total',
          }),
        );
      }
    }
  }
  return out;
}

/** True when `row` and its siblings add up exactly to their parent (or to the pane's 合计 row). */
function upperLevelHolds(rt: RecognizedTable, pane: Pane, seg: RecognizedRow[], row: RecognizedRow, col: number, kind: string): boolean {
  const at = seg.indexOf(row);
  // The nearest row above (or below) whose run of descendants holds this row.
  let parentAt = -1;
  for (let j = 0; j < seg.length; j++) {
    if (j === at || seg[j].code!.kind !== kind || !isAncestor(seg[j].code!.code, row.code!.code)) continue;
    if (!descendantsOf(seg, j, kind).includes(row)) continue;
    if (parentAt < 0 || seg[j].code!.code.length > seg[parentAt].code!.code.length) parentAt = j;
  }
  const parent = parentAt >= 0 ? seg[parentAt] : undefined;
  let total: CellFigure | null = null;
  let siblings: RecognizedRow[];
  if (parent) {
    total = figureAt(rt, parent.row, col);
    const desc = descendantsOf(seg, parentAt, kind);
    const depth = Math.min(...desc.map((r) => r.code!.code.length));
    siblings = desc.filter((r) => r.code!.code.length === depth);
  } else {
    // 公开06表 spreads the classes over panes: 人员经费合计 / 公用经费合计 are their level above.
    if (kind === 'economic' && economicTotalHolds(rt, row.code!.code, col)) return true;
    const t = pane.rows.find((r) => r.kind === 'total' && !/人员经费|公用经费/.test(r.label));
    if (!t) return false;
    total = figureAt(rt, t.row, col);
    const min = Math.min(...seg.filter((r) => r.code!.kind === kind).map((r) => r.code!.code.length));
    siblings = seg.filter((r) => r.code!.kind === kind && r.code!.code.length === min);
  }
  if (!total || !siblings.includes(row)) return false;
  const figs = siblings.map((r) => figureAt(rt, r.row, col));
  if (figs.some((f) => !f)) return false;
  return figs.reduce((s, f) => s.plus(f!.value), new Decimal(0)).eq(total.value);
}

const PERSONNEL = ['301', '303'];
const PUBLIC = ['302', '307', '309', '310', '399'];

/** 公开06表: an economic class adds up with the others of its kind into 人员经费合计 / 公用经费合计. */
function economicTotalHolds(rt: RecognizedTable, code: string, col: number): boolean {
  const group = PERSONNEL.includes(code) ? PERSONNEL : PUBLIC.includes(code) ? PUBLIC : null;
  if (!group) return false;
  const name = group === PERSONNEL ? '人员经费' : '公用经费';
  let sum = new Decimal(0);
  let total: Decimal | null = null;
  for (const pane of rt.panes) {
    const amount = pane.amountCols.includes(col) ? col : pane.amountCols[0];
    for (const r of pane.rows) {
      if (r.code?.kind === 'economic' && r.code.level === 1 && group.includes(r.code.code) && amount !== undefined) sum = sum.plus(figureAt(rt, r.row, amount)?.value ?? 0);
      if (r.label.includes(name) && /合计/.test(r.label)) {
        const cols = rt.panes.flatMap((p) => p.amountCols).filter((c) => c > pane.columns[0]).sort((a, b) => a - b);
        total = cols.map((c) => figureAt(rt, r.row, c)).find((f) => f && !f.blank)?.value ?? total;
      }
    }
  }
  return total !== null && total.eq(sum);
}

export const codeHierarchy: IdentitySource = {
  id: 'hierarchy.codes',
  family: 'hierarchy',
  title: '类 = Σ款，款 = Σ项；301 = Σ301xx',
  titleEn: 'A class equals the sum of its sections, a section the sum of its items (function and economic codes)',
  read(rt) {
    return rt.panes.flatMap((p) => checkPane(this, rt, p));
  },
};
