/**
 * What real producers do that Chromium does not, on the drawn fixtures (test/fixtures/drawn.ts):
 * the fixture test compares cells; here the exact text of lines outside tables, where a spurious
 * space inside a number would be squeezed away by the notes check.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFile } from './helpers';

const pdf = (name: string) => join(__dirname, '..', 'fixtures', 'pdf', `${name}.pdf`);

describe('text drawn glyph by glyph', () => {
  it('paragraphs join without spaces inside words or numbers', async () => {
    const report = await analyzeFile(pdf('glyphs'));
    expect(report.paragraphs.map((p) => p.text)).toEqual([
      '2023年部门收支预算总表',
      '单位：万元',
      '注：本年预算收入总计3,767.85万元，比上年增加17.35万元。',
      '其中一般公共预算拨款收入1,267.85万元，增长5.65%。',
      '2023年部门支出预算表',
      '单位：万元',
    ]);
  });

  it('every figure in the table is one number', async () => {
    const report = await analyzeFile(pdf('glyphs'));
    expect(report.tables).toHaveLength(2);
    for (const table of report.tables) for (const row of table.rows.slice(1)) for (const cell of row.slice(1)) expect(cell!.text).toMatch(/^-?[\d,]+\.\d\d$/);
  });
});
