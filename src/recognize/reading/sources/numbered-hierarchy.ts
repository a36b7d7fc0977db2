/**
 * 编号层级：一、= Σ（一）或 Σ1、…；“其中”项不大于其上级项。
 * Numbered structure: an item numbered 一、 equals the sum of the items numbered below it
 * (（一） / 1、 / （1）); a 其中 row never exceeds the row it belongs to.
 */
import type { Pane, RecognizedRow, RecognizedTable } from '../../tables';
import type { Statement, IdentitySource } from '../types';
import { checkSum, columnName, figureAt, refOf, rowName, rowNameEn, sumFigures } from '../support';
import { isCoded } from '../structure';
import { show } from '../precision';

function numberedChildren(rows: RecognizedRow[], i: number): RecognizedRow[] {
  const parent = rows[i];
  const level = parent.numbering!.level;
  const block: RecognizedRow[] = [];
  for (let j = i + 1; j < rows.length; j++) {
    const r = rows[j];
    if (r.kind === 'total') break;
    if (r.numbering && r.numbering.level <= level) break;
    if (r.numbering && r.kind === 'data') block.push(r);
  }
  if (!block.length) return [];
  const min = Math.min(...block.map((r) => r.numbering!.level));
  return block.filter((r) => r.numbering!.level === min);
}

function checkPane(rule: IdentitySource, rt: RecognizedTable, pane: Pane): (Statement | null)[] {
  if (isCoded(pane)) return [];
  const out: (Statement | null)[] = [];
  const rows = pane.rows.filter((r) => r.kind !== 'blank');
  for (let i = 0; i < rows.length; i++) {
    const parent = rows[i];
    // A label holding two levels at once (1、资金来源：(1)政府预算资金) does not say what it adds up.
    if (parent.kind === 'data' && parent.numbering && !/[：:].*?[(（]?[\d一二三四五六七八九十]+[)）、．.]/.test(parent.label)) {
      const children = numberedChildren(rows, i);
      if (!children.length) continue;
      for (const col of pane.amountCols) {
        const sum = sumFigures(rt, parent.row, children.map((c) => c.row), col);
        if (!sum) continue;
        const { total, figs } = sum;
        out.push(
          checkSum({
            rule: 'hierarchy.numbered',
            total,
            items: figs,
            where: `${columnName(rt, col)}列 ${rowName(rt, parent.row, parent.label)}：`,
            whereEn: `column ${columnName(rt, col)}, ${rowNameEn(parent.row, parent.label)}: `,
            totalName: '',
            totalNameEn: '',
            itemsName: '下级编号项目之和',
            itemsNameEn: 'the sum of the items numbered under it',
          }),
        );
      }
    }
    if (parent.kind === 'ofWhich' && i > 0) {
      const owner = [...rows.slice(0, i)].reverse().find((r) => r.kind === 'data' || r.kind === 'total');
      if (!owner) continue;
      for (const col of pane.amountCols) {
        const part = figureAt(rt, parent.row, col);
        const whole = figureAt(rt, owner.row, col);
        if (!part || !whole || part.blank) continue;
        if (part.value.gt(whole.value)) {
          const d = Math.max(part.decimals, whole.decimals);
          out.push({
            rule: 'hierarchy.of-which',
            severity: 'error',
            message: `${columnName(rt, col)}列：“${parent.label}” ${show(part.value, d)} 大于其所属的 ${rowName(rt, owner.row, owner.label)} ${show(whole.value, d)}（其中项不应超过上级项，差 ${show(part.value.minus(whole.value), d)}）`,
            messageEn: `Column ${columnName(rt, col)}: “${parent.label}” ${show(part.value, d)} exceeds the row it belongs to, ${rowNameEn(owner.row, owner.label)} ${show(whole.value, d)} (difference ${show(part.value.minus(whole.value), d)})`,
            expected: `≤ ${show(whole.value, d)}`,
            actual: show(part.value, d),
            difference: show(part.value.minus(whole.value), d),
            refs: [refOf(part, 'item'), refOf(whole, 'total')],
          });
        }
      }
    }
  }
  return out;
}

export const numberedHierarchy: IdentitySource = {
  id: 'hierarchy.numbered',
  family: 'hierarchy',
  title: '编号项目 = 下级编号项目之和；其中项 ≤ 上级项',
  titleEn: 'A numbered item equals the sum of the items numbered under it; a 其中 row never exceeds its parent',
  read(rt) {
    return rt.panes.flatMap((p) => checkPane(this, rt, p));
  },
};
