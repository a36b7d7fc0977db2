/**
 * 项目个数：说明中“涉及项目N个”等于项目支出表列出的项目行数。
 * Counts: a narrative “涉及项目 N 个” equals the number of projects the 项目支出表 lists.
 */
import type { NarrativeCount } from '../recognize/narrative';
import { cellValue } from '../recognize/tables';
import type { DraftFinding, Rule } from './types';
import { numberRef, quote } from './narrative-support';

export const narrativeCounts: Rule = {
  id: 'narrative.counts',
  family: 'narrative-arithmetic',
  title: '说明中的项目个数等于项目支出表列出的项目数',
  titleEn: 'The number of projects stated equals the projects listed',
  check(ctx) {
    const out: DraftFinding[] = [];
    const projectTables = ctx.tables.filter((t) => t.type === 'ProjectExpenditure');
    if (projectTables.length !== 1) return [];
    const rt = projectTables[0];
    const pane = rt.panes[0];
    if (!pane) return [];
    // a project row: a data row with a printed (non-zero) amount and no code of a unit
    const withAmount = pane.rows.filter((r) => r.kind === 'data' && pane.amountCols.some((c) => {
      const v = cellValue(rt.table, r.row, c);
      return v.kind === 'number' && v.value !== null && !v.value.isZero();
    }));
    // a project row: no code of its own (coded rows are the 科目 subtotals above the projects) — or,
    // when every row prints its 项 code beside the project's name, each of those rows
    const uncoded = withAmount.filter((r) => !r.code);
    const rows = uncoded.length > 0 ? uncoded : withAmount.every((r) => r.code?.kind === 'function' && r.code.level === 3) ? withAmount : [];
    if (rows.length === 0) return [];
    for (const s of ctx.narrative) {
      if (s.kind !== 'count' || (s as NarrativeCount).noun !== '项目') continue;
      const c = s as NarrativeCount;
      if (!/涉及|共|包括/.test(c.text) || /绩效(自评|评价|监控)|重点/.test(c.text)) continue;
      if (c.number.value.eq(rows.length)) continue;
      const cell = rt.table.rows[rows[0].row]?.find((x) => x);
      out.push({
        rule: 'narrative.counts',
        severity: 'warning',
        message: `说明中“${quote(c.text)}”写项目 ${c.number.text} 个，而“${rt.table.title || rt.table.id}”列出 ${rows.length} 个有金额的项目。`,
        messageEn: `The narrative counts ${c.number.text} projects; “${rt.table.title}” lists ${rows.length}.`,
        expected: String(rows.length),
        actual: c.number.text,
        refs: [numberRef(c.paragraph, c.number), ...(cell ? [{ page: cell.page, bbox: cell.bbox, text: cell.text, tableId: rt.table.id, row: rows[0].row, role: 'item' as const }] : [])],
      });
    }
    return out;
  },
};
