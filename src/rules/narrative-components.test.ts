import { describe, expect, it } from 'vitest';
import { narrativeComponents } from './narrative-components';
import { run } from '../../test/narrative/context';

describe('narrative.components', () => {
  it('accepts lists that add up (seed 000)', () => {
    expect(run(narrativeComponents, ['我单位2022年收入合计6220.67万元，其中：一般公共预算收入6184.67万元；政府性基金预算收入36万元；国有资本经营预算收入0万元；财政专户管理资金收入0万元；其他收入0万元。'])).toEqual([]);
    expect(run(narrativeComponents, ['2021年期末，我单位固定资产总额77.82万元，其中，房屋建筑物0万元，车辆3.94万元，办公设备73.88万元，专用设备0万元，其他资产0万元。车辆共有1辆，其中：一般公务用车1辆，执法执勤车0辆；单价50万元以上通用设备0台（套）。'])).toEqual([]);
  });

  it('reports items that exceed the total (seed 001: 501+502+505+509 = 1172.36 > 1010.52)', () => {
    const f = run(narrativeComponents, [
      '(2) 2022年本部门当年一般公共预算支出 1010.52 万元，其中：',
      '机关工资福利支出（501）129.39 万元，较上年减少 40.91 万元，原因是编制口径调整；',
      '机关商品和服务支出（502）17.24 万元，较上年增加 15.24 万元，原因是压缩日常经费开支；',
      '对事业单位经常性补助（505）235.81万元，较上年增加129.11万元，原因是新增劳务派遣项目；',
      '对个人和家庭的补助（509）789.92万元，较上年减少6570.08万元。',
      '4、上年结转财政资金一般公共预算拨款支出情况',
    ]);
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('error');
    expect(f[0].actual).toBe('1172.36');
    expect(f[0].refs[0].text).toContain('1010.52');
  });

  it('warns when the items fall short (a 其中 list may leave one out)', () => {
    const f = run(narrativeComponents, ['2022年本部门预算收入1172.35万元，其中一般公共预算拨款收入1167.35万元、政府性基金拨款收入0万元。']);
    expect(f.map((x) => x.severity)).toEqual(['warning']);
  });

  it('keeps nested lists apart (seed 003: 包括 … ；主要为 …)', () => {
    const text = '2021年部门支出预算为9081.6893万元，其中基本支出327.1893万元，包括人员经费313.0693万元和日常公用经费14.12万元；项目支出8754.5万元，主要为城乡居民基本医疗保险村级代办员补助支出10万元，公务员医疗补助支出200万元，财政对城乡居民基本医疗保险基金的补助支出6345万元，财政对其他基本医疗保险基金的补助支出629.5万元，城乡医疗救助支出1538万元，医疗保障管理事务32万元；其他支出0万元。';
    expect(run(narrativeComponents, [text])).toEqual([]);
  });

  it('reads a bracketed list and a “支出包括：” list (generated documents)', () => {
    const bad = run(narrativeComponents, ['公务用车购置及运行费4.33万元（其中：公务用车购置费0.00万元，公务用车运行维护费4.73万元），比上年减少13.74万元。']);
    expect(bad.map((x) => x.severity)).toEqual(['error']);
    expect(run(narrativeComponents, ['2025年支出预算总计800.00万元。收入包括：一般公共预算拨款收入700.00万元，上年结转100.00万元；支出包括：一般公共预算支出747.63万元，政府性基金预算支出52.37万元。'])).toEqual([]);
  });

  it('calls a sum inside the rounding tolerance 尾差 (seed 004)', () => {
    const f = run(narrativeComponents, ['2020 年度支出合计 1833.40 万元，其中：基本支出 1817.57 万元，占 99.14%；项目支出 15.84 万元，占 0.86%。'], { kind: 'final', year: 2020 });
    expect(f.map((x) => x.severity)).toEqual(['info']);
    expect(f[0].message).toContain('0.015');
  });
});
