/**
 * 目录完整：文件自身目录列出的每一张表都应在文中出现（有表格内容，而不只是标题）。
 * Table of contents: every table the document's own 目录 lists is present (as a table, not only a title).
 */
import type { Paragraph } from '../layout/types';
import { cellText, type RecognizedTable } from '../recognize/tables';
import { tableTypeFromTitle } from '../recognize/table-types';
import type { DraftFinding, Rule } from './types';
import { textRef } from './narrative-support';

interface Entry {
  name: string;
  /** Where the entry is printed: a paragraph span or a table cell. */
  paragraph?: Paragraph;
  start?: number;
  table?: RecognizedTable;
  row?: number;
  col?: number;
  /** The 目录 says the table is published empty (是否空表：是). */
  empty: boolean;
}

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').replace(/<\/?b>/g, '');
const ITEM = /(?:^|(?<=[表费]))\s*(?:-\s*)?(?:表\s*\d+(?:-\d+)?\s*|[一二三四五六七八九十]+[、.．]|\d{1,2}[、.．](?!\d))/g;

function looksLikeTable(name: string): boolean {
  const t = norm(name);
  if (t.length < 4 || t.length > 60) return false;
  if (/^第[一二三四五六七八九十]+部分|附件|目录/.test(t)) return false;
  if (/(部门|单位)(综合)?(预算|决算)表$/.test(t) && !/收支|收入|支出|经费|采购/.test(t)) return false;
  return /(表|运行经费)(\(.*\))?$/.test(t);
}

/** Entries of a 目录 printed as text: the paragraphs after “目录” until the body starts. */
function paragraphEntries(paragraphs: Paragraph[]): Entry[] {
  const start = paragraphs.findIndex((p) => /^目\s*录$/.test(p.text.trim()));
  if (start < 0) return [];
  const out: Entry[] = [];
  const firstHeading = paragraphs.slice(start + 1, start + 4).find((p) => /^第[一二三四五六七八九十]+部分/.test(norm(p.text)));
  for (let i = start + 1; i < paragraphs.length && i <= start + 60; i++) {
    const p = paragraphs[i];
    if (p.page > paragraphs[start].page + 2) break;
    // the body begins where the first part heading comes again
    if (firstHeading && i > start + 1 && norm(p.text) === norm(firstHeading.text) && out.length > 0) break;
    if (firstHeading && i > start + 1 && p.page > firstHeading.page && /^第[一二三四五六七八九十]+部分/.test(norm(p.text)) && norm(p.text).startsWith(norm(firstHeading.text).slice(0, 4))) break;
    // a paragraph may hold several entries (lines joined by the layout)
    const text = p.text;
    const cuts = [...text.matchAll(ITEM)].map((m) => m.index! + m[0].length);
    const starts = cuts.length ? cuts : [0];
    starts.forEach((s, k) => {
      const e = k + 1 < starts.length ? text.lastIndexOf(text.slice(starts[k + 1] - 1, starts[k + 1]), starts[k + 1]) : text.length;
      let name = text.slice(s, Math.max(s, e)).trim();
      name = name.replace(/\s*[-—…．.·\d]+\s*$/, '');
      if (looksLikeTable(name)) out.push({ name, paragraph: p, start: s, empty: false });
    });
  }
  return out;
}

/** Entries of a 目录 printed as a table (报表 | 报表名称 | 是否空表 | 公开空表理由). */
function tableEntries(tables: RecognizedTable[]): Entry[] {
  const out: Entry[] = [];
  for (const rt of tables) {
    const headers = rt.table.columnHeaders.map((h) => norm(h.join('')));
    const nameCol = headers.findIndex((h) => /报表名称|表名/.test(h));
    if (nameCol < 0 && !/目录/.test(rt.table.title)) continue;
    const col = nameCol >= 0 ? nameCol : 1;
    const emptyCol = headers.findIndex((h) => /是否空表/.test(h));
    for (let r = rt.headerRows; r < rt.table.rows.length; r++) {
      const name = cellText(rt.table, r, col);
      if (!looksLikeTable(name)) continue;
      out.push({ name, table: rt, row: r, col, empty: emptyCol >= 0 && /是/.test(cellText(rt.table, r, emptyCol)) });
    }
  }
  return out;
}

function core(s: string, department: string): string {
  let t = norm(s);
  if (department) t = t.split(norm(department)).join('');
  return t
    .replace(/20\d{2}年度?/g, '')
    .replace(/^(公开\d+表|表\d+(-\d+)?|[一二三四五六七八九十]+[、.．]|\d{1,2}[、.．])/, '')
    .replace(/\([^)]*\)/g, '')
    .replace(/部门|单位|综合|本级|汇总|的|“|”|"/g, '')
    .replace(/预算表$|决算表$/, '表');
}

function matches(entry: string, title: string, department: string): boolean {
  const a = core(entry, department);
  const b = core(title, department);
  if (a.length < 3 || b.length < 3) return false;
  return a === b || (b.length >= 5 && a.includes(b)) || (a.length >= 5 && b.includes(a));
}

function refOf(e: Entry): DraftFinding['refs'][number] {
  if (e.paragraph) return textRef(e.paragraph, e.start ?? 0, (e.start ?? 0) + e.name.length);
  const cell = e.table!.table.rows[e.row!]?.[e.col!];
  return { page: cell?.page ?? e.table!.table.pages[0] ?? 1, bbox: cell?.bbox ?? [0, 0, 0, 0], text: e.name, tableId: e.table!.table.id, row: e.row, col: e.col, role: 'text' };
}

export const consistencyToc: Rule = {
  id: 'consistency.toc',
  family: 'consistency',
  title: '目录列出的表都在文中',
  titleEn: 'Every table the 目录 lists is in the document',
  check(ctx) {
    const dept = ctx.document.department ?? '';
    const entries = [...paragraphEntries(ctx.layout.paragraphs), ...tableEntries(ctx.tables)];
    if (entries.length < 3) return [];
    const tocTables = new Set(entries.map((e) => e.table).filter(Boolean));
    const tables = ctx.tables.filter((t) => !tocTables.has(t));
    const tocParagraphs = new Set(entries.map((e) => e.paragraph).filter(Boolean));
    const out: DraftFinding[] = [];
    const reported = new Set<string>();
    for (const e of entries) {
      try {
        if (reported.has(core(e.name, dept))) continue;
        const byTitle = tables.some((t) => matches(e.name, t.table.title, dept));
        if (byTitle) continue;
        const type = tableTypeFromTitle(e.name);
        const untitled = type !== null && tables.some((t) => !t.table.title.trim() && t.type === type);
        if (untitled) continue;
        const titleOnly = ctx.layout.paragraphs.find((p) => !tocParagraphs.has(p) && p.text.length <= 80 && matches(e.name, p.text, dept));
        reported.add(core(e.name, dept));
        const refs = [refOf(e)];
        if (titleOnly) refs.push(textRef(titleOnly, 0, titleOnly.text.length));
        out.push({
          rule: 'consistency.toc',
          severity: 'warning',
          message: titleOnly
            ? `目录列出“${e.name}”，文中第 ${titleOnly.page} 页只有表名，未见表格内容${e.empty ? '（目录标为空表，也应公开空表）' : ''}。`
            : `目录列出“${e.name}”，文中未见此表${e.empty ? '（目录标为空表，也应公开空表）' : ''}。`,
          messageEn: titleOnly ? `The 目录 lists “${e.name}”; page ${titleOnly.page} shows its title but no table.` : `The 目录 lists “${e.name}”, but the document does not contain it.`,
          expected: e.name,
          actual: titleOnly ? '只有表名' : '缺表',
          refs,
        });
      } catch {
        /* skip */
      }
    }
    return out;
  },
};
