import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { columnName, sheetNames, tablesXlsx } from './xlsx';
import { sampleReport } from '../../test/ui/fixtures';

/** Reads the inline-string cells of a sheet back into a grid. */
function readSheet(xml: string): string[][] {
  const grid: string[][] = [];
  for (const m of xml.matchAll(/<c r="([A-Z]+)(\d+)"(?: s="\d+")? t="inlineStr"><is><t xml:space="preserve">([^<]*)<\/t><\/is><\/c>/g)) {
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const row = Number(m[2]) - 1;
    (grid[row] ??= [])[col] = m[3].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  }
  return grid;
}

describe('tablesXlsx', () => {
  it('writes one sheet per table plus a findings sheet, with every cell text kept', () => {
    const r = sampleReport();
    r.tables[0].rows[2][0]!.text = 'A&B <工资>';
    r.tables[0].rows[1][0]!.colSpan = 1;
    const files = unzipSync(tablesXlsx(r));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml']));
    // Every part the package names exists, and every relationship target exists.
    const types = strFromU8(files['[Content_Types].xml']);
    for (const m of types.matchAll(/PartName="\/([^"]+)"/g)) expect(files[m[1]], m[1]).toBeTruthy();
    const rels = strFromU8(files['xl/_rels/workbook.xml.rels']);
    for (const m of rels.matchAll(/Target="([^"]+)"/g)) expect(files[`xl/${m[1]}`], m[1]).toBeTruthy();
    const workbook = strFromU8(files['xl/workbook.xml']);
    const names = [...workbook.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toHaveLength(r.tables.length + 1);
    expect(names[0]).toContain('t1');
    const sheet1 = readSheet(strFromU8(files['xl/worksheets/sheet1.xml']));
    // Row 0 is the title line; then the table's rows exactly.
    expect(sheet1[0][0]).toContain('t1 收支总表');
    expect(sheet1.slice(1)).toEqual(r.tables[0].rows.map((row) => row.map((c) => c!.text)));
    // The title row and the table's header row are bold, the body is not.
    const xml1 = strFromU8(files['xl/worksheets/sheet1.xml']);
    expect(xml1).toContain('<c r="A2" s="1"');
    expect(xml1).toContain('<c r="A3" t="inlineStr"');
    const findings = readSheet(strFromU8(files[`xl/worksheets/sheet${names.length}.xml`]));
    expect(findings.slice(1).map((row) => row[0])).toEqual(['f1', 'f2', 'f3']);
  });

  it('turns spanning cells into merged ranges', () => {
    const r = sampleReport();
    const t = r.tables[0];
    t.rows[0][0]!.colSpan = 2;
    t.rows[0][1] = null;
    const files = unzipSync(tablesXlsx(r));
    const xml = strFromU8(files['xl/worksheets/sheet1.xml']);
    expect(xml).toContain('<mergeCell ref="A2:B2"/>');
  });

  it('makes valid, unique sheet names and column letters', () => {
    expect(sheetNames(['a/b:c', 'a/b:c', 'x'.repeat(40)])).toEqual(['a b c', 'a b c (2)', 'x'.repeat(31)]);
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
