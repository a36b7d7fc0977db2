/**
 * 合计列 = 其所汇总各列之和（合计 = 基本支出 + 项目支出；小计 = 人员经费 + 公用经费；“三公”合计 = 三项之和 …）。
 * An aggregate column (合计, 小计, 本年收入合计 …) equals, in every row, the sum of the columns it adds up.
 */
import type { IdentitySource, Statement } from '../types';
import { checkSum, columnName, figureAt, rowName, rowNameEn, type CellFigure } from '../support';

export const columnSums: IdentitySource = {
  id: 'sum.columns',
  family: 'sum',
  title: '合计列 = 所汇总各列之和',
  titleEn: 'An aggregate column equals the sum of the columns it adds up',
  read(rt) {
    const out: (Statement | null)[] = [];
    for (const agg of rt.aggregates) {
      const pane = rt.panes.find((p) => p.amountCols.includes(agg.total));
      if (!pane) continue;
      for (const r of pane.rows) {
        if (r.kind === 'blank') continue;
        const total = figureAt(rt, r.row, agg.total);
        if (!total) continue;
        const items = agg.parts.map((c) => figureAt(rt, r.row, c));
        if (items.some((f) => f === null)) continue;
        const figs = items as CellFigure[];
        // A row where the total and every part are blank carries nothing to check.
        if (total.blank && figs.every((f) => f.blank)) continue;
        const partNames = agg.parts.map((c) => rt.columns[c].path[rt.columns[c].path.length - 1] ?? '').join(' + ');
        out.push(
          checkSum({
            rule: this.id,
            total,
            items: figs,
            where: `${rowName(rt, r.row, r.label, r.code?.code)}行 `,
            whereEn: `${rowNameEn(r.row, r.label, r.code?.code)}: `,
            totalName: columnName(rt, agg.total),
            totalNameEn: columnName(rt, agg.total),
            itemsName: partNames,
            itemsNameEn: partNames,
          }),
        );
      }
    }
    return out;
  },
};
