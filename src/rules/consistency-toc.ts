/**
 * 目录完整：文件自身目录列出的每一张表都应在文中出现（有表格内容，而不只是标题）；说明单独成册、表格另册公开时只提示一次。
 * Table of contents: every table the document's own 目录 lists is present (as a table, not only a title);
 * a 说明 published as its own file, its tables in another, gets one note, not one warning per table.
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

/** A caption line under a table's title (部门：…　单位：万元). */
const CAPTION = /(单位|部门|编制单位|预算年度)\s*[:：]/;
const PART = /第[一二三四五六七八九十]+部分/;

/** Entries of a 目录 printed as text: the paragraphs after “目录” until the body starts. */
function paragraphEntries(paragraphs: Paragraph[]): Entry[] {
  const start = paragraphs.findIndex((p) => /^目\s*录$/.test(p.text.trim()));
  if (start < 0) return [];
  const out: Entry[] = [];
  const firstHeading = paragraphs.slice(start + 1, start + 4).find((p) => /^第[一二三四五六七八九十]+部分/.test(norm(p.text)));
  // a numbered entry whose name does not end like a table yet: its name continues on the next line
  let pending: { name: string; paragraph: Paragraph; start: number } | null = null;
  for (let i = start + 1; i < paragraphs.length && i <= start + 60; i++) {
    const p = paragraphs[i];
    if (p.page > paragraphs[start].page + 2) break;
    // the body begins where the first part heading comes again
    if (firstHeading && i > start + 1 && norm(p.text) === norm(firstHeading.text) && out.length > 0) break;
    if (firstHeading && i > start + 1 && p.page > firstHeading.page && /^第[一二三四五六七八九十]+部分/.test(norm(p.text)) && norm(p.text).startsWith(norm(firstHeading.text).slice(0, 4))) break;
    // a paragraph may hold several entries (lines joined by the layout)
    const text = p.text;
    const cuts = [...text.matchAll(ITEM)].map((m) => ({ at: m.index!, from: m.index! + m[0].length }));
    const pieces: { s: number; e: number; numbered: boolean }[] = [];
    if (!cuts.length || cuts[0].at > 0) pieces.push({ s: 0, e: cuts.length ? cuts[0].at : text.length, numbered: false });
    cuts.forEach((c, k) => pieces.push({ s: c.from, e: k + 1 < cuts.length ? cuts[k + 1].at : text.length, numbered: true }));
    for (const piece of pieces) {
      let name = text.slice(piece.s, Math.max(piece.s, piece.e));
      // a part heading joined to the entry before it ends that entry
      const part = PART.exec(name);
      if (part) name = name.slice(0, part.index);
      name = name.trim().replace(/\s*[-—…．.·\d]+\s*$/, '');
      if (!piece.numbered && pending && !part) {
        const joined = pending.name + name;
        const head = pending;
        pending = null;
        if (looksLikeTable(joined)) out.push({ name: joined, paragraph: head.paragraph, start: head.start, empty: false });
        continue;
      }
      pending = null;
      if (looksLikeTable(name)) out.push({ name, paragraph: p, start: piece.s, empty: false });
      else if (piece.numbered && !part && name.length >= 2) pending = { name, paragraph: p, start: piece.s };
    }
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

/** The names a table goes by: its caption, and a title printed inside its grid as the top header row. */
function captionsOf(rt: RecognizedTable): string[] {
  const tops = rt.table.columnHeaders.map((h) => h[0] ?? '').filter((h) => /表/.test(h) && norm(h).length >= 4);
  return [...new Set([rt.table.title, ...tops])].filter((t) => t.trim());
}

/** The topmost point of a table on a page (null when it has no cell there). */
function topOn(rt: RecognizedTable, page: number): number | null {
  let top: number | null = null;
  for (const row of rt.table.rows) for (const c of row) if (c && c.page === page && (top === null || c.bbox[1] < top)) top = c.bbox[1];
  return top;
}

/** Text below a title on its page that holds figures: something is printed there that was not read as a table. */
function figuresBelow(title: Paragraph, paragraphs: Paragraph[]): boolean {
  return below(title, paragraphs).some((p) => /\d\.\d{2}(?!\d)|\d{1,3}(,\d{3})+/.test(p.text));
}

/** Under the title on its page: a column header (科目编码 … 合计) or a note that the table is empty — a table printed without figures. */
function emptyTableBelow(title: Paragraph, paragraphs: Paragraph[]): boolean {
  return below(title, paragraphs).some((p) => /本表无数据|无数据|为空表|本表为空/.test(norm(p.text)) || (/合计/.test(p.text) && /科目|项目|编码|名称/.test(p.text)));
}

function below(title: Paragraph, paragraphs: Paragraph[]): Paragraph[] {
  return paragraphs.filter((p) => p !== title && p.page === title.page && p.bbox[1] > title.bbox[1]);
}

interface Missing {
  entry: Entry;
  /** A paragraph printing the table's name where the table should stand. */
  titleOnly?: Paragraph;
}

export const consistencyToc: Rule = {
  id: 'consistency.toc',
  family: 'consistency',
  title: '目录列出的表都在文中',
  titleEn: 'Every table the 目录 lists is in the document',
  check(ctx) {
    const dept = ctx.document.department ?? '';
    // Titles only: a table whose reading was not confirmed is still present in the document.
    const present = ctx.allTables ?? ctx.tables;
    const all = [...paragraphEntries(ctx.layout.paragraphs), ...tableEntries(present)];
    // one entry per table name (a 目录 may be printed twice, as text and as a table)
    const entries = all.filter((e, i) => all.findIndex((o) => core(o.name, dept) === core(e.name, dept)) === i);
    if (entries.length < 3) return [];
    const tocTables = new Set(entries.map((e) => e.table).filter(Boolean));
    const tables = present.filter((t) => !tocTables.has(t));
    const tocParagraphs = new Set(all.map((e) => e.paragraph).filter(Boolean));
    const namedBy = (t: RecognizedTable, e: Entry) => captionsOf(t).some((c) => matches(e.name, c, dept));
    /** A table no other entry of the 目录 names. */
    const unclaimed = (t: RecognizedTable, e: Entry) => !entries.some((o) => o !== e && namedBy(t, o));
    const missing: Missing[] = [];
    for (const e of entries) {
      try {
        if (tables.some((t) => namedBy(t, e))) continue;
        // a table of the type the entry names, under another wording of its title
        const type = tableTypeFromTitle(e.name);
        if (type !== null && tables.some((t) => t.type === type && unclaimed(t, e))) continue;
        // the name printed as a heading (not a “…表情况说明” section, not a sentence)
        const titles = ctx.layout.paragraphs.filter(
          (p) => !tocParagraphs.has(p) && p.text.length <= 80 && !/说明$|[，。；]/.test(norm(p.text)) && matches(e.name, p.text, dept),
        );
        // a table right below its heading, or starting on the next page, is the listed table
        const below = (p: Paragraph) =>
          tables.some((t) => {
            if (!unclaimed(t, e)) return false;
            const top = topOn(t, p.page);
            if (top !== null) return top >= p.bbox[1] - 1;
            return t.table.pages[0] === p.page + 1 && !ctx.layout.paragraphs.some((q) => q.page === p.page && q.bbox[1] > p.bbox[1] && q.text.trim().length > 12 && !CAPTION.test(q.text));
          });
        if (titles.some(below)) continue;
        // only a title where figures are printed: the table is there but was not read; say nothing —
        // …or its header and a note that it is empty (本表无数据): an empty table, published as it should
        // be. Any of the headings naming it will do (a row of another table may read like it).
        if (titles.some((t) => figuresBelow(t, ctx.layout.paragraphs) || emptyTableBelow(t, ctx.layout.paragraphs))) continue;
        const titleOnly = titles[0];
        missing.push({ entry: e, titleOnly });
      } catch {
        /* skip */
      }
    }
    if (!missing.length) return [];
    // a 说明 published on its own, its tables in another file: one note for the whole 目录
    if (missing.length >= 3 && (tables.length === 0 || missing.length * 3 >= entries.length * 2)) {
      const names = missing.map((m) => m.entry.name);
      return [
        {
          rule: 'consistency.toc',
          severity: 'info',
          message: `目录列出 ${entries.length} 张表，本文件中未见其中 ${missing.length} 张（${names.slice(0, 4).join('、')}${names.length > 4 ? '等' : ''}）：表格应在另外公开的文件中，请核对该文件是否齐全。`,
          messageEn: `The table of contents lists ${entries.length} tables; ${missing.length} of them are not in this file, which reads as the narrative (说明) published apart from its tables. Check that the tables' file is complete.`,
          expected: `${entries.length}`,
          actual: `${entries.length - missing.length}`,
          refs: missing.map((m) => refOf(m.entry)),
        },
      ];
    }
    return missing.map(({ entry: e, titleOnly }) => {
      const refs = [refOf(e)];
      if (titleOnly) refs.push(textRef(titleOnly, 0, titleOnly.text.length));
      return {
        rule: 'consistency.toc',
        severity: 'warning' as const,
        message: titleOnly
          ? `目录列出“${e.name}”，文中第 ${titleOnly.page} 页只有表名，未见表格内容${e.empty ? '（目录标为空表，也应公开空表）' : ''}。`
          : `目录列出“${e.name}”，文中未见此表${e.empty ? '（目录标为空表，也应公开空表）' : ''}。`,
        messageEn: titleOnly ? `The table of contents lists “${e.name}”; page ${titleOnly.page} shows its title but no table.` : `The table of contents lists “${e.name}”, but the document does not contain it.`,
        expected: e.name,
        actual: titleOnly ? '只有表名' : '缺表',
        refs,
      };
    });
  },
};
