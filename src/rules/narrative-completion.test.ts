import { describe, expect, it } from 'vitest';
import { narrativeCompletion } from './narrative-completion';
import { run } from '../../test/narrative/context';

const FINAL = { kind: 'final' as const, year: 2020 };

describe('narrative.completion', () => {
  it('accepts completion rates copied from seed 004', () => {
    expect(run(narrativeCompletion, ['2020 年度一般公共预算财政拨款支出年初预算为 23174.70 万元，支出决算为 1833.40 万元，完成年初预算的 7.91%。'], FINAL)).toEqual([]);
    expect(run(narrativeCompletion, ['12．卫生健康支出（类）医疗保障管理事务（款）医疗保障经办事务（项）。年初预算为 40.00 万元，支出决算为 72.67 万元，完成年初预算的 181.68%。'], FINAL)).toEqual([]);
  });

  it('notes the real 决算’s 95.45% (9746.50 ÷ 10210.34 = 95.457…%, cut instead of rounded): 末位取舍, info', () => {
    const f = run(narrativeCompletion, ['一般公共预算财政拨款支出年初预算为10210.34万元，支出决算为9746.50万元，完成年初预算的95.45%。'], { kind: 'final', year: 2024 });
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('info');
    expect(f[0].expected).toBe('95.46%');
    expect(f[0].message).toContain('末位取舍');
    expect(f[0].message).toContain('9746.50 ÷ 10210.34');
    // one unit off that truncation does not explain (95.44%), and a rate off by more, are errors
    const wrong = run(narrativeCompletion, ['一般公共预算财政拨款支出年初预算为10210.34万元，支出决算为9746.50万元，完成年初预算的95.44%。'], { kind: 'final', year: 2024 });
    expect(wrong.map((x) => x.severity)).toEqual(['error']);
    const far = run(narrativeCompletion, ['一般公共预算财政拨款支出年初预算为10210.34万元，支出决算为9746.50万元，完成年初预算的95.65%。'], { kind: 'final', year: 2024 });
    expect(far.map((x) => x.severity)).toEqual(['error']);
  });

  it('notes a rate printed on a zero budget (info), and errors when the actual is not zero', () => {
    const info = run(narrativeCompletion, ['1．因公出国（境）费预算为 0.00 万元，支出决算为 0.00 万元，完成预算的 0.00%。'], FINAL);
    expect(info.map((x) => x.severity)).toEqual(['info']);
    const err = run(narrativeCompletion, ['1．因公出国（境）费预算为 0.00 万元，支出决算为 1.00 万元，完成预算的 100.00%。'], FINAL);
    // a rate on a zero base is undefined, not a wrong figure: a warning
    expect(err.map((x) => x.severity)).toEqual(['warning']);
  });
});

describe('narrative.completion on the statement model', () => {
  it('one sentence’s 预算 and 决算 of a part, one named with its list head’s fund and one without (wording sweep wsweep-8)', () => {
    const text = (rate: string) => `2024年度“三公”经费财政拨款支出预算为13.44万元，支出决算为11.20万元，完成预算的83.33%。其中：因公出国（境）费支出预算为7.85万元，支出决算为7.73万元，完成预算的${rate}%；公务接待费支出预算为1.79万元，支出决算为1.76万元，完成预算的98.32%。`;
    expect(run(narrativeCompletion, [text('98.47')], { kind: 'final', year: 2024 })).toEqual([]);
    expect(run(narrativeCompletion, [text('89.47')], { kind: 'final', year: 2024 }).map((f) => [f.severity, f.expected])).toEqual([['error', '98.47%']]);
  });

  it('a 预算 of one subject and a 决算 of another, in two sentences, are not set against each other', () => {
    expect(run(narrativeCompletion, ['公务接待费年初预算为1.79万元。', '因公出国（境）费支出决算为1.00万元，完成预算的50.00%。'], { kind: 'final', year: 2024 })).toEqual([]);
  });
});

describe('narrative.completion: a rate and the difference the sentence states', () => {
  // 2017 决算, a kindergarten (collected for session 7): 1741.75 − 55.93 = 1685.82, so 103.32 %, not 100 %
  const say = (rate: string, gap = '55.93', word = '大于') => [`2017年度,本单位一般公共预算财政拨款支出总计1741.75万元,与上年相比减少53.7万元,降低2.99%;完成年初预算${rate}%,决算数${word}预算数${gap}万元,主要原因:职工工资调标。`];
  it('reports a rate the stated difference contradicts', () => {
    const f = run(narrativeCompletion, say('100'), { kind: 'final', year: 2017 });
    expect(f.map((x) => `${x.severity} ${x.expected}`)).toEqual(['error 103%']);
    expect(f[0].message).toContain('1741.75 ÷ (1741.75 − 55.93)');
  });
  it('accepts a rate that fits, either side', () => {
    expect(run(narrativeCompletion, say('103.32'), { kind: 'final', year: 2017 })).toEqual([]);
    expect(run(narrativeCompletion, say('96.89', '55.93', '小于'), { kind: 'final', year: 2017 })).toEqual([]);
  });
});
