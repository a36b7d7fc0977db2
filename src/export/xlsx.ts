/**
 * The rebuilt tables as an .xlsx workbook, one sheet per table (plus a findings sheet), written
 * as SpreadsheetML by hand and zipped with fflate. Figures are numeric cells holding the exact
 * printed value (thousands separators dropped, full-width digits folded) with a number format that
 * shows them as printed, so SUM works; codes, labels, blanks and dashes stay text. Cells a finding
 * names are filled by severity, and the findings sheet links to each of them. Spanning cells become
 * merged ranges.
 */
import { strToU8, zipSync } from 'fflate';
import type { Finding, Report, ReportTable, Severity } from '../report/types';
import { parseValue } from '../values/parse';
import { findingPage, sortFindings } from './describe';

const xmlEscape = (s: string) =>
  s
    // characters XML 1.0 forbids
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/** Column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Excel sheet names: ≤ 31 characters, none of []:*?/\, unique (case-insensitive). */
export function sheetNames(titles: string[]): string[] {
  const used = new Set<string>();
  return titles.map((t, i) => {
    const clean = t.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '') || `Sheet${i + 1}`;
    let name = clean.slice(0, 31);
    for (let k = 2; used.has(name.toLowerCase()); k++) {
      const suffix = ` (${k})`;
      name = clean.slice(0, 31 - suffix.length) + suffix;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

/** A figure as Excel stores it: the exact decimal (no exponent) and a format that prints it as in the document. */
export interface SheetNumber {
  value: string;
  format: string;
}

/** A text cell, or a number cell. */
export type SheetCell = { text: string; number?: undefined } | { number: SheetNumber; text?: undefined };

interface SheetData {
  rows: (SheetCell | null)[][];
  merges: string[];
  widths?: number[];
  /** Rows (0-based) written in bold: titles and header rows. */
  boldRows?: number;
  /** Fill by severity, keyed `row,col` (0-based sheet positions). */
  marks?: Map<string, Severity>;
  /** Internal hyperlinks: `row,col` → `'sheet'!B3`. */
  links?: Map<string, string>;
}

/**
 * The printed figure as a number cell, or null when it must stay text: labels, blanks, dashes,
 * integers written with a leading zero (款/项 parts such as `05`) and figures Excel could not keep
 * exactly (more than 15 significant digits).
 */
export function sheetNumber(text: string): SheetNumber | null {
  const v = parseValue(text);
  if ((v.kind !== 'number' && v.kind !== 'percent') || !v.value) return null;
  const folded = text.normalize('NFKC').replace(/\s+/g, '');
  if (/^[+-]?\(?0\d/.test(folded)) return null;
  if (v.value.precision(true) > 15) return null;
  const thousands = folded.includes(',');
  const base = (thousands ? '#,##0' : '0') + (v.decimals ? '.' + '0'.repeat(v.decimals) : '');
  const shown = v.kind === 'percent' ? `${base}%` : base;
  const value = v.kind === 'percent' ? v.value.div(100) : v.value;
  return { value: value.toFixed(), format: /^\(.*\)$/.test(folded) ? `${shown};(${shown})` : shown };
}

/** Header words of columns whose figures are identifiers, not amounts: subject codes, row numbers. */
const IDENTIFIER_HEADER = /编码|代码|编号|行次|序号|栏次|^(类|款|项)$/;

/** Columns that hold identifiers: named so by a header, or whose every body cell is a bare 3/5/7-digit subject code. */
function identifierColumns(t: ReportTable): Set<number> {
  const out = new Set<number>();
  const ncols = Math.max(0, ...t.rows.map((r) => r.length));
  for (let c = 0; c < ncols; c++) {
    const header = (t.columnHeaders[c] ?? []).map((h) => h.normalize('NFKC').replace(/\s+/g, ''));
    if (header.some((h) => IDENTIFIER_HEADER.test(h))) {
      out.add(c);
      continue;
    }
    const body = t.rows
      .slice(t.headerRows)
      .map((r) => r[c]?.text.normalize('NFKC').replace(/\s+/g, '') ?? '')
      .filter(Boolean);
    if (body.length >= 2 && body.every((s) => /^(2\d\d|3\d\d|5\d\d)(\d\d){0,2}$/.test(s))) out.add(c);
  }
  return out;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** Fill (ARGB) and font colour of a cell a finding names, as Excel's own Bad / Neutral / Note looks. */
const MARK_COLORS: Record<Severity, { fill: string; font: string }> = {
  error: { fill: 'FFFFC7CE', font: 'FF9C0006' },
  warning: { fill: 'FFFFEB9C', font: 'FF9C5700' },
  info: { fill: 'FFDDEBF7', font: 'FF1F4E78' },
};

/** Collects the distinct cell formats the sheets use and writes them as styles.xml. */
class StyleBook {
  private formats = new Map<string, number>();
  private xfs = new Map<string, number>();
  private xfList: { numFmtId: number; fontId: number; fillId: number }[] = [{ numFmtId: 0, fontId: 0, fillId: 0 }];
  private static FONT = { plain: 0, bold: 1, link: 2, error: 3, warning: 4, info: 5 } as const;
  private static FILL = { error: 2, warning: 3, info: 4 } as const;

  constructor() {
    this.xfs.set('0|0|0', 0);
  }

  /** Index of the cell format: bold or not, number format or General, marked by a severity or not, a link. */
  style(o: { bold?: boolean; format?: string; mark?: Severity; link?: boolean }): number {
    let numFmtId = 0;
    if (o.format) {
      numFmtId = this.formats.get(o.format) ?? 164 + this.formats.size;
      this.formats.set(o.format, numFmtId);
    }
    const fontId = o.mark ? StyleBook.FONT[o.mark] : o.link ? StyleBook.FONT.link : o.bold ? StyleBook.FONT.bold : StyleBook.FONT.plain;
    const fillId = o.mark ? StyleBook.FILL[o.mark] : 0;
    const key = `${numFmtId}|${fontId}|${fillId}`;
    let id = this.xfs.get(key);
    if (id === undefined) {
      id = this.xfList.length;
      this.xfList.push({ numFmtId, fontId, fillId });
      this.xfs.set(key, id);
    }
    return id;
  }

  xml(): string {
    const numFmts = this.formats.size
      ? `<numFmts count="${this.formats.size}">${[...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlEscape(code)}"/>`).join('')}</numFmts>`
      : '';
    const font = (extra: string) => `<font>${extra}<sz val="11"/><name val="Calibri"/></font>`;
    const fonts = [
      font(''),
      font('<b/>'),
      font('<u/><color rgb="FF0563C1"/>'),
      ...(['error', 'warning', 'info'] as const).map((s) => font(`<color rgb="${MARK_COLORS[s].font}"/>`)),
    ];
    const fills = [
      '<fill><patternFill patternType="none"/></fill>',
      '<fill><patternFill patternType="gray125"/></fill>',
      ...(['error', 'warning', 'info'] as const).map((s) => `<fill><patternFill patternType="solid"><fgColor rgb="${MARK_COLORS[s].fill}"/><bgColor indexed="64"/></patternFill></fill>`),
    ];
    const xfs = this.xfList.map(
      (x) =>
        `<xf numFmtId="${x.numFmtId}" fontId="${x.fontId}" fillId="${x.fillId}" borderId="0" xfId="0"${x.numFmtId ? ' applyNumberFormat="1"' : ''}${x.fontId ? ' applyFont="1"' : ''}${x.fillId ? ' applyFill="1"' : ''}/>`,
    );
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${numFmts}<fonts count="${fonts.length}">${fonts.join('')}</fonts><fills count="${fills.length}">${fills.join('')}</fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
  }
}

function sheetXml(sheet: SheetData, styles: StyleBook): string {
  const rows = sheet.rows
    .map((row, r) => {
      const cells = row
        .map((v, c) => {
          if (v === null || v.text === '') return '';
          const at = `${r},${c}`;
          const s = styles.style({ bold: r < (sheet.boldRows ?? 0), format: v.number?.format, mark: sheet.marks?.get(at), link: sheet.links?.has(at) });
          const style = s ? ` s="${s}"` : '';
          const ref = `${columnName(c)}${r + 1}`;
          if (v.number) return `<c r="${ref}"${style}><v>${v.number.value}</v></c>`;
          return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${xmlEscape(v.text)}</t></is></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join('');
  const cols = sheet.widths?.length
    ? `<cols>${sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`
    : '';
  const merges = sheet.merges.length ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
  const links = sheet.links?.size
    ? `<hyperlinks>${[...sheet.links]
        .map(([at, location]) => {
          const [r, c] = at.split(',').map(Number);
          return `<hyperlink ref="${columnName(c)}${r + 1}" location="${xmlEscape(location)}" display="${xmlEscape(location)}"/>`;
        })
        .join('')}</hyperlinks>`
    : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${cols}<sheetData>${rows}</sheetData>${merges}${links}</worksheet>`;
}

/** Sheet rows above the table's first row (the title line). */
const TABLE_OFFSET = 1;

function tableSheet(t: ReportTable): SheetData {
  const rows: (SheetCell | null)[][] = [];
  const merges: string[] = [];
  const identifiers = identifierColumns(t);
  rows.push([{ text: t.title + (t.unit ? `（${t.unit}）` : '') + ` · p${t.pages.join(',')}` }]);
  t.rows.forEach((row, r) => {
    rows.push(
      row.map((c, col) => {
        if (!c) return null;
        const number = r >= t.headerRows && !identifiers.has(col) ? sheetNumber(c.text) : null;
        return number ? { number } : { text: c.text };
      }),
    );
    row.forEach((c, col) => {
      if (c && (c.rowSpan > 1 || c.colSpan > 1)) {
        merges.push(`${columnName(col)}${r + 1 + TABLE_OFFSET}:${columnName(col + c.colSpan - 1)}${r + c.rowSpan + TABLE_OFFSET}`);
      }
    });
  });
  const ncols = Math.max(1, ...t.rows.map((r) => r.length));
  const widths = Array.from({ length: ncols }, (_, c) =>
    Math.min(60, Math.max(8, ...t.rows.map((r) => (r[c] && r[c]!.colSpan === 1 ? r[c]!.text.length * 2 + 2 : 0)))),
  );
  return { rows, merges, widths, boldRows: TABLE_OFFSET + t.headerRows, marks: new Map() };
}

/** `'sheet name'!B3` for a table cell (row and col index the table's rows). */
function cellAddress(sheet: string, row: number, col: number): string {
  return `'${sheet.replace(/'/g, "''")}'!${columnName(col)}${row + 1 + TABLE_OFFSET}`;
}

/** The table cells a finding names, as [table index, row, col]. */
function findingCells(f: Finding, tableIndex: Map<string, number>): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (const r of f.refs) {
    if (r.tableId === undefined || r.row === undefined || r.col === undefined) continue;
    const ti = tableIndex.get(r.tableId);
    if (ti !== undefined) out.push([ti, r.row, r.col]);
  }
  return out;
}

const text = (s: string): SheetCell => ({ text: s });
const numberOrText = (s: string | undefined): SheetCell => {
  const n = s === undefined ? null : sheetNumber(s);
  return n ? { number: n } : text(s ?? '');
};

function findingsSheet(report: Report, names: string[], tableIndex: Map<string, number>): SheetData {
  const rows: (SheetCell | null)[][] = [
    ['id', '页 page', '级别 severity', '规则 rule', '单元格 cell', '说明', 'message', '应为 expected', '实为 actual', '差额 difference'].map(text),
  ];
  const marks = new Map<string, Severity>();
  const links = new Map<string, string>();
  for (const f of sortFindings(report.findings)) {
    const addresses = findingCells(f, tableIndex).map(([ti, r, c]) => cellAddress(names[ti], r, c));
    const row = rows.length;
    marks.set(`${row},2`, f.severity);
    if (addresses.length) links.set(`${row},4`, addresses[0]);
    rows.push([
      text(f.id),
      { number: { value: String(findingPage(f)), format: '0' } },
      text(f.severity),
      text(f.rule),
      text(addresses.join(', ')),
      text(f.message),
      text(f.messageEn),
      numberOrText(f.expected),
      numberOrText(f.actual),
      numberOrText(f.difference),
    ]);
  }
  return { rows, merges: [], widths: [6, 8, 10, 24, 16, 60, 60, 14, 14, 12], boldRows: 1, marks, links };
}

export function tablesXlsx(report: Report): Uint8Array {
  const sheets: { name: string; data: SheetData }[] = [];
  const names = sheetNames([...report.tables.map((t) => `${t.id} ${t.title}`), '核对结果 Findings']);
  const tableIndex = new Map(report.tables.map((t, i) => [t.id, i]));
  report.tables.forEach((t, i) => sheets.push({ name: names[i], data: tableSheet(t) }));
  // A cell named by several findings takes the most severe one's fill.
  for (const f of report.findings) {
    for (const [ti, r, c] of findingCells(f, tableIndex)) {
      const marks = sheets[ti].data.marks!;
      const at = `${r + TABLE_OFFSET},${c}`;
      const had = marks.get(at);
      if (!had || SEVERITY_RANK[f.severity] > SEVERITY_RANK[had]) marks.set(at, f.severity);
    }
  }
  sheets.push({ name: names[names.length - 1], data: findingsSheet(report, names, tableIndex) });

  const styles = new StyleBook();
  const sheetFiles = sheets.map((s) => sheetXml(s.data, styles));
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets
        .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
        .join('')}</Types>`,
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets
        .map((s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join('')}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/styles.xml': strToU8(styles.xml()),
  };
  sheetFiles.forEach((xml, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(xml)));
  return zipSync(files, { level: 6 });
}
