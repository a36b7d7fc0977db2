/** Cells of a line without rules, when a producer writes several cells as one text run. */
import { describe, expect, it } from 'vitest';
import type { TextRun } from '../pdf/types';
import { chunksOf } from './aligned';

/** A run at x with ½-em ASCII and 1-em CJK advances (10 pt), as the drawn fixtures write it. */
function run(text: string, x: number): TextRun {
  const width = [...text].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x80 ? 5 : 10), 0);
  return { text, bbox: [x, 100, x + width, 110], fontSize: 10, fontName: 'f', vertical: false };
}

const texts = (runs: TextRun[]) => chunksOf({ page: 1 }, runs).map((c) => c.text);

describe('chunksOf: one run holding several cells', () => {
  it('splits at single spaces beside figures', () => {
    expect(texts([run('合计 1,767.85 1,767.85', 50)])).toEqual(['合计', '1,767.85', '1,767.85']);
  });

  it('splits a header row of words', () => {
    expect(texts([run('项目名称 本年预算 上年预算', 50)])).toEqual(['项目名称', '本年预算', '上年预算']);
  });

  it('keeps a numbering with its label', () => {
    expect(texts([run('一、 一般公共服务支出 612.30 500.00', 50)])).toEqual(['一、一般公共服务支出', '612.30', '500.00']);
    expect(texts([run('（一） 工资福利支出 基本支出 人员经费', 50)])[0]).toBe('（一）工资福利支出');
  });

  it('keeps letter-spaced figures whole', () => {
    expect(texts([run('1 , 7 6 7 . 8 5', 50)])).toEqual(['1,767.85']);
  });

  it('a figure a little apart from its label is a cell of its own; one close by is not', () => {
    expect(texts([run('行政运行', 50), run('612.30', 98)])).toEqual(['行政运行', '612.30']);
    expect(texts([run('增长', 50), run('5.65%', 72)])).toEqual(['增长5.65%']);
  });
});
