/**
 * Layout variants of the tables: one TableBlock drawn the ways real producers draw it.
 *
 *   ruled            every cell edge ruled (Chromium writes CSS borders as thin filled rectangles)
 *   hrules-wrapped   horizontal rules only, narrow label columns: long names wrap onto two or three
 *                    lines, vertically centred against their figures (the usual Excel export)
 *   indented-codes   one 科目编码 column holding the whole code, names indented by level
 *   wps-split-codes  function codes in three columns 类 | 款 | 项 with no vertical rules between
 *                    them, 款/项 as two-digit fragments, the 类 (and 款) printed once per group or on
 *                    every row (model.codesOncePerGroup)
 *   whole-yuan       ruled, figures in whole 元 (the texts themselves are rounded in DocBuilder)
 *   filled-rules     Word/WPS style: no CSS borders; each cell draws its own edges as 0.5 pt filled
 *                    rectangles overlapping at the corners, interleaved with the text
 *
 * Only the drawing changes: the document (slots, rows, columns) is the same for every layout, so
 * a mutation made on the document shows in every variant.
 */
import type { Cell, TableBlock } from './document';
import type { Layout } from './model';

/** A cell placed on the table grid. */
interface Placed {
  r: number;
  c: number;
  rs: number;
  cs: number;
  html: string;
  cls: string[];
  /** Inline style (indentation). */
  style?: string;
}

export interface TableDrawing {
  layout: Layout;
  /** wps-split-codes: print 类/款 once per group, blank below. */
  codesOncePerGroup: boolean;
}

const SPLIT = ['科目编码 › 类', '科目编码 › 款', '科目编码 › 项'];
const FUNCTION_CODE = /^2\d{2}(\d{2}){0,2}$/;
const ANY_CODE = /^\d{3}(\d{2}){0,2}$/;
const leaf = (column: string) => column.split(' › ').pop()!;

function place(rows: Cell[][], html: (cell: Cell) => string, rowOffset = 0): Placed[] {
  const taken = new Set<string>();
  const out: Placed[] = [];
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (taken.has(`${r},${c}`)) c++;
      const rs = cell.rowspan ?? 1;
      const cs = cell.colspan ?? 1;
      for (let i = 0; i < rs; i++) for (let k = 0; k < cs; k++) taken.add(`${r + i},${c + k}`);
      out.push({ r: r + rowOffset, c, rs, cs, html: html(cell), cls: (cell.cls ?? '').split(/\s+/).filter(Boolean) });
      c += cs;
    }
  });
  return out;
}

const covers = (p: Placed, r: number, c: number) => p.r <= r && r < p.r + p.rs && p.c <= c && c < p.c + p.cs;

/** The plain text of a cell's HTML (no markup is ever put inside a cell's text). */
const plain = (html: string) => html.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** The grid of one table after the layout's column changes, with its leaf column names. */
interface Grid {
  head: Placed[];
  headRows: number;
  body: Placed[][];
  columns: string[];
  /** Indices of the 类 | 款 | 项 columns drawn without rules between them. */
  splitGroups: number[];
}

/** Remove columns [from, from + n) from a header, stretching what remains down into the hole. */
function removeHeaderColumns(head: Placed[], headRows: number, from: number, n: number): Placed[] {
  const out: Placed[] = [];
  for (const p of head) {
    const lo = Math.max(p.c, from);
    const hi = Math.min(p.c + p.cs, from + n);
    const overlap = Math.max(0, hi - lo);
    if (overlap === p.cs) continue;
    const q = { ...p, cs: p.cs - overlap };
    if (p.c >= from + n) q.c -= n;
    else if (p.c > from) q.c = from;
    out.push(q);
  }
  // A header cell above the hole grows down over the rows that emptied.
  for (let c = 0; c < Math.max(...out.map((p) => p.c + p.cs)); c++) {
    for (let r = 1; r < headRows; r++) {
      if (out.some((p) => covers(p, r, c))) continue;
      const above = out.find((p) => covers(p, r - 1, c));
      if (above && above.cs === 1) above.rs++;
    }
  }
  return out;
}

/** Split header column j into 类 | 款 | 项 (a row is added under the code header when needed). */
function splitHeaderColumn(head: Placed[], headRows: number, j: number): { head: Placed[]; headRows: number } {
  const out = head.map((p) => ({ ...p }));
  const x = out.find((p) => covers(p, 0, j))!;
  for (const p of out) {
    if (p === x) continue;
    if (p.c > j) p.c += 2;
    else if (covers(p, p.r, j)) p.cs += 2;
  }
  x.cs = 3;
  let subRow: number;
  if (x.rs >= 2) {
    x.rs -= 1;
    subRow = x.r + x.rs;
  } else {
    subRow = x.r + 1;
    for (const p of out) {
      if (p === x) continue;
      if (p.r >= subRow) p.r += 1;
      else if (p.r + p.rs > x.r) p.rs += 1;
    }
    headRows += 1;
  }
  ['类', '款', '项'].forEach((t, k) => out.push({ r: subRow, c: j + k, rs: 1, cs: 1, html: t, cls: ['sub'] }));
  return { head: out, headRows };
}

function buildGrid(b: TableBlock, drawing: TableDrawing, cellHtml: (cell: Cell) => string): Grid {
  let headRows = b.header.length;
  let head = place(b.header, cellHtml);
  const columns = [...b.columns];
  let body: Placed[][] = b.body.map((row, r) => {
    const rowCls = row.some((c) => c.cls?.includes('total')) ? ['total'] : [];
    return place([row], cellHtml).map((p) => ({ ...p, r, cls: [...p.cls.filter((k) => k !== 'total'), ...rowCls] }));
  });
  const splitGroups: number[] = [];
  const codeOfRow = (r: number) => b.rows[r]?.code;
  const splitAt = columns.findIndex((_, j) => SPLIT.every((name, k) => columns[j + k] === name));

  if (drawing.layout === 'indented-codes' && splitAt >= 0) {
    // One 科目编码 column with the whole code.
    head = head.filter((p) => !(p.r > 0 && p.c >= splitAt && p.c + p.cs <= splitAt + 3));
    head = removeHeaderColumns(head, headRows, splitAt + 1, 2);
    columns.splice(splitAt, 3, '科目编码');
    body = body.map((row, r) => {
      const code = codeOfRow(r);
      const keep = row.filter((p) => p.c < splitAt || p.c >= splitAt + 3).map((p) => (p.c >= splitAt + 3 ? { ...p, c: p.c - 2 } : p));
      const text = code && ANY_CODE.test(code) && row.some((p) => p.c === splitAt && p.html !== '') ? code : '';
      keep.splice(splitAt, 0, { r, c: splitAt, rs: 1, cs: 1, html: text, cls: [...(row.find((p) => p.c === splitAt)?.cls ?? [])] });
      return keep;
    });
  }

  if (drawing.layout === 'wps-split-codes') {
    if (splitAt >= 0) splitGroups.push(splitAt);
    // Every 科目编码 column of function codes followed by its 科目名称 is split in three.
    for (let j = columns.length - 1; j >= 0; j--) {
      if (!/^(功能分类)?科目编码$/.test(leaf(columns[j])) || leaf(columns[j + 1] ?? '') !== '科目名称') continue;
      const texts = body.map((row) => plain(row.find((p) => p.c === j)?.html ?? ''));
      if (!texts.some((t) => FUNCTION_CODE.test(t)) || !texts.every((t) => t === '' || FUNCTION_CODE.test(t))) continue;
      ({ head, headRows } = splitHeaderColumn(head, headRows, j));
      columns.splice(j, 1, ...SPLIT);
      for (let g = 0; g < splitGroups.length; g++) if (splitGroups[g] > j) splitGroups[g] += 2;
      splitGroups.push(j);
      body = body.map((row, r) =>
        row.flatMap((p) => {
          if (p.c > j) return [{ ...p, c: p.c + 2 }];
          if (p.c < j) return [p];
          const code = plain(p.html);
          const parts = FUNCTION_CODE.test(code) ? [code.slice(0, 3), code.slice(3, 5), code.slice(5, 7)] : ['', '', ''];
          return parts.map((t, k) => ({ r, c: j + k, rs: 1, cs: 1, html: t, cls: [...p.cls] }));
        }),
      );
    }
    if (drawing.codesOncePerGroup) {
      // The 类 and 款 printed on the first row of their group only (blank below).
      for (const j of splitGroups) {
        let lastClass = '';
        let lastSection = '';
        for (const row of body) {
          const cls = row.find((p) => p.c === j)!;
          const sec = row.find((p) => p.c === j + 1)!;
          const item = row.find((p) => p.c === j + 2)!;
          if (cls.html === '') continue;
          const section = sec.html === '' ? '' : cls.html + sec.html;
          if (cls.html === lastClass) cls.html = '';
          else lastSection = '';
          if (section !== '' && section === lastSection && item.html !== '') sec.html = '';
          lastClass = cls.html || lastClass;
          if (section !== '') lastSection = section;
        }
      }
    }
  }

  if (drawing.layout === 'indented-codes') {
    // Names indented by the level of the code beside them (类 0, 款 1, 项 2; 经济分类 类 0, 款 1).
    for (const row of body) {
      for (const p of row) {
        if (!/科目名称$/.test(leaf(columns[p.c] ?? ''))) continue;
        const code = plain(row.find((q) => q.c === p.c - 1)?.html ?? '');
        if (!ANY_CODE.test(code)) continue;
        const level = (code.length - 3) / 2;
        if (level > 0) p.style = `padding-left:${4 + level * 10}pt`;
      }
    }
  }
  for (const j of splitGroups) {
    for (const p of [...head, ...body.flat()]) {
      if (p.cs !== 1) continue;
      if (p.c === j) p.cls.push('nr');
      if (p.c === j + 2) p.cls.push('nl');
      if (p.c === j + 1) p.cls.push('nl', 'nr');
    }
  }
  return { head, headRows, body, columns, splitGroups };
}

/** Column widths for the wrapped layout: narrow label columns so that long names wrap. */
function colgroup(grid: Grid): string {
  const widths = grid.columns.map((name, c) => {
    const cells = grid.body.map((row) => row.find((p) => p.c === c)).filter((p): p is Placed => !!p);
    if (cells.some((p) => p.cls.includes('num'))) return '';
    const l = leaf(name);
    if (/行次$/.test(l)) return '2.6em';
    if (/^[类款项]$/.test(l)) return '3em';
    if (/编码$/.test(l)) return '5.2em';
    const longest = Math.max(2, ...cells.map((p) => [...plain(p.html)].length));
    return `${Math.min(10, Math.max(4.5, Math.ceil(longest / 2.4)))}em`;
  });
  return `<colgroup>${widths.map((w) => (w ? `<col style="width:${w}">` : '<col>')).join('')}</colgroup>`;
}

/** The edges a cell draws itself in the filled-rules layout (top and left; right and bottom on the outside). */
function filledEdges(p: Placed, lastRow: number, lastCol: number): string {
  const e = ['<i class="rt"></i>', '<i class="rl"></i>'];
  if (p.c + p.cs - 1 === lastCol) e.push('<i class="rr"></i>');
  if (p.r + p.rs - 1 === lastRow) e.push('<i class="rb"></i>');
  return e.join('');
}

export function tableHtml(b: TableBlock, drawing: TableDrawing, cellHtml: (cell: Cell) => string): string {
  const grid = buildGrid(b, drawing, cellHtml);
  const filled = drawing.layout === 'filled-rules';
  const lastRow = grid.headRows + grid.body.length - 1;
  const lastCol = grid.columns.length - 1;
  const td = (tag: 'th' | 'td', p: Placed, rowOffset: number) => {
    const attrs = [p.rs > 1 ? ` rowspan="${p.rs}"` : '', p.cs > 1 ? ` colspan="${p.cs}"` : '', p.cls.filter((k) => k !== 'total').length ? ` class="${p.cls.filter((k) => k !== 'total').join(' ')}"` : '', p.style ? ` style="${p.style}"` : ''].join('');
    const edges = filled ? filledEdges({ ...p, r: p.r + rowOffset }, lastRow, lastCol) : '';
    return `<${tag}${attrs}>${edges}${p.html}</${tag}>`;
  };
  const headRows: string[] = [];
  for (let r = 0; r < grid.headRows; r++) {
    headRows.push(
      `<tr>${grid.head
        .filter((p) => p.r === r)
        .sort((a, c) => a.c - c.c)
        .map((p) => td('th', p, 0))
        .join('')}</tr>`,
    );
  }
  const body = grid.body.map((row) => `<tr${row.some((p) => p.cls.includes('total')) ? ' class="total"' : ''}>${row.map((p) => td('td', p, grid.headRows)).join('')}</tr>`).join('');
  const wrapped = drawing.layout === 'hrules-wrapped';
  return `<table class="layout-${drawing.layout}">${wrapped ? colgroup(grid) : ''}<thead>${headRows.join('')}</thead><tbody>${body}</tbody></table>`;
}

/** Extra CSS per layout (after the base CSS, which rules every cell). */
export const LAYOUT_CSS = `
table.layout-hrules-wrapped { table-layout: fixed; border-left: none; border-right: none; border-top: 1.2px solid #000; border-bottom: 1.2px solid #000; }
table.layout-hrules-wrapped th, table.layout-hrules-wrapped td { border-left: none; border-right: none; word-break: break-all; }
table.layout-hrules-wrapped td.num { word-break: normal; }
table.layout-wps-split-codes .nr { border-right-style: hidden; }
table.layout-wps-split-codes .nl { border-left-style: hidden; }
table.layout-filled-rules { border: none; border-collapse: separate; border-spacing: 0; width: calc(100% - 1pt); }
table.layout-filled-rules th, table.layout-filled-rules td { border: none; position: relative; padding: 2pt 4.5pt; }
table.layout-filled-rules i { position: absolute; background: #000; display: block; }
table.layout-filled-rules i.rt { top: -0.25pt; left: -0.25pt; right: -0.25pt; height: 0.5pt; }
table.layout-filled-rules i.rb { bottom: -0.25pt; left: -0.25pt; right: -0.25pt; height: 0.5pt; }
table.layout-filled-rules i.rl { left: -0.25pt; top: -0.25pt; bottom: -0.25pt; width: 0.5pt; }
table.layout-filled-rules i.rr { right: -0.25pt; top: -0.25pt; bottom: -0.25pt; width: 0.5pt; }
`;
