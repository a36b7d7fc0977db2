/**
 * 科目编码与名称：表中与说明中的科目编码及其名称，应与《政府收支分类科目》一致（截断、年度措辞差异不算错）。
 * Code ↔ name: a classification code printed in a table or the narrative carries the official name
 * of the 政府收支分类科目 in force in the document's year (truncated cells are not errors; a name of
 * another year's edition is a note, or a warning when it is clearly of another era).
 */
import { judgeName, lookupCode, yearsText, type NameJudgement } from '../classification';
import { cellText, type RecognizedTable } from '../recognize/tables';
import type { NarrativeCodeName } from '../recognize/narrative';
import type { DraftFinding, Rule, Severity } from './types';
import { figureAt, refOf } from '../recognize/reading/support';
import { textRef } from './narrative-support';

type Loud = Exclude<NameJudgement, { kind: 'same' }>;

/** Severity of a printed name that is not the name of the document's year (see ERA_TOLERANCE_YEARS). */
function severityOf(j: Loud, where: 'table' | 'narrative'): Severity {
  if (j.kind === 'other-year') return j.gap <= 1 ? 'info' : 'warning';
  if (j.kind === 'near') return 'warning';
  // a name that is none of the code's: an error in a table, when the code existed in that year;
  // a sentence's name may be cut wrongly from its context, so there it stays a warning
  return where === 'table' && j.inForce ? 'error' : 'warning';
}

/** Rank for choosing the printed name to report among a row's label cells (least loud first). */
const RANK: Record<Loud['kind'], number> = { 'other-year': 0, near: 1, different: 2 };

/**
 * The cells that may print a code's name: the name stands after its code (科目编码 | 科目名称;
 * 类 | 款 | 项 | 科目名称), so when the code has a cell of its own only the first label column after
 * it names it — not the 项目名称 or 项目单位 before it, nor a fragment of a wrapped cell the row
 * was read with. A code printed inside its label ([2010101]行政运行) leaves every label column.
 */
function nameCols(rt: RecognizedTable, pane: RecognizedTable['panes'][number], r: number, code: string): number[] {
  // The code's own cells: left to right, the digit cells that spell it (301 | 01 → 30101; not the
  // 501 | 01 of a second classification beside it), or the one that ends it (| 02 | 01 under a 类
  // printed once).
  const digits = [...new Set([...pane.codeCols, ...pane.labelCols])]
    .sort((a, b) => a - b)
    .map((c) => ({ c, t: cellText(rt.table, r, c).replace(/\s+/g, '') }))
    .filter((x) => /^\d+$/.test(x.t));
  let spelt = '';
  let last = -1;
  for (const x of digits) {
    if (!code.startsWith(spelt + x.t)) {
      if (spelt) break;
      continue;
    }
    spelt += x.t;
    last = x.c;
    if (spelt === code) break;
  }
  if (last < 0) last = digits.find((x) => x.t.length > 1 && code.endsWith(x.t))?.c ?? -1;
  if (last < 0) return pane.labelCols;
  return pane.labelCols.filter((c) => c > last).sort((a, b) => a - b).slice(0, 1);
}

function tableFindings(rt: RecognizedTable, year: number | null): DraftFinding[] {
  const out: DraftFinding[] = [];
  for (const pane of rt.panes) {
    for (const row of pane.rows) {
      if (!row.code) continue;
      const entry = lookupCode(row.code.code);
      if (!entry) continue;
      const names = nameCols(rt, pane, row.row, row.code.code)
        .map((c) => ({ c, text: cellText(rt.table, row.row, c).replace(/^\s*(?:\[\d{3,7}\]|【\d{3,7}】|\d{3,7})\s*/, '').trim() }))
        .filter((n) => n.text && !/^[\d.,\s-]+$/.test(n.text));
      if (names.length === 0) continue;
      const verdicts = names.map((n) => ({ ...n, j: judgeName(entry.code, n.text, year)! }));
      if (verdicts.some((x) => x.j.kind === 'same')) continue;
      const worst = verdicts.map((x) => ({ ...x, j: x.j as Loud })).sort((a, b) => RANK[a.j.kind] - RANK[b.j.kind])[0];
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
      out.push(finding(entry.code, worst.text, worst.j, year, severityOf(worst.j, 'table'), `表“${rt.table.title || rt.table.id}”第 ${row.row + 1} 行`, refs));
    }
  }
  return out;
}

/** 财政部《2019年政府收支分类科目》, or “各年度《政府收支分类科目》” when the year is unknown. */
function source(year: number | null): string {
  return year === null ? '财政部各年度《政府收支分类科目》' : `财政部《${year}年政府收支分类科目》`;
}

function finding(code: string, shown: string, j: Loud, year: number | null, severity: Severity, where: string, refs: DraftFinding['refs']): DraftFinding {
  const base = { rule: 'classification.code-name', severity, actual: shown, refs };
  if (j.kind === 'other-year') {
    const when = yearsText(j.edition);
    const now = j.official ? `，${year}年的名称是“${j.official.name}”` : `，该编码在${year}年的科目中没有设立`;
    const zh = j.later ? '这是以后年度的名称' : '这是以前年度的名称（旧称）';
    const en = j.later ? 'a name of a later edition' : 'a former name';
    return {
      ...base,
      message: `${where}：科目编码 ${code} 写作“${shown}”，${zh}（${when}）${now}（${source(year)}）。`,
      messageEn: `${code} is printed as “${shown}”, ${en} (${when})${j.official ? `; in ${year} it is “${j.official.name}”` : `; the code does not exist in the ${year} edition`}.`,
      expected: j.official?.name ?? j.edition.name,
    };
  }
  const official = j.official.name;
  const absent = !j.inForce && year !== null ? `（该编码在${year}年的科目中没有设立，这里按${yearsText(j.official)}的名称核对）` : '';
  if (severity === 'error') {
    return {
      ...base,
      message: `${where}：科目编码 ${code} 在${source(year)}中是“${official}”，这里写作“${shown}”，编码与名称不符。`,
      messageEn: `${code} is “${official}” in the ${year ?? ''} official classification, but the document names it “${shown}”: code and name disagree.`,
      expected: official,
    };
  }
  return {
    ...base,
    message: `${where}：科目编码 ${code} 的名称在${source(year)}中为“${official}”，这里写作“${shown}”（${j.kind === 'near' ? '措辞不一致' : '名称不符'}，请核对）${absent}。`,
    messageEn: `${code} is officially “${official}”${year !== null && !j.inForce ? ` (the code does not exist in ${year}; compared with its ${yearsText(j.official)} name)` : ''}; the document writes “${shown}” (please check).`,
    expected: official,
  };
}

function narrativeFindings(statements: NarrativeCodeName[], year: number | null): DraftFinding[] {
  const out: DraftFinding[] = [];
  for (const s of statements) {
    const entry = lookupCode(s.code);
    if (!entry) continue;
    const j = judgeName(s.code, s.name, year)!;
    if (j.kind === 'same') continue;
    // the name in a sentence may carry extra words before it (“2022年本部门…”): judge its tail too
    const longest = Math.max(...entry.editions.map((e) => e.name.length));
    const tail = judgeName(s.code, s.name.slice(-longest - 2), year)!;
    if (tail.kind === 'same') continue;
    const best = RANK[tail.kind] < RANK[j.kind] ? tail : j;
    const refs = [textRef(s.paragraph, s.nameStart, s.nameStart + s.name.length), textRef(s.paragraph, s.codeStart, s.codeStart + s.code.length)];
    out.push(finding(s.code, s.name, best, year, severityOf(best, 'narrative'), '说明中', refs));
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
        out.push(...tableFindings(rt, ctx.document.year));
      } catch {
        /* a table that cannot be read is skipped */
      }
    }
    try {
      out.push(...narrativeFindings(ctx.narrative.filter((s): s is NarrativeCodeName => s.kind === 'code-name'), ctx.document.year));
    } catch {
      /* skip */
    }
    return out;
  },
};
