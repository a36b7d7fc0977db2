/**
 * 空表说明：没有数据的政府性基金、国有资本经营、“三公”经费表应附有本表自己的说明（本表无数据/空表列示），而不是没有说明或别的表的说明；
 * 表内有数据时，表下不应留有“本表为空表”的注释（模板残留）。
 * Empty tables: a 政府性基金 / 国有资本经营 / “三公” table with no figures (blanks, dashes) carries its own note
 * (本表无数据, 空表列示) — not none, and not another table's; a table with figures carries no note
 * saying it is empty (a template note left in).
 */
import type { Paragraph } from '../layout/types';
import { cellText, cellValue, type RecognizedTable } from '../recognize/tables';
import type { DraftFinding, Rule } from './types';
import { textRef } from './narrative-support';

const SUBJECTS: Record<string, { re: RegExp; name: string }> = {
  GovernmentFundExpenditure: { re: /政府性?基金/, name: '政府性基金' },
  StateCapitalExpenditure: { re: /国有资本/, name: '国有资本经营' },
  ThreePublicExpenses: { re: /三公|因公出国|公务接待|公务用车/, name: '“三公”经费' },
};
const NOTE = /本表无数据|空表|[此本该]表为空|无[该此本]项|无数据|没有[^。；]{0,40}(收入|支出|经费|预算|拨款)|无[^。；]{0,30}(收支|收入|支出|预算|经费|拨款)|不涉及/;

function isEmpty(rt: RecognizedTable): boolean {
  const amountCols = rt.columns.filter((c) => c.role === 'amount').map((c) => c.index);
  for (let r = rt.headerRows; r < rt.table.rows.length; r++) {
    const cols = amountCols.length ? amountCols : rt.table.rows[r].map((_, c) => c);
    for (const c of cols) {
      const v = cellValue(rt.table, r, c);
      // zeros are figures too: a table of 0.00 shows its data; only blanks and dashes make it empty
      if (v.kind === 'number' && v.value !== null && (v.decimals > 0 || amountCols.length > 0)) return false;
    }
  }
  return true;
}

/** Notes near a table: paragraphs on its pages (and the next one) that say it has no data. */
function notesNear(rt: RecognizedTable, paragraphs: Paragraph[]): Paragraph[] {
  const first = Math.min(...rt.table.pages);
  const last = Math.max(...rt.table.pages);
  return paragraphs.filter((p) => p.page >= first && p.page <= last + 1 && p.text.length <= 200 && NOTE.test(p.text));
}

/** A note that says the table above it is empty. */
const SAYS_EMPTY = /[此本该]表为空表?|本表无数据|空表列示/;

/** Non-zero figures in a table's amount columns. */
function nonZeroFigures(rt: RecognizedTable): { r: number; c: number }[] {
  const out: { r: number; c: number }[] = [];
  const amountCols = rt.columns.filter((c) => c.role === 'amount').map((c) => c.index);
  for (let r = rt.headerRows; r < rt.table.rows.length; r++) {
    for (const c of amountCols) {
      const v = cellValue(rt.table, r, c);
      if (v.kind === 'number' && v.value !== null && !v.value.isZero()) out.push({ r, c });
    }
  }
  return out;
}

/** The paragraph right under a table on its last page that says the table is empty. */
function emptyNoteUnder(rt: RecognizedTable, tables: RecognizedTable[], paragraphs: Paragraph[]): Paragraph | null {
  const last = Math.max(...rt.table.pages);
  // Few pages carry such a note: look for one before measuring where the tables on the page lie.
  const notes = paragraphs.filter((p) => p.page === last && p.text.length <= 200 && SAYS_EMPTY.test(p.text));
  if (!notes.length) return null;
  let bottom = -Infinity;
  for (const row of rt.table.rows) for (const c of row) if (c && c.page === last) bottom = Math.max(bottom, c.bbox[3]);
  if (bottom === -Infinity) return null;
  let nextTop = Infinity;
  for (const t of tables) {
    if (t === rt) continue;
    for (const row of t.table.rows) for (const c of row) if (c && c.page === last && c.bbox[1] >= bottom - 1) nextTop = Math.min(nextTop, c.bbox[1]);
  }
  return notes.find((p) => p.bbox[1] >= bottom - 1 && p.bbox[1] < nextTop) ?? null;
}

/** A 目录 table row that marks this table 空表 with a reason. */
function tocSaysEmpty(rt: RecognizedTable, tables: RecognizedTable[], subject: RegExp): boolean {
  for (const t of tables) {
    const headers = t.table.columnHeaders.map((h) => h.join(''));
    const emptyCol = headers.findIndex((h) => /是否空表/.test(h));
    if (emptyCol < 0) continue;
    for (let r = t.headerRows; r < t.table.rows.length; r++) {
      const row = t.table.rows[r].map((_, c) => cellText(t.table, r, c)).join(' ');
      if (subject.test(row) && /是/.test(cellText(t.table, r, emptyCol))) return true;
    }
  }
  return false;
}

export const consistencyEmptyTable: Rule = {
  id: 'consistency.empty-table',
  family: 'consistency',
  title: '无数据的政府性基金、国有资本经营、“三公”表附有本表的空表说明',
  titleEn: 'An empty 政府性基金 / 国有资本经营 / “三公” table carries its own note',
  check(ctx) {
    const out: DraftFinding[] = [];
    for (const rt of ctx.tables) {
      try {
        const subject = rt.type ? SUBJECTS[rt.type] : undefined;
        const figures = nonZeroFigures(rt);
        if (figures.length > 0) {
          // a table with figures under a note saying it is empty: the template's note was left in
          const note = emptyNoteUnder(rt, ctx.tables, ctx.layout.paragraphs);
          const aboutOther = note && Object.entries(SUBJECTS).some(([type, s]) => type !== rt.type && s.re.test(note.text) && !(subject && subject.re.test(note.text)));
          if (note && !aboutOther) {
            const cells = figures.slice(0, 3).map(({ r, c }) => {
              const cell = rt.table.rows[r][c]!;
              return { page: cell.page, bbox: cell.bbox, text: cell.text, tableId: rt.table.id, row: r, col: c, role: 'item' as const };
            });
            const start = Math.max(0, note.text.search(SAYS_EMPTY));
            out.push({
              rule: 'consistency.empty-table',
              severity: 'warning',
              message: `表“${rt.table.title || `第 ${rt.table.pages[0]} 页`}”填有数据（如 ${cells.map((x) => x.text).join('、')}），表下注释却写“${note.text.slice(0, 50)}”：注释与表内数据矛盾，应删去。`,
              messageEn: `Table “${rt.table.title || `on page ${rt.table.pages[0]}`}” holds figures, but the note under it says it is empty.`,
              expected: '表内有数据，不应注明空表',
              actual: note.text.slice(0, 50),
              refs: [textRef(note, start, note.text.length), ...cells],
            });
          }
          continue;
        }
        if (!subject || !isEmpty(rt)) continue;
        // a note written inside the grid (a row reading “此表为空”) is the table's own
        if (rt.table.rows.some((row) => row.some((c) => c && c.text.length <= 60 && NOTE.test(c.text)))) continue;
        const notes = notesNear(rt, ctx.layout.paragraphs);
        const own = notes.filter((p) => subject.re.test(p.text) || !Object.values(SUBJECTS).some((s) => s.re.test(p.text)));
        if (own.length > 0 || tocSaysEmpty(rt, ctx.tables, subject.re)) continue;
        const cell = rt.table.rows.flat().find((c) => c);
        const tableRef = { page: rt.table.pages[0] ?? cell?.page ?? 1, bbox: cell?.bbox ?? [0, 0, 0, 0], text: rt.table.title, tableId: rt.table.id, role: 'text' as const };
        const other = notes.find((p) => !subject.re.test(p.text));
        out.push({
          rule: 'consistency.empty-table',
          severity: 'warning',
          message: other
            ? `表“${rt.table.title || rt.table.id}”无数据，旁边的说明“${other.text.slice(0, 40)}”讲的是别的表，缺少本表（${subject.name}）的空表说明。`
            : `表“${rt.table.title || rt.table.id}”无数据，但没有“本表无数据”或空表说明（${subject.name}）。`,
          messageEn: other ? `Table “${rt.table.title}” is empty and the note beside it is about another table.` : `Table “${rt.table.title}” is empty and carries no note saying so.`,
          expected: `${subject.name}空表说明`,
          actual: other ? other.text.slice(0, 40) : '无说明',
          refs: other ? [tableRef, textRef(other, 0, Math.min(other.text.length, 40))] : [tableRef],
        });
      } catch {
        /* skip */
      }
    }
    return out;
  },
};
