/**
 * 项目个数：说明中“涉及项目N个”等于项目支出表列出的项目行数。
 * Counts: a narrative “涉及项目 N 个” equals the number of projects the 项目支出表 lists.
 */
import type { NarrativeCount } from '../recognize/narrative';
import { cellValue, type RecognizedRow, type RecognizedTable } from '../recognize/tables';
import type { DraftFinding, Rule } from './types';
import { numberRef, partsOf, quote, statementsOf, tablesInScope } from './narrative-support';
import { projectNameCells } from '../recognize/statement';

export const narrativeCounts: Rule = {
  id: 'narrative.counts',
  family: 'narrative-arithmetic',
  title: '说明中的项目个数等于项目支出表列出的项目数',
  titleEn: 'The number of projects stated equals the projects listed',
  check(ctx) {
    const out: DraftFinding[] = [];
    const parts = partsOf(ctx);
    for (const st of statementsOf(ctx)) {
      if (st.measure !== 'count' || st.source.kind !== 'count' || st.source.noun !== '项目') continue;
      const c: NarrativeCount = st.source;
      if (!/涉及|共|包括/.test(c.text) || /绩效(自评|评价|监控)|重点/.test(c.text)) continue;
      // 一级 / 二级项目: a level the table's rows need not be (烟台 2026: 一级项目6个, 12 rows of 二级 ones)
      if (/[一二三]级(预算)?项目/.test(c.text)) continue;
      // the 项目支出表 of the statement's own 单位 part
      const projectTables = tablesInScope(ctx.tables, st, parts).filter((t) => t.type === 'ProjectExpenditure');
      if (projectTables.length !== 1) continue;
      const rt = projectTables[0];
      const rows = projectRows(rt);
      if (rows.length === 0 || c.number.value.eq(rows.length)) continue;
      // a name printed on two rows (one project under two units or funds, or rows of a lower level): rows are not projects
      const names = rows.map((r) => projectNameCells(rt, rt.panes[0], r)[0] ?? r.label.replace(/\s+/g, ''));
      if (new Set(names).size !== names.length) continue;
      const cell = rt.table.rows[rows[0].row]?.find((x) => x);
      out.push({
        rule: 'narrative.counts',
        severity: 'warning',
        message: `说明中“${quote(c.text)}”写项目 ${c.number.text} 个，而“${rt.table.title || `第 ${rt.table.pages[0]} 页的表`}”列出 ${rows.length} 个有金额的项目。`,
        messageEn: `The narrative counts ${c.number.text} projects; “${rt.table.title}” lists ${rows.length}.`,
        expected: String(rows.length),
        actual: c.number.text,
        refs: [numberRef(c.paragraph, c.number), ...(cell ? [{ page: cell.page, bbox: cell.bbox, text: cell.text, tableId: rt.table.id, row: rows[0].row, role: 'item' as const }] : [])],
      });
    }
    return out;
  },
};

/** The project rows of a 项目支出表: data rows with a printed (non-zero) amount. */
function projectRows(rt: RecognizedTable): RecognizedRow[] {
  const pane = rt.panes[0];
  if (!pane) return [];
  const withAmount = pane.rows.filter((r) => r.kind === 'data' && pane.amountCols.some((c) => {
    const v = cellValue(rt.table, r.row, c);
    return v.kind === 'number' && v.value !== null && !v.value.isZero();
  }));
  // a project row: no code of its own (coded rows are the 科目 subtotals above the projects) — or,
  // when every row prints its 项 code beside the project's name, each of those rows
  const uncoded = withAmount.filter((r) => !r.code);
  return uncoded.length > 0 ? uncoded : withAmount.every((r) => r.code?.kind === 'function' && r.code.level === 3) ? withAmount : [];
}
