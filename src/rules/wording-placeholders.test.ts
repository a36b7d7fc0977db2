import { describe, expect, it } from 'vitest';
import { wordingPlaceholders } from './wording-placeholders';
import { contextOf, run } from '../../test/narrative/context';
import { paragraph } from '../../test/narrative/seed-text';

describe('wording.placeholder', () => {
  it('reports placeholders left from the template, one finding per page', () => {
    const f = run(wordingPlaceholders, ['上海市XX局2024年度收入支出总计XXX万元，增长XX%。']);
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('error');
    expect(f[0].refs.map((r) => r.text)).toEqual(['XX局', 'XXX万元', 'XX%']);
  });
  it('reports an unresolved 下降（增长） (real 决算) and instructions left in (seed 002)', () => {
    expect(run(wordingPlaceholders, ['2024年度“三公”经费财政拨款支出决算数比2023年度减少0.15万元，下降（增长）27.78%。'])[0].actual).toBe('下降（增长）');
    expect(run(wordingPlaceholders, ['注：1. 封面和目录的格式不得随意改变。'])).toHaveLength(1);
  });
  it('reports the unresolved 增加（减少） of a real unit budget (answer key SFJU-01)', () => {
    const f = run(wordingPlaceholders, ['财政拨款收入支出增加（减少）的主要原因是业务量增加。']);
    expect(f).toHaveLength(1);
    expect(f[0].severity).not.toBe('info');
    expect(f[0].actual).toBe('增加（减少）');
  });
  it('reports one kind of leftover once per document with every place, whatever the page', () => {
    const p = (text: string, page: number) => ({ ...paragraph(text, page) });
    const ctx = contextOf([]);
    ctx.layout.paragraphs = [
      p('一般公共预算收入0万元，与上年相比增加（减少）0万元，增长（减少）0%。', 9),
      p('政府性基金收入0万元，与上年相比增加（减少）0万元。', 10),
      p('公务用车购置预算支出0万元，比上年预算增加（减少）0万元。', 16),
      p('上海市XX局2024年度部门决算', 1),
    ];
    const f = wordingPlaceholders.check(ctx);
    expect(f.map((x) => [x.severity, x.refs.length])).toEqual([
      ['warning', 4],
      ['error', 1],
    ]);
    expect([...new Set(f[0].refs.map((r) => r.page))]).toEqual([9, 10, 16]);
  });
  it('reports a reason left blank (real 2026 unit budget, answer key SFJU-10)', () => {
    const f = run(wordingPlaceholders, ['公务用车购置及运行费9.98万元，与2025年预算数持平，主要原因是。其中：公务用车购置费0万元。']);
    expect(f).toHaveLength(1);
    expect(f[0].refs[0].text).toBe('主要原因是');
    expect(run(wordingPlaceholders, ['支出增加，主要原因是：人员调整。', '主要用于机关运行；主要原因是业务量增加。'])).toEqual([]);
  });
  it('reports a share whose figure was never filled in (广西 2022 单位预算: 商品和服务支出预算 75800 元,占基本支出预算%)', () => {
    const f = run(wordingPlaceholders, ['商品和服务支出预算 75800 元,占基本支出预算%,同比增加 52044.27 元,增长 50.63%。']);
    expect(f.map((x) => [x.severity, x.refs[0].text])).toEqual([['warning', '占基本支出预算%']]);
    expect(run(wordingPlaceholders, ['商品和服务支出预算 75800 元,占基本支出预算 6.69%。', '项目 金额 占比%', '占比（%）'])).toEqual([]);
  });
  it('leaves ordinary text alone', () => {
    expect(run(wordingPlaceholders, ['我单位2022年收入合计6220.67万元，其中：一般公共预算收入6184.67万元（含上级补助）。', '单价50万元以上通用设备0台（套）。'])).toEqual([]);
  });
});
