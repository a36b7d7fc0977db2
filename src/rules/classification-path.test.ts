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

  it('accepts a path in the names of the document’s year, and notes them in a later one', () => {
    const path = '2．医疗卫生与计划生育支出（类）医疗卫生与计划生育管理事务（款）其他医疗卫生与计划生育管理事务支出（项）50.00万元。';
    expect(run(classificationPath, [path], { kind: 'budget', year: 2018 })).toEqual([]);
    // one year after the renaming: a note on each renamed level; years after: warnings
    expect(run(classificationPath, [path], { kind: 'budget', year: 2019 }).map((x) => [x.actual, x.severity])).toEqual([
      ['医疗卫生与计划生育支出', 'info'],
      ['医疗卫生与计划生育管理事务', 'info'],
      ['其他医疗卫生与计划生育管理事务支出', 'info'],
    ]);
    const f = run(classificationPath, [path], { kind: 'budget', year: 2024 });
    expect(f.map((x) => [x.actual, x.severity, x.expected])).toEqual([
      ['医疗卫生与计划生育支出', 'warning', '卫生健康支出'],
      ['医疗卫生与计划生育管理事务', 'warning', '卫生健康管理事务'],
      ['其他医疗卫生与计划生育管理事务支出', 'warning', '其他卫生健康管理事务支出'],
    ]);
    expect(f[0].refs[0].text).toBe('医疗卫生与计划生育支出');
  });

  it('accepts 行政事业单位离退休（款） in 2019 and the new name from 2020', () => {
    const old = '3．社会保障和就业支出（类）行政事业单位离退休（款）未归口管理的行政单位离退休（项）1608.51万元。';
    expect(run(classificationPath, [old], { kind: 'budget', year: 2019 })).toEqual([]);
    expect(run(classificationPath, ['3．社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）1608.51万元。'], { kind: 'budget', year: 2020 })).toEqual([]);
  });

  it('does not place a generic 项 under another 款 when this 款’s items are unknown (real 2025 budget: 财政事务（款）信息化建设（项）)', () => {
    expect(run(classificationPath, ['3.“一般公共服务支出（类）财政事务（款）信息化建设（项）”166.66万元，主要用于信息系统软硬件设备运维。'], { kind: 'budget', year: 2025 })).toEqual([]);
  });
});
