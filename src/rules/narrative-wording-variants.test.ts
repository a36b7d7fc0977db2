/**
 * The classes of wording the wording sweep (test/generator/wording-sweep.ts) taught the narrative
 * reader: each case once as consistent text (nothing to report) and once with a figure changed
 * (reported). Text only — the table links are covered by test/narrative/wording-variants.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { narrativeComponents } from './narrative-components';
import { narrativeGrowth } from './narrative-growth';
import { narrativeShare } from './narrative-share';
import { contextOf, run, severities } from '../../test/narrative/context';
import type { NarrativeAmount } from '../recognize/narrative';

const amounts = (texts: string[], kind: 'budget' | 'final' = 'budget') => contextOf(texts, { kind }).narrative.filter((s): s is NarrativeAmount => s.kind === 'amount');

describe('narrative wording variants', () => {
  it('closes a list at 以上合计 (the closing figure is the total, not an item)', () => {
    const t = '2023年一般公共预算支出549.31万元，主要用于以下方面：（一）社会保障和就业支出（类）501.25万元，占91.25%；（二）卫生健康支出（类）24.03万元，占4.37%；（三）住房保障支出（类）24.03万元，占4.37%；以上合计549.31万元。';
    expect(run(narrativeComponents, [t])).toEqual([]);
    expect(severities(run(narrativeComponents, [t.replace('以上合计549.31', '以上合计594.31')]))).not.toEqual([]);
  });

  it('reads 万 before 用于 as the unit and the subject after 用于 (安排x万用于“…（项）”)', () => {
    const t = '1．安排273.03万用于“社会保障和就业支出（类）民政管理事务（款）行政运行（项）”，与上年相比，增加26.76万，增长10.87%。';
    const [a] = amounts([t]);
    expect(a.number.unit).toBe('万');
    expect(a.quantity.key).toBe('function');
    expect(run(narrativeGrowth, [t])).toEqual([]);
    expect(severities(run(narrativeGrowth, [t.replace('增长10.87%', '增长16.42%')]))).toEqual(['error']);
  });

  it('gives the figures of a paragraph headed “name（code）：” that subject, spaced text included', () => {
    for (const t of ['（2）机关事业单位基本养老保险缴费支出（2080505）：2023年预算数为60.24万元，较上年增加9.94万元，增长19.76%。', '（ 7 ） 殡葬 （ 2081004 ）： 2023 年预算数为 40.02 万元 ， 较上年增加 1.08 万元 ， 增长2.77%。']) {
      const [a] = amounts([t]);
      expect(a.quantity.codes).toHaveLength(1);
      expect(run(narrativeGrowth, [t])).toEqual([]);
    }
    expect(severities(run(narrativeGrowth, ['（2）机关事业单位基本养老保险缴费支出（2080505）：2023年预算数为60.24万元，较上年增加19.94万元，增长19.76%。']))).toEqual(['error']);
  });

  it('names no subject for a part of a whole (项目支出中用于…) or a rough figure (约x)', () => {
    const [, , , vague] = amounts(['2023年支出预算549.31万，其中安排378.27万用于基本支出，占68.86%；安排171.04万用于项目支出，占31.14%。项目支出中用于重点工作的经费约96.92万。']);
    expect(vague.number.text).toBe('96.92');
    expect(vague.quantity.key).toBe('unknown');
  });

  it('parts the head of the list before it when 其中 opens the next sentence (政府采购 … 其中，面向中小企业)', () => {
    const t = '2023年本部门政府采购预算总额70.33万元，包括政府采购货物预算48.05万元、政府采购工程预算0.00万元和政府采购服务预算22.28万元。其中，面向中小企业预留政府采购预算58.30万元，占政府采购预算总额的82.89%。';
    expect(run(narrativeComponents, [t])).toEqual([]);
    expect(run(narrativeShare, [t])).toEqual([]);
    expect(severities(run(narrativeComponents, [t.replace('58.30', '85.30')]))).toEqual(['error']);
  });

  it('sums 包括A和B and 分别为 lists (complete), counts of staff included', () => {
    expect(run(narrativeComponents, ['本部门编制人数共49人，包括行政编制29人和事业编制20人。'])).toEqual([]);
    expect(severities(run(narrativeComponents, ['本部门编制人数共49人，包括行政编制29人和事业编制19人。']))).toEqual(['warning']);
    expect(run(narrativeComponents, ['截至年底，本部门实有人员49人，分别为行政人员29人、事业人员20人；单位管理的离退休人员5人。'])).toEqual([]);
    expect(severities(run(narrativeComponents, ['截至年底，本部门实有人员49人，分别为行政人员29人、事业人员10人；单位管理的离退休人员5人。']))).toEqual(['warning']);
    expect(severities(run(narrativeComponents, ['2023年政府采购预算12.63万元，分别为：货物类13.63万元，工程类0.00万元，服务类0.00万元。']))).toEqual(['error']);
  });

  it('finds the part a share names (其中：基本支出占x%) and the whole its label names (X中…，占x%)', () => {
    const t = '2024年度本年支出合计1640.93万元，包括基本支出472.02万元和项目支出1168.91万元。其中：基本支出占28.77%，项目支出占71.23%。';
    expect(run(narrativeShare, [t])).toEqual([]);
    expect(severities(run(narrativeShare, [t.replace('28.77%', '48.77%')]))).toEqual(['error']);
    const u = '2023年政府采购预算12.63万元，分别为：货物类12.63万元，工程类0.00万元，服务类0.00万元。政府采购预算中预留给中小企业8.30万元，占65.72%。';
    expect(run(narrativeShare, [u])).toEqual([]);
    expect(severities(run(narrativeShare, [u.replace('65.72%', '56.72%')]))).toEqual(['error']);
  });

  it('breaks down a 决算, not the 年初预算 beside it, and keeps a coded list to the total’s role', () => {
    const t = '2.公务用车购置及运行费支出决算1.63万元，年初预算1.78万元，完成预算的91.57%，包括公务用车购置费0.00万元和公务用车运行费1.63万元。';
    expect(run(narrativeComponents, [t], { kind: 'final' })).toEqual([]);
    const items = [
      '2024年度一般公共预算财政拨款支出年初预算为409.87万元，支出决算为407.49万元，完成年初预算的99.42%。其中：',
      '（1）行政运行（2010301）：年初预算为373.25万元，支出决算为373.25万元，完成年初预算的100.00%。',
      '（2）一般行政管理事务（2010302）：年初预算为36.62万元，支出决算为34.24万元，完成年初预算的93.50%。',
    ];
    expect(run(narrativeComponents, items, { kind: 'final' })).toEqual([]);
  });
});
