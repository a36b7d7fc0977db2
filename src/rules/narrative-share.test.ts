import { describe, expect, it } from 'vitest';
import { narrativeShare } from './narrative-share';
import { run } from '../../test/narrative/context';
import { partsContext } from '../../test/narrative/parts-context';

describe('narrative.share', () => {
  it('accepts shares that agree with the list total (seed 000)', () => {
    const f = run(narrativeShare, ['我单位2022年支出合计6220.67万元，其中：基本支出518.59万元，占8.34%；项目支出5702.08万元，占91.66%。']);
    expect(f).toEqual([]);
  });

  it('accepts the class shares of 一般公共预算支出 (seed 000, 主要用于以下方面)', () => {
    const f = run(narrativeShare, [
      '我单位2022年一般公共预算支出年初预算为6184.67万元。主要用于以下方面：社会保障和就业支出290.63万元，占4.70%；卫生健康支出5856.63万元，占94.70%；住房保障支出37.41万元，占0.60%。',
    ]);
    expect(f).toEqual([]);
  });

  it('reports a share that is off, with the arithmetic, the percentage first', () => {
    const f = run(narrativeShare, ['我单位2022年支出合计6220.67万元，其中：基本支出518.59万元，占8.43%；项目支出5702.08万元，占91.66%。']);
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('error');
    expect(f[0].message).toContain('518.59 ÷ 6220.67');
    expect(f[0].expected).toBe('8.34%');
    expect(f[0].refs[0].text).toBe('8.43%');
    expect(f[0].refs.map((r) => r.role)).toEqual(['text', 'text', 'text']);
  });

  it('checks a share of a named total told earlier (real 决算: 99.868% printed 99.86%, cut not rounded: 末位取舍)', () => {
    const f = run(
      narrativeShare,
      ['本年支出合计9759.38万元，其中：基本支出5377.64万元，占55.10%；项目支出4381.74万元，占44.90%。', '一般公共预算财政拨款支出9746.50万元，占本年支出合计的99.86%。'],
      { kind: 'final', year: 2024 },
    );
    expect(f).toHaveLength(1);
    expect(f[0].actual).toBe('99.86%');
    expect(f[0].expected).toBe('99.87%');
    expect(f[0].severity).toBe('info');
    expect(f[0].message).toContain('末位取舍');
  });

  it('notes shares pressed to add up to 100 % (江苏 检察院: 63.75 + 25.38 + 10.87 = 100, exact 63.74 / 10.88)', () => {
    const t = '省检察院本年支出预算合计21,955.35万元，其中：基本支出13,994.31万元，占63.75%；项目支出5,573万元，占25.38%；单位预留机动经费2,388.04万元，占10.87%。';
    const f = run(narrativeShare, [t]);
    expect(f.map((x) => x.severity)).toEqual(['info', 'info']);
    expect(f[0].message).toContain('凑足 100%');
    expect(f[1].message).toContain('截去');
    // the same one-unit slip in shares that do not add up to 100 is an error
    const g = run(narrativeShare, [t.replace('占25.38%', '占25.37%')]);
    expect(g.filter((x) => x.severity === 'error').length).toBeGreaterThan(0);
  });

  it('takes the parts as the whole when no total is printed (三公 占 0% / 100%)', () => {
    const ok = run(narrativeShare, ['“三公”经费财政拨款支出决算中，因公出国（境）费支出决算0.00万元，占0.00%；公务用车购置及运行维护费支出决算0.00万元，占0.00%；公务接待费支出决算0.39万元，占100.00%。'], { kind: 'final' });
    expect(ok).toEqual([]);
    const bad = run(narrativeShare, ['“三公”经费财政拨款支出决算中，因公出国（境）费支出决算0.10万元，占0.00%；公务接待费支出决算0.39万元，占100.00%。'], { kind: 'final' });
    expect(bad.length).toBeGreaterThan(0);
  });

  it('calls a difference inside the rounding interval 尾差 (info)', () => {
    // 1/3 = 33.333…%; with part and whole rounded to 0.01, 33.34% is inside the interval
    const f = run(narrativeShare, ['支出合计0.03万元，其中：基本支出0.01万元，占33.34%；项目支出0.02万元，占66.67%。']);
    expect(f.map((x) => x.severity)).toEqual(['info']);
    expect(f[0].message).toContain('尾差');
  });
});

describe('narrative.share on the statement model', () => {
  it('a whole the text names (占本年支出合计的) is met in another section of the same part (江苏 省人民检察院 2018: 99.94 %, 99.93 % exact)', () => {
    const texts = ['三、支出预算情况说明', '省检察院本年支出预算合计 21,955.35 万元，其中：基本支出 13,994.31 万元。', '四、财政拨款收支预算情况说明', '省检察院 2018 年财政拨款预算支出 21,940.96 万元，占本年支出合计的 99.94 %。'];
    expect(run(narrativeShare, texts, { year: 2018 }).map((f) => [f.severity, f.expected])).toEqual([['error', '99.93%']]);
  });

  it('a share of a whole told in another 单位 part is not judged', () => {
    const ctx = partsContext([
      { heading: '上海市某某局2024年部门预算', texts: ['上海市某某局本年支出预算合计 2000.00 万元，比上年增加 100.00 万元。'] },
      { heading: '上海市某某中心2024年单位预算', texts: ['财政拨款预算支出 500.00 万元，占本年支出合计的 50.00 %。'] },
    ]);
    expect(narrativeShare.check(ctx)).toEqual([]);
  });
});

describe('narrative.share: this year’s part, last year’s whole', () => {
  it('a whole the text names is not taken from last year’s figure of that name', () => {
    expect(run(narrativeShare, ['2023年支出预算合计2000.00万元。', '2024年基本支出500.00万元，占支出预算合计的20.00%。'], { year: 2024 })).toEqual([]);
    expect(run(narrativeShare, ['2024年支出预算合计2500.00万元。', '2024年基本支出500.00万元，占支出预算合计的25.00%。'], { year: 2024 }).map((f) => f.expected)).toEqual(['20.00%']);
  });
});

describe('narrative.share: two lists told with 分别, the i-th percent the i-th amount’s', () => {
  const say = (b: string, c: string) => [`从政府采购结构来看,货物类、工程类和服务类采购金额分别为6571.4亿元、11155.2亿元和3343.9亿元,占全国政府采购规模的比重为 31.2%、${b}%和${c}%。`];
  it('pairs them (全国政府采购 2023: 31.2 / 52.9 / 15.9 all right; the whole, not printed, is their sum when the shares add to 100 %)', () => {
    expect(run(narrativeShare, say('52.9', '15.9'))).toEqual([]);
    const f = run(narrativeShare, say('15.9', '52.9'));
    expect(f.map((x) => x.actual)).toEqual(['15.9%', '52.9%']);
    expect(f[0].message).toContain('11155.2 ÷ 21070.5');
    // shares that do not add to 100 %: the parts may not be the whole the text names — nothing is judged
    expect(run(narrativeShare, say('55.9', '15.9'))).toEqual([]);
  });
  it('reads nothing when the lists do not pair up', () => {
    expect(run(narrativeShare, ['货物类和工程类采购金额分别为6571.4亿元和11155.2亿元,占全国政府采购规模的比重为 31.2%、52.9%和15.9%。'])).toEqual([]);
  });
});

describe('narrative.share: a whole named exactly as a figure told before it', () => {
  it('“预备费24亿元，占总支出的0.4%，占省本级支出的1.6%”: 1.6 % is of 省本级支出 (1478.55), not of 总支出', () => {
    const text = (b: string) => [`2021年省级一般公共预算总支出安排6571.85亿元,收支平衡。其中,省本级支出1478.55亿元,占总支出的22.5%;对市县税收返还和转移支付4404.78亿元,占总支出的67%;上解中央支出598.75亿元,占总支出的9.1%;预备费24亿元,占总支出的0.4%,占省本级支出的${b}%,比例符合预算法规定;债务还本支出65.78亿元,占总支出的1%。`];
    expect(run(narrativeShare, text('1.6'))).toEqual([]);
    expect(run(narrativeShare, text('2.6')).map((f) => f.message.includes('24 ÷ 1478.55'))).toEqual([true]);
  });
});

describe('narrative.share: shares of a whole the text names but does not print', () => {
  // 广西 2024 单位预算 (collected for session 7, a miss until session 8): two paragraphs, one whole.
  const text = (basic: string, project: string) => [
    `1. 基本支出预算 2476260.58 元,占一般公共预算支出的${basic}%,同比减少 4966.66 元,下降 0.2%。其中:`,
    '工资福利支出预算 2016908.34 元,占基本支出预算81.45%,同比增加 33279.22 元,增长 1.68%。',
    '商品和服务支出预算 445372.24 元,占基本支出预算17.99%,同比减少 36235.88 元,下降 7.52%。',
    '对个人和家庭补助支出预算 13980 元,占基本支出预算0.56%,同比减少 2010 元,下降 12.57%。',
    `2. 项目支出 469500 元,占一般公共预算支出的 ${project}%,同比增加 70100 元 ,增长 17.55%。其中:`,
    '工资福利支出 12000 元,占项目支出预算 2.56%,同比增加 12000 元,去年项目支出未列该项。',
  ];
  it('基本支出 84.06% + 项目支出 19.62% of 一般公共预算支出 = 103.68 %: parts that cannot overlap, one share is wrong', () => {
    const f = run(narrativeShare, text('84.06', '19.62'), { year: 2024 });
    expect(f.map((x) => [x.severity, x.actual])).toEqual([['error', '103.68%']]);
    expect(f[0].message).toContain('基本支出 84.06% + 项目支出 19.62% = 103.68%');
    expect(f[0].refs).toHaveLength(4);
  });
  it('raises nothing when they add up to 100 % or less, or above it only within their rounding', () => {
    expect(run(narrativeShare, text('84.06', '15.94'), { year: 2024 })).toEqual([]);
    expect(run(narrativeShare, text('60.00', '15.94'), { year: 2024 })).toEqual([]);
    expect(run(narrativeShare, text('84.06', '15.95'), { year: 2024 })).toEqual([]);
  });
  it('parts that may overlap (基本支出 and 工资福利支出) are not added', () => {
    expect(run(narrativeShare, ['基本支出2476260.58元,占一般公共预算支出的84.06%。工资福利支出2016908.34元,占一般公共预算支出的68.47%。'], { year: 2024 })).toEqual([]);
  });
  it('云南 2022 决算: the parts told together are the whole only when no other figure of the year stands among them — and 占, (a stray comma) is still a share', () => {
    const say = (vehicleShare: string) => [`2022年度一般公共预算财政拨款“三公”经费支出决算中,因公出国(境)费支出0元,占0%;公务用车购置及运行维护费支出23,005.58元,${vehicleShare};公务接待费支出3,080元,占11.81%。具体情况如下:`];
    // read with its stray comma, the three parts add up (0 + 88.19 + 11.81)
    expect(run(narrativeShare, say('占,88.19%'), { year: 2022, kind: 'final' }).filter((f) => f.severity !== 'info')).toEqual([]);
    // without a share for the vehicle figure, 出国 and 接待 alone are not the whole (3,080 ÷ 3,080 would be 100 %)
    expect(run(narrativeShare, say('比上年有所减少'), { year: 2022, kind: 'final' })).toEqual([]);
    // a wrong share among the three is found
    const f = run(narrativeShare, say('占,78.19%'), { year: 2022, kind: 'final' });
    expect(f.filter((x) => x.severity === 'error').map((x) => x.actual)).toContain('78.19%');
  });
  // 江西 2025 一季度 政府采购 (set E): each share passes on its own within the rounding of 0.72 and 1.32;
  // only their sum shows that they were worked out from rounded parts
  const procurement = (shares: string, works = '0.02') => [
    `2025年一季度全市政府采购规模为1.32亿元。其中,货物、工程、服务政府采购规模分别为0.72亿元、${works}亿元和0.59亿元,占全市政府采购规模比例为${shares}。`,
  ];
  it('shares of parts that make up their printed whole add to 100 % (54.54 + 1.51 + 44.69 = 100.74 %: one is wrong)', () => {
    const f = run(narrativeShare, procurement('54.54%、1.51%和44.69%'), { year: 2025, kind: 'final' });
    const loud = f.filter((x) => x.severity !== 'info');
    expect(loud.map((x) => [x.severity, x.actual, x.expected])).toEqual([['error', '100.74%', '100%']]);
    expect(loud[0].message).toContain('0.72 + 0.02 + 0.59 = 1.33，与总数 1.32');
    expect(loud[0].message).toContain('54.54% + 1.51% + 44.69% = 100.74%');
    expect(loud[0].refs).toHaveLength(7);
  });
  it('raises nothing when those shares add to 100 % within their rounding, or when the parts do not make up the whole', () => {
    expect(run(narrativeShare, procurement('54.14%、1.50%和44.36%'), { year: 2025, kind: 'final' }).filter((x) => x.severity !== 'info')).toEqual([]);
    expect(run(narrativeShare, procurement('54.14%、1.51%和44.36%'), { year: 2025, kind: 'final' }).filter((x) => x.severity !== 'info')).toEqual([]);
    // 0.72 + 0.52 + 0.59 = 1.83 is not the whole 1.32: the parts are not its make-up (the shares are wrong one by one)
    expect(run(narrativeShare, procurement('54.54%、39.39%和44.69%', '0.52'), { year: 2025, kind: 'final' }).filter((x) => x.actual === '138.62%')).toEqual([]);
  });
  it('医院 2017 决算 (set G): a whole of one fund (占一般公共预算财政拨款总支出的) is that fund’s figure, not the document’s 总支出', () => {
    const say = (share: string) => [
      '2017年总支出7778.55万元,其中财政项目补助支出683.20万元,基本支出7095.35万元。',
      '2017年度一般公共预算财政拨款支出2339.68万元,占本年支出合计的30.08%。与上年对比减少660.26万元。',
      `1.基本支出1656.48万元,占一般公共预算财政拨款总支出的${share}%。主要用于事业单位人员工资、离退休公用经费、工会经费等;`,
    ];
    // 1656.48 ÷ 2339.68 = 70.80 %, not ÷ 7778.55 = 21.30 %
    expect(run(narrativeShare, say('70.80'), { year: 2017, kind: 'final' }).filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe('narrative.share: the exact rate and its interval shown so they cannot mislead', () => {
  it('an exact rate just under a half is shown with the places that tell (22.02495%, not 22.0250% which reads as 22.03%)', () => {
    // 江苏人大办公厅 2018: 183.6 ÷ 833.6 = 22.024952…%, printed 22.03% — within the rounding of 183.6 and 833.6.
    const f = run(narrativeShare, ['“三公”经费支出833.6万元，其中：公务用车购置及运行费支出183.6万元，占“三公”经费的22.03%。']);
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain('= 22.02495%');
    expect(f[0].message).not.toContain('22.0250%');
  });

  it('an interval whose ends agree to four places is shown with more (exact figures leave almost no room)', () => {
    // 江苏检察院 2018: 2,388.04 ÷ 21,955.35 = 10.87681…%, printed 10.87%.
    const f = run(narrativeShare, ['本年支出合计21,955.35万元，其中：单位预留机动经费2,388.04万元，占10.87%。']);
    expect(f).toHaveLength(1);
    const interval = /区间 \[([\d.]+)%, ([\d.]+)%\]/.exec(f[0].message);
    expect(interval).not.toBeNull();
    expect(interval![1]).not.toBe(interval![2]);
  });
});
