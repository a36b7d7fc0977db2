import { describe, expect, it } from 'vitest';
import { wordingUnit } from './wording-unit';
import { run } from '../../test/narrative/context';
import { tableOf } from '../../test/narrative/seed-text';

const expenditure = tableOf('支出决算表', '万元', [
  ['功能分类科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出'],
  ['', '合计', '1833.40', '1817.57', '15.84'],
]);
const FINAL = { kind: 'final' as const, year: 2020 };

describe('wording.unit', () => {
  it('reports 万元 written as 元 next to a figure of the tables', () => {
    const f = run(wordingUnit, ['2020 年度支出合计 1833.40 元，其中：基本支出 1817.57 万元；项目支出 15.84 万元。'], FINAL, [expenditure]);
    expect(f).toHaveLength(1);
    expect(f[0].expected).toBe('1833.40万元');
  });
  it('reports a bare 万 (real 决算: 国内公务接待支出 0.39 万)', () => {
    const f = run(wordingUnit, ['国内公务接待支出0.39万（含外宾接待支出0.00万元）。'], FINAL);
    expect(f.map((x) => x.actual)).toEqual(['0.39万']);
  });
  it('reports the habit of writing 万 once per document, every place a ref (real 2025 budget, 项目经费情况说明)', () => {
    const real = [
      '2025年度项目总预算1720.00万，其中各级企业技术中心及专精特新认定1720.00万。',
      '2025年度项目总预算1410.00万，其中支持引进品牌集聚340.00万，支持打造示范地标120.00万，支持促消费提质提升800.00万，支持商业数字化创新70.00万，支持商业综合服务能力提升80.00万元，合计1410.00万。',
      '2025年度项目总预算2921.00万，其中支持外贸发展370.00万，支持商销稳增长30.00万，区级支持总部经济1106.00万，市级支持总部经济1262.00万，进博会推进专项153.00万，合计2921.00万。',
    ];
    const f = run(wordingUnit, real, { year: 2025 });
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('warning');
    const texts = f[0].refs.map((r) => r.text);
    // every bare 万 amount the narrative reads is a place; the one written 万元 is not
    expect(texts).toEqual(expect.arrayContaining(['1720.00万', '340.00万', '2921.00万', '153.00万']));
    expect(texts).not.toContain('80.00万元');
    expect(texts.length).toBeGreaterThanOrEqual(8);
  });
  it('reports 万 written in two paragraphs of a synthetic 说明 once', () => {
    const f = run(wordingUnit, ['一般公共服务支出150.00万，主要用于机关运行。', '住房保障支出30.00万，主要用于住房公积金。', '教育支出20.00万元。'], { year: 2025 });
    expect(f).toHaveLength(1);
    expect(f[0].refs.map((r) => r.text)).toEqual(['150.00万', '30.00万']);
  });
  it('reports the same digits written 元 beside 万元 in one paragraph (real Changchun 2026 budget)', () => {
    const text = '2026年预算收入1682.76万元。其中当年预算1682.76万元。2026年预算支出1682.76元，其中基本支出预算1208.20万元，占部门预算总支出的71.80%；项目支出预算474.56万元，占部门预算总支出的28.20%。';
    const f = run(wordingUnit, [text], { year: 2026 });
    expect(f).toHaveLength(1);
    expect(f[0].actual).toBe('1682.76元');
    expect(f[0].expected).toBe('1682.76万元');
    // a paragraph counting in 元 throughout is no slip
    expect(run(wordingUnit, ['2026年预算收入1682.76元，预算支出1682.76元，其中基本支出1208.20元。'], { year: 2026 })).toEqual([]);
  });
  it('accepts figures in the right unit', () => {
    expect(run(wordingUnit, ['2020 年度支出合计 1833.40 万元，其中：基本支出 1817.57 万元。'], FINAL, [expenditure])).toEqual([]);
  });
});
