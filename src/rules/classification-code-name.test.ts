import { describe, expect, it } from 'vitest';
import { classificationCodeName } from './classification-code-name';
import { contextOf, run } from '../../test/narrative/context';
import type { Table } from '../layout/types';

/** The rule on tables of a document whose year could not be read. */
const runYearUnknown = (tables: Table[]) => {
  const ctx = contextOf([], {}, tables);
  return classificationCodeName.check({ ...ctx, document: { ...ctx.document, year: null } });
};
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

  it('reads a code printed in brackets before the name ([212]城乡社区支出, 珠海 2026)', () => {
    const t = tableOf('一般公共预算支出表', '万元', [
      ['科目名称', '合计'],
      ['[212]城乡社区支出', '19.20'],
      ['[21201]城乡社区管理事务', '19.20'],
      ['【2120101】行政运行', '19.20'],
    ]);
    expect(run(classificationCodeName, [], {}, [t])).toEqual([]);
  });

  it('reads a code’s name after its code only: not the 项目名称 / 项目类型 before it (a wrapped project row, LibreOffice without borders)', () => {
    const t = tableOf('项目支出表', '万元', [
      ['项目名称', '项目类型', '功能科目编码', '功能科目名称', '合计'],
      ['中央专项彩票公益金', '目标', '2296013', '', '69.82'],
      ['城乡医疗救助本级配套资金', '特定目标类', '2101301', '行政运行', '104.79'],
    ]);
    const f = run(classificationCodeName, [], {}, [t]);
    expect(f.map((x) => x.actual)).toEqual(['行政运行']);
  });

  it('two classifications side by side (部门 类 | 款 | 名称 | 政府 类 | 款 | 名称, 烟台 2026): each code is named by the name after it', () => {
    const t = tableOf('一般公共预算基本支出情况表', '万元', [
      ['类', '款', '部门预算支出经济分类科目名称', '类', '款', '政府预算支出经济分类科目名称', '小计'],
      ['301', '', '工资福利支出', '501', '', '机关工资福利支出', '3,479.46'],
      ['301', '01', '基本工资', '501', '01', '工资奖金津补贴', '830.34'],
      ['301', '02', '津贴补贴', '501', '01', '工资奖金津补贴', '884.37'],
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

describe('classification.code-name, judged by the document’s year', () => {
  // 2017 Jiangsu budgets (省人大办公厅, 省委办公厅, 省高级人民法院) print the names of the 2017
  // edition: 30307 医疗费 and 30311 住房公积金 before the 2018 reform of the economic
  // classification, 310 其他资本性支出, 20805 行政事业单位离退休 before 2020.
  const economic2017 = () =>
    tableOf('一般公共预算基本支出表', '万元', [
      ['科目编码', '科目名称', '合计'],
      ['303', '对个人和家庭的补助', '3151.74'],
      ['30307', '医疗费', '30.24'],
      ['30311', '住房公积金', '494.22'],
      ['30312', '提租补贴', '1018.01'],
      ['310', '其他资本性支出', '59.00'],
    ]);
  const function2017 = () =>
    tableOf('一般公共预算支出表', '万元', [
      ['功能科目编码', '功能科目名称', '合计'],
      ['208', '社会保障和就业支出', '1608.51'],
      ['20805', '行政事业单位离退休', '1608.51'],
      ['2080504', '未归口管理的行政单位离退休', '1608.51'],
      ['210', '医疗卫生与计划生育支出', '30.24'],
    ]);

  it('accepts the 2017 names in a 2017 document', () => {
    expect(run(classificationCodeName, [], { year: 2017 }, [economic2017()])).toEqual([]);
    expect(run(classificationCodeName, [], { year: 2017 }, [function2017()])).toEqual([]);
  });

  it('accepts every edition’s names when the year is unknown', () => {
    expect(runYearUnknown([economic2017()])).toEqual([]);
    expect(runYearUnknown([function2017()])).toEqual([]);
    expect(runYearUnknown([tableOf('一般公共预算支出表', '万元', [['功能科目编码', '功能科目名称', '合计'], ['210', '卫生健康支出', '1.00'], ['20805', '行政事业单位养老支出', '1.00']])])).toEqual([]);
  });

  it('warns on the same names in a 2024 document (clearly of another era), never an error', () => {
    const f = run(classificationCodeName, [], { year: 2024 }, [economic2017()]);
    expect(f.map((x) => [x.actual, x.severity, x.expected])).toEqual([
      ['医疗费', 'warning', '医疗费补助'],
      ['住房公积金', 'warning', '代缴社会保险费'],
      // abolished in 2018: no name in 2024, reported against its own name
      ['提租补贴', 'warning', '提租补贴'],
      ['其他资本性支出', 'warning', '资本性支出'],
    ]);
    expect(f[1].message).toContain('以前年度的名称');
    const g = run(classificationCodeName, [], { year: 2024 }, [function2017()]);
    expect(g.map((x) => [x.actual, x.severity])).toEqual([
      ['行政事业单位离退休', 'warning'],
      ['未归口管理的行政单位离退休', 'warning'],
      ['医疗卫生与计划生育支出', 'warning'],
    ]);
  });

  it('notes (info) a name one edition away: a 2020 budget drafted with the 2019 names', () => {
    const f = run(classificationCodeName, [], { year: 2020 }, [function2017()]);
    expect(f.map((x) => [x.actual, x.severity])).toEqual([
      ['行政事业单位离退休', 'info'],
      ['未归口管理的行政单位离退休', 'info'],
      // last in force in 2018: two years off
      ['医疗卫生与计划生育支出', 'warning'],
    ]);
  });

  it('still calls a name that is no name of the code an error, in the code’s own year', () => {
    const t = tableOf('一般公共预算基本支出表', '万元', [
      ['科目编码', '科目名称', '合计'],
      ['303', '对个人和家庭的补助', '524.46'],
      ['30311', '城乡医疗救助', '494.22'],
      ['30307', '医疗费补助', '30.24'],
    ]);
    const f = run(classificationCodeName, [], { year: 2017 }, [t]);
    expect(f.map((x) => [x.actual, x.severity, x.expected])).toEqual([
      ['城乡医疗救助', 'error', '住房公积金'],
      // the 2018 name in a 2017 budget: one year off
      ['医疗费补助', 'info', '医疗费'],
    ]);
  });

  it('does not call a wrong name an error when the code did not exist in the document’s year', () => {
    const t = tableOf('一般公共预算基本支出表', '万元', [
      ['科目编码', '科目名称', '合计'],
      ['301', '工资福利支出', '14.49'],
      ['30112', '住房公积金', '14.49'],
    ]);
    // 30112 其他社会保障缴费 was created in 2018
    expect(run(classificationCodeName, [], { year: 2017 }, [t]).map((x) => x.severity)).toEqual(['warning']);
    expect(run(classificationCodeName, [], { year: 2019 }, [t]).map((x) => x.severity)).toEqual(['error']);
  });

  it('reads 其它 as 其他 (real 2025 budget: 其它行政事业单位养老支出)', () => {
    const t = (name: string) => tableOf('一般公共预算支出表', '万元', [['功能科目编码', '功能科目名称', '合计'], ['20805', '行政事业单位养老支出', '0.96'], ['2080599', name, '0.96']]);
    expect(run(classificationCodeName, [], { year: 2025 }, [t('其它行政事业单位养老支出')])).toEqual([]);
    expect(run(classificationCodeName, [], { year: 2025 }, [t('其它社会保障和就业支出')]).map((x) => x.severity)).toEqual(['error']);
  });
});
