import { describe, expect, it } from 'vitest';
import { classificationCodeName } from './classification-code-name';
import { run } from '../../test/narrative/context';
import { tableOf } from '../../test/narrative/seed-text';

describe('classification.code-name', () => {
  it('accepts official and truncated names in a table', () => {
    const t = tableOf('一般公共预算支出表', '万元', [
      ['功能科目编码', '功能科目名称', '合计'],
      ['208', '社会保障和就业支出', '19.20'],
      ['2080505', '机关事业单位基本养老保', '19.08'],
      ['2101599', '其他医疗保障管理事务支', '156.84'],
    ]);
    expect(run(classificationCodeName, [], {}, [t])).toEqual([]);
  });

  it('reports a code whose printed name is another item (error)', () => {
    const t = tableOf('一般公共预算支出表', '万元', [
      ['功能科目编码', '功能科目名称', '合计'],
      ['210', '卫生健康支出', '19.20'],
      ['2101101', '城乡医疗救助', '19.08'],
    ]);
    const f = run(classificationCodeName, [], {}, [t]);
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('error');
    expect(f[0].expected).toBe('行政单位医疗');
  });

  it('warns on a one-word slip in the narrative (seed 001: 公务员医疗救助(2101103))', () => {
    const f = run(classificationCodeName, ['(5) 公务员医疗救助(2101103)202.9万元,较上年减少6497.1万元。']);
    expect(f.map((x) => x.severity)).toEqual(['warning']);
    expect(f[0].expected).toBe('公务员医疗补助');
    expect(f[0].refs[0].text).toBe('公务员医疗救助');
  });

  it('accepts economic names with or without 机关 (seed 002: 工资福利支出 (501))', () => {
    expect(run(classificationCodeName, ['工资福利支出 (501) 491.07万元 , 较上年减少10.12万元。', '对个人和家庭的补助支出 (509) 1.26万元 , 与上年持平。'])).toEqual([]);
  });
});
