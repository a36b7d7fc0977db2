import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { columnName, sheetNames, sheetNumber, tablesXlsx } from './xlsx';
import { finding, sampleReport, table } from '../../test/ui/fixtures';

interface ReadCell {
  /** `n` for a number cell, `inlineStr` for text. */
  type: 'n' | 'inlineStr';
  /** The stored value: the number as written in <v>, or the text. */
  value: string;
  style: number;
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** Reads a sheet's cells back, keyed by address (A1), as Excel would: number or inline string, and the style index. */
function readCells(xml: string): Map<string, ReadCell> {
  const out = new Map<string, ReadCell>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"((?: [a-z]+="[^"]*")*)>(.*?)<\/c>/g)) {
    const attrs = Object.fromEntries([...m[2].matchAll(/ ([a-z]+)="([^"]*)"/g)].map((a) => [a[1], a[2]]));
    const type = (attrs.t ?? 'n') as ReadCell['type'];
    const value = type === 'inlineStr' ? unescape(/<t[^>]*>([^<]*)<\/t>/.exec(m[3])![1]) : /<v>([^<]*)<\/v>/.exec(m[3])![1];
    out.set(m[1], { type, value, style: Number(attrs.s ?? 0) });
  }
  return out;
}

/** Displayed grid of a sheet: text cells as text, number cells as their stored value. */
function readGrid(xml: string): string[][] {
  const grid: string[][] = [];
  for (const [ref, c] of readCells(xml)) {
    const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    (grid[Number(m[2]) - 1] ??= [])[col] = c.value;
  }
  return grid;
}

/** The fill colour (ARGB) and number format code of each cell style index in styles.xml. */
function readStyles(xml: string): { fill: string | null; format: string | null }[] {
  const fills = [...xml.matchAll(/<fill>(.*?)<\/fill>/g)].map((m) => /<fgColor rgb="([0-9A-F]{8})"/.exec(m[1])?.[1] ?? null);
  const formats = new Map([...xml.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/g)].map((m) => [Number(m[1]), unescape(m[2])]));
  const xfs = /<cellXfs[^>]*>(.*?)<\/cellXfs>/.exec(xml)![1];
  return [...xfs.matchAll(/<xf ([^>]*)\/>/g)].map((m) => {
    const fillId = Number(/fillId="(\d+)"/.exec(m[1])![1]);
    const numFmtId = Number(/numFmtId="(\d+)"/.exec(m[1])![1]);
    return { fill: fills[fillId], format: formats.get(numFmtId) ?? null };
  });
}

function workbook(report = sampleReport()) {
  const files = unzipSync(tablesXlsx(report));
  const names = [...strFromU8(files['xl/workbook.xml']).matchAll(/<sheet name="([^"]+)"/g)].map((m) => unescape(m[1]));
  return { files, names, sheet: (i: number) => strFromU8(files[`xl/worksheets/sheet${i + 1}.xml`]), styles: readStyles(strFromU8(files['xl/styles.xml'])) };
}

describe('tablesXlsx', () => {
  it('writes one sheet per table plus a findings sheet, with every cell kept', () => {
    const r = sampleReport();
    r.tables[0].rows[2][0]!.text = 'A&B <工资>';
    const { files, names, sheet } = workbook(r);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml']));
    // Every part the package names exists, and every relationship target exists.
    const types = strFromU8(files['[Content_Types].xml']);
    for (const m of types.matchAll(/PartName="\/([^"]+)"/g)) expect(files[m[1]], m[1]).toBeTruthy();
    const rels = strFromU8(files['xl/_rels/workbook.xml.rels']);
    for (const m of rels.matchAll(/Target="([^"]+)"/g)) expect(files[`xl/${m[1]}`], m[1]).toBeTruthy();
    expect(names).toHaveLength(r.tables.length + 1);
    expect(names[0]).toContain('t1');
    const grid = readGrid(sheet(0));
    // Row 0 is the title line; then the table's rows (figures as their exact values).
    expect(grid[0][0]).toContain('t1 收支总表');
    expect(grid.slice(1)).toEqual([
      ['项目', '金额'],
      ['合计', '100'],
      ['A&B <工资>', '60'],
      ['公用', '39.99'],
    ]);
    const findings = readGrid(sheet(names.length - 1));
    expect(findings.slice(1).map((row) => row[0])).toEqual(['f1', 'f2', 'f3']);
  });

  it('writes figures as numbers with the printed value exactly, so SUM works; codes, labels and dashes stay text', () => {
    const r = sampleReport();
    r.tables = [
      table('t1', [
        ['科目编码', '科目名称', '合计', '基本支出', '增长率', '栏次'],
        ['2010101', '行政运行', '1,767.85', '１２３．４５', '12.5%', '1'],
        ['2010102', '一般行政管理事务', '90816893.00', '-', '(3.20)', '2'],
        ['201', '合计', '05', '0.00', '', '3'],
      ]),
    ];
    r.tables[0].headerRows = 1;
    r.findings = [];
    const { sheet, styles } = workbook(r);
    const cells = readCells(sheet(0));
    const number = (ref: string) => {
      const c = cells.get(ref)!;
      expect(c.type, ref).toBe('n');
      return { value: c.value, format: styles[c.style].format };
    };
    expect(number('C3')).toEqual({ value: '1767.85', format: '#,##0.00' });
    expect(number('D3')).toEqual({ value: '123.45', format: '0.00' });
    expect(number('E3')).toEqual({ value: '0.125', format: '0.0%' });
    expect(number('C4')).toEqual({ value: '90816893', format: '0.00' });
    expect(number('E4')).toEqual({ value: '-3.2', format: '0.00;(0.00)' });
    expect(number('D5')).toEqual({ value: '0', format: '0.00' });
    // Codes (by header and by shape), labels, dashes, the header row, leading zeros and row numbers stay text.
    for (const ref of ['A3', 'A4', 'A5', 'B3', 'D4', 'C2', 'C5', 'F3']) expect(cells.get(ref)?.type, ref).toBe('inlineStr');
    expect(cells.get('A3')!.value).toBe('2010101');
    // A code column found by its shape alone (no 编码 header).
    r.tables[0].columnHeaders[0] = ['科目'];
    expect(readCells(workbook(r).sheet(0)).get('A3')!.type).toBe('inlineStr');
  });

  it('fills the cells a finding names by severity and links the findings sheet to them', () => {
    const r = sampleReport();
    r.findings.push(finding('f4', 'warning', 'cross.table', [{ page: 2, bbox: [0, 0, 1, 1], tableId: 't1', row: 1, col: 1 }]));
    const { names, sheet, styles } = workbook(r);
    const cells = readCells(sheet(0));
    const fill = (ref: string) => styles[cells.get(ref)!.style].fill;
    // f1 (error) names t1 rows 1 and 2, column 1 — sheet rows 3 and 4, column B; f4 (warning) also B3: error wins.
    expect(fill('B3')).toBe('FFFFC7CE');
    expect(fill('B4')).toBe('FFFFC7CE');
    // f2 (warning) names row 3.
    expect(fill('B5')).toBe('FFFFEB9C');
    // Unflagged cells are not filled, and keep their number format.
    expect(fill('A3')).toBeNull();
    expect(cells.get('B3')!.type).toBe('n');
    expect(styles[cells.get('B3')!.style].format).toBe('0.00');
    // f3 (info) names t2 row 1.
    expect(styles[readCells(sheet(1)).get('B3')!.style].fill).toBe('FFDDEBF7');

    const findingsXml = sheet(names.length - 1);
    const grid = readGrid(findingsXml);
    const f1 = grid.findIndex((row) => row?.[0] === 'f1');
    expect(grid[0][4]).toBe('单元格 cell');
    expect(grid[f1][4]).toBe(`'${names[0]}'!B3, '${names[0]}'!B4`);
    const links = [...findingsXml.matchAll(/<hyperlink ref="([A-Z]+\d+)" location="([^"]+)"/g)].map((m) => [m[1], unescape(m[2])]);
    expect(links).toContainEqual([`E${f1 + 1}`, `'${names[0]}'!B3`]);
    // Every link points at a sheet that exists.
    for (const [, loc] of links) expect(names).toContain(/^'(.*)'!/.exec(loc)![1].replace(/''/g, "'"));
    // Expected/actual/difference are numbers too.
    expect(readCells(findingsXml).get(`H${f1 + 1}`)).toMatchObject({ type: 'n', value: '100' });
  });

  it('turns spanning cells into merged ranges', () => {
    const r = sampleReport();
    const t = r.tables[0];
    t.rows[0][0]!.colSpan = 2;
    t.rows[0][1] = null;
    const xml = workbook(r).sheet(0);
    expect(xml).toContain('<mergeCell ref="A2:B2"/>');
  });

  it('keeps as text what a number cell would change', () => {
    expect(sheetNumber('05')).toBeNull();
    expect(sheetNumber('1234567890123456')).toBeNull();
    expect(sheetNumber('合计')).toBeNull();
    expect(sheetNumber('—')).toBeNull();
    expect(sheetNumber('１，２３４．５')).toEqual({ value: '1234.5', format: '#,##0.0' });
  });

  it('makes valid, unique sheet names and column letters', () => {
    expect(sheetNames(['a/b:c', 'a/b:c', 'x'.repeat(40)])).toEqual(['a b c', 'a b c (2)', 'x'.repeat(31)]);
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
