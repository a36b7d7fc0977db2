/**
 * The rebuilt tables as an .xlsx workbook, one sheet per table (plus a findings sheet), written
 * as SpreadsheetML by hand and zipped with fflate. Cells are inline strings so every value is
 * kept exactly as displayed in the document; spanning cells become merged ranges.
 */
import { strToU8, zipSync } from 'fflate';
import type { Report, ReportTable } from '../report/types';
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

interface SheetData {
  rows: (string | null)[][];
  merges: string[];
  widths?: number[];
  /** Rows (0-based) written in bold: titles and header rows. */
  boldRows?: number;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

function sheetXml(sheet: SheetData): string {
  const rows = sheet.rows
    .map((row, r) => {
      const cells = row
        .map((v, c) => (v === null || v === '' ? '' : `<c r="${columnName(c)}${r + 1}"${r < (sheet.boldRows ?? 0) ? ' s="1"' : ''} t="inlineStr"><is><t xml:space="preserve">${xmlEscape(v)}</t></is></c>`))
        .join('');
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join('');
  const cols = sheet.widths?.length
    ? `<cols>${sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`
    : '';
  const merges = sheet.merges.length ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${cols}<sheetData>${rows}</sheetData>${merges}</worksheet>`;
}

function tableSheet(t: ReportTable): SheetData {
  const rows: (string | null)[][] = [];
  const merges: string[] = [];
  rows.push([t.title + (t.unit ? `（${t.unit}）` : '') + ` · p${t.pages.join(',')}`]);
  const offset = 1;
  t.rows.forEach((row, r) => {
    rows.push(row.map((c) => (c ? c.text : null)));
    row.forEach((c, col) => {
      if (c && (c.rowSpan > 1 || c.colSpan > 1)) {
        merges.push(`${columnName(col)}${r + 1 + offset}:${columnName(col + c.colSpan - 1)}${r + c.rowSpan + offset}`);
      }
    });
  });
  const ncols = Math.max(1, ...t.rows.map((r) => r.length));
  const widths = Array.from({ length: ncols }, (_, c) =>
    Math.min(60, Math.max(8, ...t.rows.map((r) => (r[c] && r[c]!.colSpan === 1 ? r[c]!.text.length * 2 + 2 : 0)))),
  );
  return { rows, merges, widths, boldRows: offset + t.headerRows };
}

function findingsSheet(report: Report): SheetData {
  const rows: (string | null)[][] = [['id', '页 page', '级别 severity', '规则 rule', '说明', 'message', '应为 expected', '实为 actual', '差额 difference']];
  for (const f of sortFindings(report.findings)) {
    rows.push([f.id, String(findingPage(f)), f.severity, f.rule, f.message, f.messageEn, f.expected ?? '', f.actual ?? '', f.difference ?? '']);
  }
  return { rows, merges: [], widths: [6, 8, 10, 24, 60, 60, 14, 14, 12], boldRows: 1 };
}

export function tablesXlsx(report: Report): Uint8Array {
  const sheets: { name: string; data: SheetData }[] = [];
  const names = sheetNames([...report.tables.map((t) => `${t.id} ${t.title}`), '核对结果 Findings']);
  report.tables.forEach((t, i) => sheets.push({ name: names[i], data: tableSheet(t) }));
  sheets.push({ name: names[names.length - 1], data: findingsSheet(report) });

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
    'xl/styles.xml': strToU8(STYLES),
  };
  sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(s.data))));
  return zipSync(files, { level: 6 });
}
