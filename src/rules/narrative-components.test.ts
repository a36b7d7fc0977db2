import { describe, expect, it } from 'vitest';
import { narrativeComponents } from './narrative-components';
import { run, severities } from '../../test/narrative/context';
import { tableOf } from '../../test/narrative/seed-text';

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

  it('sums only lists that claim to be complete: a short 其中 list is not wrong, a short 包括…和… / 合计 list is', () => {
    expect(run(narrativeComponents, ['2022年本部门预算收入1172.35万元，其中一般公共预算拨款收入1167.35万元、政府性基金拨款收入0万元。'])).toEqual([]);
    // 万里街道: 预留给小微企业 465.49 of 664.98 is a part, not the whole
    expect(run(narrativeComponents, ['2024年本部门面向中小企业预留政府采购项目预算金额664.98万元，其中，预留给小型和微型企业的政府采购项目预算为465.49万元。'])).toEqual([]);
    // 主要支出为…等 never claims completeness
    expect(run(narrativeComponents, ['2026年机关运行经费预算总计211万元，其中主要支出为办公费34.82万元，其他交通费54.08万元，差旅费10万元等。'])).toEqual([]);
    expect(severities(run(narrativeComponents, ['2022年本部门预算收入1172.35万元，包括一般公共预算拨款收入1167.35万元、事业收入2.00万元和政府性基金拨款收入0万元。']))).toEqual(['warning']);
    // a part must still not exceed its whole
    expect(severities(run(narrativeComponents, ['2024年本部门面向中小企业预留政府采购项目预算金额664.98万元，其中，预留给小型和微型企业的政府采购项目预算为765.49万元。']))).toEqual(['error']);
  });

  it('takes a closing 合计 for the list’s total, not an item (商务委 项目总预算)', () => {
    const t = '六、年度预算安排2025年度项目总预算1170.00万，其中支持企业规模化发展870.00万，支持企业品牌建设70.00万，支持企业开拓市场180.00万，支持专业服务50.00万，合计1170.00万。';
    expect(run(narrativeComponents, [t])).toEqual([]);
    expect(run(narrativeComponents, [t.replace('项目总预算1170.00万', '项目总预算1170.00万元').replace(/万，/g, '万元，').replace('合计1170.00万。', '合计1170.00万元。')])).toEqual([]);
    // a change word that ends an item's name (稳增长) is no change when nothing is compared
    expect(run(narrativeComponents, ['2025年度项目总预算2921.00万，其中支持外贸发展370.00万，支持商销稳增长30.00万，区级支持总部经济1106.00万，市级支持总部经济1262.00万，进博会推进专项153.00万，合计2921.00万。'])).toEqual([]);
    // the closing 合计 makes the list complete: a short one is reported against it
    const short = run(narrativeComponents, [t.replace('支持专业服务50.00万，', '支持专业服务40.00万，')]);
    expect(severities(short)).toEqual(['warning']);
  });

  it('ends a list at a semicolon when commas separate its items (实有人员111人，其中行政34人、事业77人；离退休人员7人)', () => {
    expect(run(narrativeComponents, ['实有人员111人，其中行政34人、事业77人；单位管理的离退休人员7人。'])).toEqual([]);
    expect(run(narrativeComponents, ['实有人员111人，其中：行政34人，事业77人；单位管理的离退休人员7人。'])).toEqual([]);
    // semicolons that separate the items themselves keep the list going (seed 000)
    expect(severities(run(narrativeComponents, ['我单位2022年收入合计6220.67万元，其中：一般公共预算收入6184.67万元；政府性基金预算收入136万元；其他收入0万元。']))).toEqual(['error']);
  });

  it('never sums a class list with the list of selected 项 that follows it', () => {
    const texts = [
      '2024年财政拨款支出预算3884.31万元，主要用于以下方面：社会保障和就业支出247.26万元，占6.37%；卫生健康支出100.00万元，占2.58%；住房保障支出200.00万元，占5.15%。',
      '（1）机关事业单位基本养老保险缴费支出（2080505）192.78万元，主要用于缴费。',
      '（2）住房公积金（2210201）3150.00万元，主要用于公积金。',
      '（3）行政运行（2010101）580.00万元，主要用于运行。',
    ];
    expect(run(narrativeComponents, texts)).toEqual([]);
  });

  it('the head before 包括 is the total (公务用车购置及运行费 9.00 包括 购置 0.00、运行 9.00)', () => {
    expect(run(narrativeComponents, ['公务用车购置及运行费支出决算9.00万元，包括公务用车购置支出0.00万元，公务用车运行支出9.00万元。'], { kind: 'final', year: 2024 })).toEqual([]);
    expect(run(narrativeComponents, ['2.公务用车购置及运行费5.4万元，包括公务用车购置费0万元，与上年基本持平；公务用车运行费5.4万元。'])).toEqual([]);
  });

  it('a list opened on its own line is of the subject told before, not of a figure in a reason; each numbered item is one item (烟台 三公)', () => {
    const texts = [
      '2026年通过一般公共预算财政拨款安排的“三公”经费预算共23.4万元，比上年增加13万元，增长125％。主要原因是：新增因公出国（境）费预算13万元。',
      '其中：',
      '1.因公出国（境）费13万元，比上年增加13万元，增长100％，主要原因是2025年因核心工作需要。',
      '2.公务用车购置及运行费5.4万元，包括公务用车购置费0万元，与上年基本持平；公务用车运行维护费5.4万元，与上年基本持平。',
      '3.公务接待费5万元，与上年基本持平。',
    ];
    expect(run(narrativeComponents, texts, { kind: 'budget', year: 2026 })).toEqual([]);
    const bad = run(narrativeComponents, texts.map((t) => t.replace('3.公务接待费5万元', '3.公务接待费15万元')), { kind: 'budget', year: 2026 });
    expect(severities(bad)).toEqual(['error']);
    expect(bad[0].expected).toBe('23.4');
  });

  it('reports a total printed in 元 over items in 万元 once, as a unit slip (长春 信访局)', () => {
    const f = run(narrativeComponents, ['2026年预算支出1682.76元，其中基本支出预算1208.20万元，占部门预算总支出的71.80%；项目支出预算474.56万元，占部门预算总支出的28.20%。'], { kind: 'budget', year: 2026 });
    expect(f.map((x) => [x.severity, x.expected])).toEqual([['error', '1682.76万元']]);
  });

  it('a numbered sub-list ends where the numbering changes ((1) (2) … then 3．)', () => {
    const texts = ['2．公务用车购置及运行费预算支出 183.6 万元。其中：', '(1)公务用车购置为 0，与上年持平。', '(2)公务用车运行维护费预算支出 183.6 万元，与上年预算数持平。', '3．公务接待费预算支出 427.5 万元，与上年持平。', '4．会议费预算支出 1305.25 万元。'];
    expect(run(narrativeComponents, texts)).toEqual([]);
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

  it('a bracketed （其中：…） naming each part of 公务用车 once is the whole: a short one is reported (wording sweep, phrasing 0)', () => {
    const say = (operation: string) => `公务用车购置及运行费17.26万元（其中：公务用车购置费12.63万元，公务用车运行维护费${operation}万元），比上年增加12.61万元，增长271.30%。`;
    expect(run(narrativeComponents, [say('4.63')])).toEqual([]);
    const f = run(narrativeComponents, [say('4.26')]);
    expect(severities(f)).toEqual(['warning']);
    expect(f[0].difference).toBe('-0.37');
    // a bracket naming other things (or one part) still only must not exceed its figure
    expect(run(narrativeComponents, ['“三公”经费17.26万元（其中：公务用车运行维护费4.26万元），比上年增加12.61万元。'])).toEqual([]);
  });

  it('“财政拨款收支总预算X。收入包括：…；支出包括：…”: each side’s list is of the 收支 total', () => {
    const say = (carry: string) => `2023年财政拨款收支总预算1034.07万元。收入包括：一般公共预算当年拨款收入707.65万元，政府性基金预算当年拨款收入51.85万元，上年结转${carry}万元；支出包括：一般公共预算支出982.22万元，政府性基金预算支出51.85万元。`;
    expect(run(narrativeComponents, [say('274.57')])).toEqual([]);
    const f = run(narrativeComponents, [say('284.57')]);
    expect(severities(f)).toEqual(['error']);
    expect(f[0].actual).toBe('1044.07');
  });

  it('calls a sum inside the rounding tolerance 尾差 (seed 004)', () => {
    const f = run(narrativeComponents, ['2020 年度支出合计 1833.40 万元，其中：基本支出 1817.57 万元，占 99.14%；项目支出 15.84 万元，占 0.86%。'], { kind: 'final', year: 2020 });
    expect(f.map((x) => x.severity)).toEqual(['info']);
    expect(f[0].message).toContain('0.015');
  });

  it('政府采购 = 货物 + 工程 + 服务 by definition: its 其中 list naming the three must add up (no 分别为 needed)', () => {
    const say = (services: string) => `2024年本部门政府采购预算1662.44万元，其中：政府采购货物预算93.98万元、政府采购工程预算815.87万元、政府采购服务预算${services}万元。`;
    expect(run(narrativeComponents, [say('752.59')])).toEqual([]);
    // 27.00 short: before, a 其中 list could leave parts out, so nothing was said
    const f = run(narrativeComponents, [say('725.59')]);
    expect(severities(f)).toEqual(['warning']);
    expect(f[0].difference).toBe('-27.00');
  });

  it('a 其中 list naming only some of the parts, or other things, only must not exceed the total', () => {
    expect(run(narrativeComponents, ['2024年本部门政府采购预算1662.44万元，其中：政府采购货物预算93.98万元、政府采购服务预算752.59万元。'])).toEqual([]);
    expect(run(narrativeComponents, ['“三公”经费预算30.00万元，其中：公务接待费10.00万元，会议费5.00万元，培训费3.00万元。'])).toEqual([]);
  });

  it('“三公” = 出国 + 公务用车 + 接待: a list of the three that falls short is reported', () => {
    const f = run(narrativeComponents, ['2024年“三公”经费预算数为30.00万元，其中：因公出国（境）费5.00万元，公务用车购置及运行费15.00万元，公务接待费8.00万元。']);
    expect(severities(f)).toEqual(['warning']);
    expect(f[0].difference).toBe('-2.00');
  });

  it('a list of a total with fixed parts ends at the first figure that is none of them (江苏省检察院 2019)', () => {
    const t = '2．公务用车购置及运行费预算支出237万元。其中：公务用车运行维护费预算支出237万元，比上年预算减少30.8万元，主要原因是部分执法执勤车辆转隶。3．公务接待费预算支出101.26万元，比上年预算减少15.24万元。会议费预算支出158.44万元，培训费预算支出700万元。';
    expect(run(narrativeComponents, [t])).toEqual([]);
    const [head, rest] = [t.slice(0, t.indexOf('其中')), t.slice(t.indexOf('其中'))];
    expect(run(narrativeComponents, [head, rest])).toEqual([]);
    expect(run(narrativeComponents, [head, ...rest.split(/(?<=。)/)])).toEqual([]);
  });
  describe('parts whose names cover the whole, in a unit other than money', () => {
    // 万里街道 p.33: 8013平方米（其中计容面积7998平方米，不计容面积105平方米）: 7998 + 105 = 8103
    const area = (whole: string, a: string, b: string) => `本工程规划建筑面积约为13459平方米，其中地上建筑面积为${whole}平方米（其中计容面积${a}平方米，不计容面积${b}平方米），地下建筑面积为5356平方米，建筑高度为29.8米。`;

    it('sums X and 不X in 平方米 like money: more than the whole is an error', () => {
      const f = run(narrativeComponents, [area('8013', '7998', '105')]);
      expect(severities(f)).toEqual(['error']);
      expect(f[0].actual).toBe('8103');
      // (the outer list 13459 = 8103 + 5356 names 8013 as the slip: its figures are shown too)
      expect(f[0].refs.map((r) => r.text)).toEqual(['8013平方米', '7998平方米', '105平方米', '5356平方米', '13459平方米']);
      expect(run(narrativeComponents, [area('8103', '7998', '105')])).toEqual([]);
    });

    it('takes X and 不X (非X, 地上 and 地下) for the whole: less than the whole is a warning', () => {
      expect(severities(run(narrativeComponents, [area('8103', '7998', '5')]))).toEqual(['warning']);
      expect(severities(run(narrativeComponents, ['本单位实有车辆12辆，其中执法执勤车辆7辆，非执法执勤车辆4辆。']))).toEqual(['warning']);
      expect(severities(run(narrativeComponents, ['项目总建筑面积2000平方米，其中：地上建筑面积1200平方米，地下建筑面积700平方米。']))).toEqual(['warning']);
      expect(run(narrativeComponents, ['项目总建筑面积2000平方米，其中：地上建筑面积1200平方米，地下建筑面积800平方米。'])).toEqual([]);
    });

    it('does not take two parts named otherwise for the whole, nor add different units', () => {
      // 行政 / 事业 need not be all of 实有人员 (工勤 …); the 米 of the height is no 平方米
      expect(run(narrativeComponents, ['实有人员111人，其中行政34人、事业70人。'])).toEqual([]);
      expect(run(narrativeComponents, ['用地面积4000平方米，其中绿化面积1200平方米，道路面积900米。'])).toEqual([]);
    });

    it('counts a measure within its printed precision (尾差), people exactly', () => {
      expect(severities(run(narrativeComponents, ['建筑面积100.1平方米，其中地上建筑面积60.1平方米，地下建筑面积40.1平方米。']))).toEqual(['info']);
      expect(severities(run(narrativeComponents, ['在编人员12人，其中在岗人员8人，不在岗人员5人。']))).toEqual(['error']);
    });
  });
  it('a bracketed 其中 naming each part of a total with fixed parts is its whole (公务用车购置及运行费X（其中：购置Y，运行Z）)', () => {
    const t = (run: string) => `公务用车购置及运行费17.26万元（其中：公务用车购置费12.63万元，公务用车运行维护费${run}万元），比上年增加12.61万元，增长271.30%；`;
    expect(run(narrativeComponents, [t('4.63')])).toEqual([]);
    // 12.63 + 4.26 = 16.89 < 17.26: the two parts are all of it
    const f = run(narrativeComponents, [t('4.26')]);
    expect(severities(f)).toEqual(['warning']);
    expect(f[0].actual).toBe('16.89');
    // a bracket naming other things (含外宾接待) is not the whole
    expect(run(narrativeComponents, ['公务接待费5.00万元（其中：外宾接待费1.00万元），比上年减少1.00万元。'])).toEqual([]);
  });
  it('“收入包括… ；支出包括…” after a 收支 total lists that total (it is the 收入 and the 支出 total alike)', () => {
    const t = (carry: string) => `2022年财政拨款收支总预算924.79万元。收入包括一般公共预算当年拨款收入796.16万元和上年结转${carry}万元；支出包括一般公共预算支出924.79万元。`;
    expect(run(narrativeComponents, [t('128.63')])).toEqual([]);
    // 796.16 + 182.63 = 978.79 > 924.79
    const f = run(narrativeComponents, [t('182.63')]);
    expect(severities(f)).toEqual(['error']);
    expect(f[0].actual).toBe('978.79');
    // 包括A和B claims the whole: 796.16 + 108.63 = 904.79 < 924.79
    expect(severities(run(narrativeComponents, [t('108.63')]))).toEqual(['warning']);
  });

  it('sums the outer list of a bracketed inner list: 13459 = 7998 + 105 + 5356, so 8013 is the slip (万里街道 2024, WL24-04)', () => {
    const t = (ground: string, whole = '13459') => `本工程规划建筑面积约为${whole}平方米，其中地上建筑面积为${ground}平方米（其中计容面积7998平方米，不计容面积105平方米），地下建筑面积为5356平方米，建筑高度为29.8米，地上主楼7层，裙房3层，地下2层。`;
    const [f] = run(narrativeComponents, [t('8013')]);
    expect(f.severity).toBe('error');
    expect(f.refs.map((r) => r.text)).toEqual(['8013平方米', '7998平方米', '105平方米', '5356平方米', '13459平方米']);
    expect(f.suspects).toEqual([0]);
    expect(f.message).toMatch(/8103 \+ 5356 = 13459平方米/);
    expect(run(narrativeComponents, [t('8103')])).toEqual([]);
    // the outer total does not fit either way: the inner list alone is reported
    const [g] = run(narrativeComponents, [t('8013', '13500')]);
    expect(g.refs).toHaveLength(3);
    expect(g.suspects).toBeUndefined();
  });
});

describe('narrative.components: only a list that claims to be complete is summed', () => {
  it('分别为 about something told after the items (增幅分别为) does not make the list complete', () => {
    const say = (tail: string) => [`2024年支出预算1000.00万元，其中：基本支出600.00万元、项目支出300.00万元${tail}。`];
    expect(run(narrativeComponents, say('，比上年增幅分别为5.00%和6.00%'), { year: 2024 })).toEqual([]);
    // a list the 分别为 opens is complete: 900 short of 1000 is reported
    expect(run(narrativeComponents, ['2024年支出预算1000.00万元，分别为：基本支出600.00万元、项目支出300.00万元。'], { year: 2024 }).map((f) => f.severity)).toEqual(['warning']);
  });
});

describe('narrative.components: a coded 其中 list is complete only when its table prints no other 科目 of that level', () => {
  const text = ['2022年本部门当年一般公共预算支出 1172.36 万元，其中：', '(1) 行政单位医疗(2101101)585.40万元，较上年减少80.70万元；', '(2) 行政运行(2101501)105.74万元，较上年减少25.76万元；', '(3) 住房公积金(2210201)476.22万元，较上年增加8.84万元。'];
  const table = (extra: string[][]) =>
    tableOf('一般公共预算支出明细表（按支出功能分类科目）', '万元', [
      ['功能科目编码', '功能科目名称', '合计'],
      ['', '合计', '1172.36'],
      ['2101101', '行政单位医疗', '585.40'],
      ['2101501', '行政运行', '105.74'],
      ['2210201', '住房公积金', '476.22'],
      ...extra,
    ]);
  it('is not summed without a table to say (其中 names a part)', () => {
    expect(run(narrativeComponents, text)).toEqual([]);
  });
  it('is an info naming what it leaves out when the table’s other 项 make up the difference (seed 001: 2101301 5.00)', () => {
    const f = run(narrativeComponents, text, {}, [table([['2101301', '城乡医疗救助', '5.00']])]);
    expect(f.map((x) => x.severity)).toEqual(['info']);
    expect(f[0].message).toMatch(/2101301 城乡医疗救助.*5\.00/);
  });
  it('is a warning when the table prints only the listed 项: a figure is wrong', () => {
    const f = run(narrativeComponents, text, {}, [table([['2101301', '城乡医疗救助', '0.00']])]);
    expect(f.map((x) => x.severity)).toEqual(['warning']);
    expect(f[0].message).toContain('表中同级科目说明都已列出');
  });
  it('abstains when the left-out 项 do not make up the difference, or the table counts other money', () => {
    expect(run(narrativeComponents, text, {}, [table([['2101301', '城乡医疗救助', '7.00']])])).toEqual([]);
    const other = tableOf('支出预算表', '万元', [
      ['功能科目编码', '功能科目名称', '合计'],
      ['', '合计', '1500.00'],
      ['2101101', '行政单位医疗', '585.40'],
      ['2101501', '行政运行', '105.74'],
      ['2210201', '住房公积金', '476.22'],
    ]);
    expect(run(narrativeComponents, text, {}, [other])).toEqual([]);
  });
});


describe('narrative.components: a part of a known total that opens its own 其中 is still an item of the outer list', () => {
  const say = (total: string) => [`2023年本单位“三公”经费预算数为${total}万元，其中：因公出国（境）费0.00万元，公务接待费3.00万元，公务用车购置及运行费8.00万元，其中：公务用车购置费0.00万元，公务用车运行费8.00万元。`];
  it('sums 出国 + 接待 + 用车 against the “三公” total, and 购置 + 运行 against 用车', () => {
    expect(run(narrativeComponents, say('11.00'))).toEqual([]);
    const f = run(narrativeComponents, say('10.00'));
    expect(f.map((x) => `${x.severity} ${x.expected} ${x.actual}`)).toEqual(['error 10.00 11.00']);
  });
});

describe('narrative.components: a bracket right after an amount breaks that amount down', () => {
  it('广西 2022: “一般公共预算拨款3300.69万元(经费拨款3266.69万元,…非税收入拨款34万元);…” — the bracket’s items are not the list’s', () => {
    const text = (other: string) => [`2022年年初收入预算数4395.07万元,其中,一般公共预算拨款3300.69万元(经费拨款3266.69万元,纳入预算管理的非税收入拨款34万元);政府性基金预算拨款0万元;财政专户管理资金收入772.73万元;上级单位补助收入${other}万元。`];
    expect(run(narrativeComponents, text('321.65'))).toEqual([]);
    expect(run(narrativeComponents, text('521.65')).map((x) => `${x.severity} ${x.actual}`)).toEqual(['error 4595.07']);
  });
  it('a list item broken down in brackets with a 。 inside still lets the list go on (…运行维护费400.00万元。)…;公务接待费2.4万元)', () => {
    const text = (reception: string) => [`2022年本部门财政拨款安排“三公”经费502.4 万元,比上年减少14.6 万元,下降2.82 %。其中:因公出国(境)费0 万元,比上年增加0 万元;公务用车购置及运行费500.00 万元(公务用车购置费100.00 万元,比上年增加0 万元;公务用车运行维护费400.00 万元,比上年增加0 万元。)比上年增加0 万元;公务接待费${reception} 万元,比上年减少14.6 万元。`];
    expect(run(narrativeComponents, text('2.4'))).toEqual([]);
    expect(run(narrativeComponents, text('12.4')).map((x) => `${x.severity} ${x.actual}`)).toEqual(['error 512.40']);
  });
});

describe('narrative.components: lists from a holdout set of published 说明 (session 7, first look 5 false of 20 loud)', () => {
  it('a list of changes after last year’s figure (较2014年度…合计16.08万元增加15.15万元。其中：公务接待费减少0.26万元…) takes no items from other paragraphs', () => {
    const text = [
      '2015年部门决算公开“三公”经费合计31.23万元,其中:公务接待费1.58万元,车辆运行费28.91万元,因公出国(境)费0万元。较2014年度部门决算公开“三公”经费合计16.08万元增加15.15万元。其中:公务接待费减少0.26万元,公务用车运行维护费增加14.79万元。',
      '1、公务接待费',
      '2015年部门决算公开公务接待费1.58元,经核查,2015年度我单位支出公务接待费为1.58万元,较2014年公务接待费减少0.26万元。',
    ];
    // the first list is short of its total (1.58 + 28.91 + 0 = 30.49 < 31.23: a true warning); nothing of 16.08
    expect(run(narrativeComponents, text, { kind: 'final', year: 2015 }).map((f) => `${f.severity} ${f.expected}`)).toEqual(['warning 31.23']);
  });
  it('a template’s 增加(减少)0万元 is an amount of change, not the head of the list after it', () => {
    const text = ['2017年拟安排公车购置及运行维护费3万元,较2016年的3万元增加(减少)0万元,主要是由于招生宣传工作。其中:购置经费0万元、运行维护费3万元,主要用于保障招生宣传。'];
    expect(run(narrativeComponents, text, { year: 2017 })).toEqual([]);
  });
  it('a bracket opened by 包括 is an aside, and sums show in the figures’ unit (亿元)', () => {
    const text = (reserve: string) => [`2021年省级一般公共预算总支出安排6571.85亿元,收支平衡。其中,省本级支出1478.55亿元,占总支出的22.5%;对市县税收返还和转移支付4404.78亿元,占总支出的67%(包括一般性转移支付3030.61亿元,占转移支付比重达82%;专项转移支付663.82亿元);上解中央支出598.75亿元,占总支出的9.1%;预备费${reserve}亿元,占总支出的0.4%;债务还本支出65.78亿元,占总支出的1%。`];
    expect(run(narrativeComponents, text('24')).map((f) => f.severity)).toEqual(['info']);
    const [f] = run(narrativeComponents, text('34'));
    expect(f.message).toContain('= 6581.86亿元，大于总数 6571.85亿元（多 10.01）');
  });
});

// Wording of published documents in a holdout collected for session 8 (set E, first look).
describe('narrative.components: where a list ends (collected for session 8)', () => {
  it('云南 2022 决算: “具体是…” breaks down the item before it — its figures are no items of the 三公 list', () => {
    const text = (reception: string) => [
      `2022年度财政拨款“三公”经费支出决算中,财政拨款“三公”经费支出年初预算为6,283.70元,支出决算为6,283.70元,完成年初预算的100%。其中:因公出国(境)费支出决算0元,占总支出决算的0%;公务用车购置费支出决算0元,占总支出决算的0%;公务用车运行维护费支出决算1,388.70元,占总支出决算的22.10%;公务接待费支出决算${reception}元,占总支出决算的77.90%,具体是国内接待费支出决算${reception}元(其中:外事接待费支出决算0元),国(境)外接待费支出决算0元。明细情况如下:`,
    ];
    expect(run(narrativeComponents, text('4,895.00'), { year: 2022, kind: 'final' }).filter((f) => f.severity !== 'info')).toEqual([]);
    // a wrong item is still found
    const f = run(narrativeComponents, text('5,895.00'), { year: 2022, kind: 'final' });
    expect(f.map((x) => x.severity)).toContain('error');
    expect(f.find((x) => x.severity === 'error')!.message).toContain('0 + 0 + 1,388.70 + 5,895.00 = 7283.70元');
  });
  it('重庆 2023 镇: a figure named 收入合计 of its own ends the 其中 list of 上级转移支付收入 (it sums the wider whole)', () => {
    const text = ['全镇一般公共预算收入4402万元,加上级转移支付收入1884万元,其中:一般转移支付收入1478万元(含均衡性转移支付收入166万元、基本财力保障机制奖补资金收入968万元、结算补助收入132万元、其他一般转移支付收入212万元,专项转移支付收入406万元),上年结转结余60万元,基金调入103万元,收入合计为6449万元。'];
    expect(run(narrativeComponents, text, { year: 2023 }).filter((f) => f.severity !== 'info')).toEqual([]);
  });
  it('幼儿园 2017 决算 (set F): last year’s figure told in passing (较上年231.5万元) is not what this year’s 其中 list breaks down', () => {
    const say = (first: string) => [`本年收入合计252.5万元,较上年231.5万元,增加21万元,其中:财政拨款收入${first}万元,经营收入0万元;其他收入0万元。`];
    expect(run(narrativeComponents, say('252.5'), { year: 2017, kind: 'final' })).toEqual([]);
    // the list is this year's: 262.5 exceeds 252.5 (not 231.5)
    const f = run(narrativeComponents, say('262.5'), { year: 2017, kind: 'final' });
    expect(f.map((x) => x.severity)).toEqual(['error']);
    expect(f[0].message).toContain('大于总数 252.5万元');
  });
  it('one item in 元 under a total in 万元 with the same digits: one of the two units is wrong, which one the text cannot tell', () => {
    const f = run(narrativeComponents, ['本年支出合计252.5万元,较上年231.5万元,增加21万元,其中:基本支出252.5元,较上年231.5万元,增加21万元;'], { year: 2017, kind: 'final' });
    expect(f.map((x) => x.severity)).toEqual(['error']);
    expect(f[0].message).toContain('两处单位必有一处有误');
    expect(f[0].refs).toHaveLength(2);
  });
  it('江苏高校 2020 (set F): a bound (收支预算超过10亿元) is no figure — not the total of the 其中 after it', () => {
    const text = [
      '从各高校公布的数据来看,今年苏州大学、扬州大学、江苏大学收支预算超过10亿元,盐城工学院、淮阴工学院收支预算也在7亿元以上。',
      '其中,苏州大学收支预算合计34.06亿元,与上年相比增加93050.89万元,增长37.59%,位居榜首。',
    ];
    expect(run(narrativeComponents, text, { year: 2020 })).toEqual([]);
  });
  it('社区卫生 预算 (set G): paragraphs that each begin 按…： break the total down another way, each a complete list of its own', () => {
    const say = (goods: string) => [
      '西宁市城中区南滩社区卫生服务中心本年度支出预算581.72万元,比上年增加149.29万元,增长34.52%,增长的主要原因是人员经费增加。其中:',
      '按支出项目类别:基本支出581.72万元,包括:人员经费支出454.43万元,公用经费支出127.29万元。',
      '按支出功能分类科目:医疗卫生和计划生育支出522.09万元,社会保障和就业支出37.95万元,住房保障支出21.68万元。',
      `按支出经济分类科目:工资福利支出432.54万元,商品和服务支出${goods}万元,对个人和家庭的补助支21.89万元。`,
    ];
    expect(run(narrativeComponents, say('127.29'), { year: 2024 }).filter((f) => f.severity !== 'info')).toEqual([]);
    // the figure printed with its last digit lost: 432.54 + 127.2 + 21.89 = 581.63, 0.09 short
    const f = run(narrativeComponents, say('127.2'), { year: 2024 });
    expect(f.map((x) => [x.severity, x.actual])).toEqual([['warning', '581.63']]);
    expect(f[0].message).toContain('按支出经济分类科目');
  });
  it('卫生院 2021 决算 (set G): a 收入总计 whose list adds the carry-over — without it the items are the total: the names disagree, a warning that says so', () => {
    const text = [
      '(一)收入决算情况。2021年度,收入总计为457.8161万元,其中:',
      '1.财政拨款收入364.6552万元,为财政拨款资金。',
      '2.上级补助收入0万元,与上年相比没有变化。',
      '3.事业收入93.1608万元,为事业单位开展专业业务活动及辅助活动所取得的收入。',
      '4.其他收入0万元,为预算单位在“财政拨款”“事业收入”“经营收入”之外取得的收入。',
      '5.上年结转和结余5.9219万元,为以前年度支出预算因客观条件变化未执行完的资金。',
    ];
    const f = run(narrativeComponents, text, { year: 2021, kind: 'final' });
    expect(f.map((x) => x.severity)).toEqual(['warning']);
    expect(f[0].message).toContain('除去上年结转 5.9219');
    // a carry-over that does not close the gap: the sum is simply above the total
    const g = run(narrativeComponents, text.map((t) => t.replace('93.1608', '99.1608')), { year: 2021, kind: 'final' });
    expect(g.map((x) => x.severity)).toEqual(['error']);
  });
  it('湖州 2026 预算: “1.按支出功能分类，包括…” and “2.按支出用途分类，包括…” each break down the 支出预算 told before them (its 包括 opens the list, nested in nothing)', () => {
    const say = (other: string, staff = '26435.02') => [
      '湖州市交通运输局2026年支出预算201286.11万元，比上年执行数增加81487.86万元，增长68.02%，主要是市公运中心增加专项债资金。',
      `1.按支出功能分类，包括一般公共服务支出0.64万元、国防支出16.50万元、教育支出4673.98万元、社会保障和就业支出3668.49万元、卫生健康支出1488.12万元、农林水支出15.00万元、交通运输支出113743.52万元、住房保障支出2179.85万元、其他支出${other}万元。`,
      `2.按支出用途分类，包括人员支出${staff}万元，占13.1%；日常公用支出3388.68万元，占1.7%；项目支出171262.41万元，占85.1%；事业单位经营支出200.00万元，占0.1%。`,
    ];
    expect(run(narrativeComponents, say('75500.00'), { year: 2026 }).filter((f) => f.severity !== 'info')).toEqual([]);
    expect(run(narrativeComponents, say('75600.00'), { year: 2026 }).map((f) => [f.severity, f.actual])).toEqual([['error', '201386.10']]);
    // the second list runs on past its semicolons: 26335.02 + 3388.68 + 171262.41 + 200.00 is 100 short
    expect(run(narrativeComponents, say('75500.00', '26335.02'), { year: 2026 }).filter((f) => f.severity !== 'info').map((f) => [f.severity, f.actual])).toEqual([['warning', '201186.11']]);
  });
  it('set H: a list of posts ends where the people in them are told (编制人数4人,其中事业编制4人;实有在职人员3人…)', () => {
    expect(run(narrativeComponents, ['县人工影响天气服务中心编制人数4人,其中事业编制4人;实有在职人员3人,离退休0人。'], { year: 2023 })).toEqual([]);
    expect(run(narrativeComponents, ['行政编制15名,其中:公务员编制15名,无工勤人员编制,实有人数13名。'], { year: 2023 })).toEqual([]);
    // posts above their total are still found
    expect(run(narrativeComponents, ['行政编制15名,其中:公务员编制16名,无工勤人员编制,实有人数13名。'], { year: 2023 }).map((f) => f.severity)).toEqual(['error']);
  });
  it('set H 残联 2023: a figure told in an item’s reason (主要是因为2022年含…金额767万元) is no item', () => {
    const text = ['2023年一般财政拨款收入支出预算1,779.74万元,比2022年增加198.76万元。其中基本支出预算249.78万元,比2022年增加29.73万元,主要原因是增加公务员绩效;项目支出预算1,529.96万元,比2022年增加168.36万元,主要是因为2022年含上级转移支付年初下达金额767万元。'];
    expect(run(narrativeComponents, text)).toEqual([]);
    expect(run(narrativeComponents, text.map((t) => t.replace('249.78', '259.78'))).map((f) => [f.severity, f.actual])).toEqual([['error', '1789.74']]);
  });
  it('set H: breakdowns run on in one paragraph (…13.21万元按经济分类科目,…) and an item’s own list (包括：…；) is left out of its breakdown', () => {
    const run1 = (wages: string) => run(narrativeComponents, [
      `2017年度一般公共预算财政拨款支出4603.07万元。其中:按功能分类科目,一般公共服务支出2万元,国防支出2.06万元,公共安全支出2.31万元,教育支出4134.05万元,社会保障和就业支出449.44万元,卫生健康支出13.21万元按经济分类科目,工资福利支出${wages}万元,商品和服务支出307.92万元,对个人和家庭的补助支出558.14万元,其他资本性支出16.43万元。`,
    ], { year: 2017, kind: 'final' }).filter((f) => f.severity !== 'info');
    expect(run1('3720.57')).toEqual([]);
    expect(run1('3730.57').map((f) => [f.severity, f.actual])).toEqual([['error', '4613.06']]);
    const run2 = (staff: string) => run(narrativeComponents, [
      '本年度支出预算284.45万元.',
      `其中:按支出项目类别:1、基本支出173.89万元,包括:人员经费支出${staff}万元,公用经费支出12.23万元;2、项目支出110.56万元,包括:商品服务支出72.74万元,其他支出类项目37.82万元;3、事业单位经营支出0万元;4、上缴上级支出0万元。`,
      '按支出经济分类科目:工资福利支出166.30万元,商品和服务支出85.06万元,对个人和家庭的补助支出33.09万元。',
    ], { year: 2015 }).filter((f) => f.severity !== 'info');
    // 161.57 + 12.23 = 173.80 of 173.89: the published slip; the breakdowns themselves add up
    expect(run2('161.57').map((f) => [f.severity, f.actual])).toEqual([['warning', '173.80']]);
    expect(run2('161.66')).toEqual([]);
  });
  it('set H 乡 2023: a list’s total is not an aside whose bracket closed before the opener (761.21万元(含上年结转5.01万元),其中:…)', () => {
    const text = ['(一)收入预算:2023年年初预算数761.21万元(含上年结转5.01万元),其中:一般公共预算拨款761.21万元(含上年结转5.01万元),政府性基金预算拨款0万元,事业收入0万元,其他收入0万元。'];
    expect(run(narrativeComponents, text, { year: 2023 })).toEqual([]);
  });
  it('set I: people outside the posts (临聘) are no part of 在编 staff; after a sentence counting several groups, a 其中 names no total', () => {
    expect(run(narrativeComponents, ['人员编制73人,2023年我院实有在职在编人员67人,其中专业技术人员64人,临聘人员5人。'], { year: 2023, kind: 'final' })).toEqual([]);
    expect(run(narrativeComponents, ['人员编制73人,2023年我院实有在职在编人员67人,其中专业技术人员68人,临聘人员5人。'], { year: 2023, kind: 'final' }).map((f) => f.severity)).toEqual(['error']);
    expect(run(narrativeComponents, ['我院人员编制数为51人,在编职工47人,非在编职工8人,退休人员28人。其中卫生技术45人,高级职称4人、中级职称10人。'], { year: 2023, kind: 'final' })).toEqual([]);
  });
  it('文化馆 2025 预算 (set I): a 类 and its only 款 told with the same figure (文化旅游体育与传媒支出286.85万元,群众文化支出286.85万元) are one item', () => {
    const say = (health: string) => [`(二)支出预算:2025年年初预算数430.31万元,其中:文化旅游体育与传媒支出支出预算286.85万元,群众文化支出预算 286.85万元,社会保障和就业支出预算107.16万元,卫生健康支出预算${health}万元,住房保障支出预算 16.73万元。`];
    expect(run(narrativeComponents, say('19.57'), { year: 2025 }).filter((f) => f.severity !== 'info')).toEqual([]);
    expect(run(narrativeComponents, say('29.57'), { year: 2025 }).map((f) => [f.severity, f.actual])).toEqual([['error', '440.31']]);
  });
  it('殡仪馆 2020 决算 (set J): a figure told beside a list (；此外，年初结转和结余699.04万元) is none of its items', () => {
    const text = ['2.收入情况。2020年度收入合计1238.61万元,总收入较上年决算数增加819.06万元,增长195.2%,主要原因是年中新增了政府性基金预算财政拨款。其中:财政拨款收入1,238.61万元,占100.0%;此外,年初结转和结余699.04万元。'];
    expect(run(narrativeComponents, text, { year: 2020, kind: 'final' })).toEqual([]);
  });
  it('小学 2025 预算 (set K): spending is no part of an income — “财政拨款收入1125.76万元…。其中:基本支出1183.29万元”', () => {
    const text = ['2025年一般公共预算财政拨款收入1125.76万元,较2024年增加34.42 万元。其中:基本支出1183.29万元,比2024年增加37.61万元。'];
    expect(run(narrativeComponents, text, { year: 2025 })).toEqual([]);
    // the same list under the spending it breaks down is checked
    expect(run(narrativeComponents, text.map((t) => t.replace('财政拨款收入', '财政拨款支出')), { year: 2025 }).map((f) => f.severity)).toEqual(['error']);
  });
  it('教育部 2024 决算 (set L): last year’s figure told in passing is not what the next sentence’s 其中 breaks down', () => {
    const text = (other: string) => [`教育部2024年度本年收入合计42,828,112.97万元,比2023年的40,616,051.67万元,增加2,212,061.3万元,增长5.4%。其中:财政拨款17,229,526.68万元,占40.2%;事业收入18,512,156.91万元,占43.2%;经营收入16,348.77万元,附属单位上缴收入3,363.59万元,两项合计占0.1%;其他收入${other}万元,占16.5%。`];
    expect(run(narrativeComponents, text('7,066,717.02'), { year: 2024, kind: 'final' })).toEqual([]);
    expect(run(narrativeComponents, text('7,066,817.02'), { year: 2024, kind: 'final' }).map((f) => f.severity)).toEqual(['error']);
  });
  it('卫生院 2025 预算 (set L): after clauses counting several groups, run on with ；, a 其中 names no total', () => {
    const text = ['核定人员编制36人,实有职工50人,比上年同期减少4人,其中在编31人,与上年同期无变化,临聘19人,比上年同期减少4人;离退休人员23人,比上年同期减少1人;其中大学本科22人,专科21人,中专及高中以下7人,具有副高级职称3人,中级职称16人,全科医生11人。'];
    expect(run(narrativeComponents, text, { year: 2025 })).toEqual([]);
  });
});
