import { describe, expect, it } from 'vitest';
import { classificationPath } from './classification-path';
import { run } from '../../test/narrative/context';

const FINAL = { kind: 'final' as const, year: 2020 };

describe('classification.path', () => {
  it('accepts paths that follow the classification (seed 004)', () => {
    expect(run(classificationPath, ['1．社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）。年初预算为 47.92 万元，支出决算为 48.35 万元，完成年初预算的 100.90%。'], FINAL)).toEqual([]);
    expect(run(classificationPath, ['7.卫生健康支出（类）医疗救助（款）城乡医疗救助（项）。年初预算为671.03万元，支出决算为863.32万元，完成年初预算的128.66%。'], FINAL)).toEqual([]);
  });

  it('reports a 款 placed under the wrong 类 (seed 004: 企业改革补助 is under 208)', () => {
    const f = run(classificationPath, ['3．卫生健康支出（类）企业改革补助（款）其他企业改革发展补助（项）。年初预算为851.60万元，支出决算为67.07万元，完成年初预算的7.88%。'], FINAL);
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('error');
    expect(f[0].message).toContain('20806');
    expect(f[0].refs[0].text).toBe('卫生健康支出');
  });

  it('names the right 款 when the printed one is not a 款 of the class (real 决算: 住房保障支出（款）)', () => {
    const f = run(classificationPath, ['12、住房保障支出（类）住房保障支出（款）住房公积金（项）。主要用于：行政单位、事业单位住房公积金支出。'], { kind: 'final', year: 2024 });
    expect(f).toHaveLength(1);
    expect(f[0].expected).toBe('住房改革支出（款）');
  });

  it('warns on a former 项 name (其他国土资源事务支出 → 其他自然资源事务支出)', () => {
    const f = run(classificationPath, ['11、自然资源海洋气象等支出（类）自然资源事务（款）其他国土资源事务支出（项）。年初预算为45.00万元。'], { kind: 'final', year: 2024 });
    expect(f.map((x) => x.severity)).toEqual(['warning']);
    expect(f[0].expected).toBe('其他自然资源事务支出');
  });
});
