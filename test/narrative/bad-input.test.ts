/** Bad input never throws: odd text, half-read tables and missing columns give fewer statements and findings. */
import { describe, expect, it } from 'vitest';
import type { Paragraph } from '../../src/layout/types';
import { readNarrative } from '../../src/recognize/narrative';
import { RULES } from '../../src/rules/registry';
import { contextOf } from './context';
import { tableOf } from './seed-text';

const MINE = RULES.filter((r) => /^(narrative|classification|consistency|wording)\./.test(r.id));

const ODD = [
  '',
  '。。。',
  '没有数字的一段话。',
  '占%，增长%，完成年初预算的%。',
  '其中：',
  '其中：其中：其中：1万元',
  '收入总计万元，支出总计元，增加万元，增长。',
  '１２３４５．６７万元，占１００．００％，比上年增加１２．３４万元，增长０．１０％。',
  '（类）（款）（项）',
  'XX（类）XX（款）XX（项）年初预算为XXX万元',
  '9'.repeat(400) + '万元，占' + '9'.repeat(50) + '%',
  '2080505'.repeat(50),
  '增加增加增加增加',
  '\u0000\uffff\ud800',
];

describe('bad input', () => {
  it('readNarrative reads odd text without throwing', () => {
    expect(() => readNarrative(ODD.map((text) => ({ page: 1, bbox: [0, 0, 1, 1], text, lines: [], starts: [] })))).not.toThrow();
    expect(() => readNarrative([{ page: 1, bbox: [0, 0, 1, 1], text: '收入合计1万元', lines: undefined as unknown as [], starts: undefined as unknown as [] } as Paragraph])).not.toThrow();
  });

  it('every narrative rule copes with odd text and half tables', () => {
    const half = tableOf('2022年一般公共预算“三公”经费预算表', '万元', [['“三公”经费合计'], ['']]);
    const ragged = tableOf('支出决算表', null, [['科目编码', '科目名称', '合计'], ['208', '', 'abc'], ['', '合计']]);
    const ctx = contextOf(ODD, { year: 2022, department: 'XX局' }, [half, ragged]);
    for (const rule of MINE) expect(() => rule.check(ctx), rule.id).not.toThrow();
  });
});
