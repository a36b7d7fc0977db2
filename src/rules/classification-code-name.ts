/**
 * 科目编码与名称：表中与说明中的科目编码及其名称，应与《政府收支分类科目》一致（截断、年度措辞差异不算错）。
 * Code ↔ name: a classification code printed in a table or the narrative carries the official name
 * of the 政府收支分类科目 (truncated cells and year-to-year wording are not errors).
 */
import { CLASSIFICATION_SOURCE, compareNames, lookupCode } from '../classification';
import { cellText, type RecognizedTable } from '../recognize/tables';
import type { NarrativeCodeName } from '../recognize/narrative';
import type { DraftFinding, Rule } from './types';
import { figureAt, refOf } from './table-support';
import { textRef } from './narrative-support';

function tableFindings(rt: RecognizedTable): DraftFinding[] {
  const out: DraftFinding[] = [];
  for (const pane of rt.panes) {
    for (const row of pane.rows) {
      if (!row.code) continue;
      const entry = lookupCode(row.code.code);
      if (!entry) continue;
      const names = pane.labelCols.map((c) => ({ c, text: cellText(rt.table, row.row, c).replace(/^\s*\d{3,7}\s*/, '').trim() })).filter((n) => n.text && !/^[\d.,\s-]+$/.test(n.text));
      if (names.length === 0) continue;
      const verdicts = names.map((n) => ({ ...n, v: compareNames(entry.name, n.text, entry.code) }));
      if (verdicts.some((x) => x.v === 'same')) continue;
      const worst = verdicts.find((x) => x.v === 'near') ?? verdicts[0];
      const cell = rt.table.rows[row.row]?.[worst.c];
      const codeCol = pane.codeCols[0];
      const refs = [];
      if (cell) refs.push({ page: cell.page, bbox: cell.bbox, text: cell.text, tableId: rt.table.id, row: row.row, col: worst.c, role: 'item' as const });
      if (codeCol !== undefined) {
        const f = figureAt(rt, row.row, codeCol);
        const codeCell = rt.table.rows[row.row]?.[codeCol];
        if (codeCell) refs.push({ page: codeCell.page, bbox: codeCell.bbox, text: codeCell.text, tableId: rt.table.id, row: row.row, col: codeCol, role: 'item' as const });
        else if (f) refs.push(refOf(f, 'item'));
      }
      if (refs.length === 0) continue;
      out.push(finding(entry.code, entry.name, worst.text, worst.v === 'near' ? 'warning' : 'error', `表“${rt.table.title || rt.table.id}”第 ${row.row + 1} 行`, refs));
    }
  }
  return out;
}

function finding(code: string, official: string, shown: string, severity: 'warning' | 'error', where: string, refs: DraftFinding['refs']): DraftFinding {
  return {
    rule: 'classification.code-name',
    severity,
    message:
      severity === 'error'
        ? `${where}：科目编码 ${code} 在${CLASSIFICATION_SOURCE}中是“${official}”，这里写作“${shown}”，编码与名称不符。`
        : `${where}：科目编码 ${code} 的名称在${CLASSIFICATION_SOURCE}中为“${official}”，这里写作“${shown}”（措辞不一致，请核对）。`,
    messageEn:
      severity === 'error'
        ? `${code} is “${official}” in the official classification, but the document names it “${shown}”: code and name disagree.`
        : `${code} is officially “${official}”; the document writes “${shown}” (wording differs; please check).`,
    expected: official,
    actual: shown,
    refs,
  };
}

function narrativeFindings(statements: NarrativeCodeName[]): DraftFinding[] {
  const out: DraftFinding[] = [];
  for (const s of statements) {
    const entry = lookupCode(s.code);
    if (!entry) continue;
    const v = compareNames(entry.name, s.name, entry.code);
    if (v === 'same') continue;
    // the name in a sentence may carry extra words before it (“2022年本部门…”): judge its tail too
    const tail = s.name.slice(-entry.name.length - 2);
    if (compareNames(entry.name, tail, entry.code) === 'same') continue;
    const refs = [textRef(s.paragraph, s.nameStart, s.nameStart + s.name.length), textRef(s.paragraph, s.codeStart, s.codeStart + s.code.length)];
    out.push(finding(s.code, entry.name, s.name, v === 'near' ? 'warning' : 'warning', '说明中', refs));
  }
  return out;
}

export const classificationCodeName: Rule = {
  id: 'classification.code-name',
  family: 'classification',
  title: '科目编码与名称符合《政府收支分类科目》',
  titleEn: 'Classification codes carry their official names',
  check(ctx) {
    const out: DraftFinding[] = [];
    for (const rt of ctx.tables) {
      try {
        out.push(...tableFindings(rt));
      } catch {
        /* a table that cannot be read is skipped */
      }
    }
    try {
      out.push(...narrativeFindings(ctx.narrative.filter((s): s is NarrativeCodeName => s.kind === 'code-name')));
    } catch {
      /* skip */
    }
    return out;
  },
};
