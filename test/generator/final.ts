/**
 * The 部门决算 variant: the model's amounts are read as 决算数 (actuals) of year Y; the 年初预算数,
 * 年初/年末结转和结余 and last year's figures are drawn on a separate PRNG stream so that every
 * 决算 identity holds exactly: 本年收入合计 + 年初结转和结余 = 本年支出合计 + 年末结转和结余 (= 总计),
 * 年末结转 = 年初结转 + 本年收入 − 本年支出 per fund, 完成年初预算的y% = 决算 ÷ 预算, and so on.
 * Tables follow the 公开01–09表 template (行次 / 栏次 included).
 */
import { EXPENDITURE_CLASSES, economicName, functionName } from './catalog';
import type { DisclosureDocument, Inline } from './document';
import { Decimal, ZERO, sum } from './money';
import { amountGrain, deriveFigures, functionTree, isPersonnel, basicEconomicNames, type DisclosureModel, type Figures } from './model';
import { Rng } from './prng';
import { phrasedFinalNarrative, staffSentence } from './phrasing';
import { DocBuilder, TableBuilder, chineseNumber, chineseYear, glossary, h, type CellSpec } from './render';

export const FINAL_TABLE_TITLES: Array<[string, string, string]> = [
  ['income-expenditure', '收入支出决算总表', '公开01表'],
  ['income', '收入决算表', '公开02表'],
  ['expenditure', '支出决算表', '公开03表'],
  ['fiscal', '财政拨款收入支出决算总表', '公开04表'],
  ['gp-expenditure', '一般公共预算财政拨款支出决算表', '公开05表'],
  ['gp-basic', '一般公共预算财政拨款基本支出决算表', '公开06表'],
  ['three-public', '一般公共预算财政拨款“三公”经费支出决算表', '公开07表'],
  ['gov-fund', '政府性基金预算财政拨款收入支出决算表', '公开08表'],
  ['state-capital', '国有资本经营预算财政拨款支出决算表', '公开09表'],
];

export interface FinalFigures {
  /** Per 项: 一般公共预算财政拨款 actual (E_i), income (I_i), 年初预算 (A_i), other-funded actual. */
  items: Array<{ code: string; actual: Decimal; income: Decimal; budget: Decimal; other: Decimal; basic: Decimal; project: Decimal; personnel: Decimal; publicFunds: Decimal }>;
  income: Decimal;
  actual: Decimal;
  other: Decimal;
  opening: Decimal;
  closing: Decimal;
  budget: Decimal;
  threePublicBudget: { abroad: Decimal; vehiclePurchase: Decimal; vehicleOperation: Decimal; reception: Decimal };
  prior: { total: Decimal; fiscalTotal: Decimal; gpExpenditure: Decimal; operating: Decimal };
  sme: Decimal;
}

export function finalFigures(m: DisclosureModel, f: Figures): FinalFigures {
  const rng = new Rng(`${m.seed}/final`);
  const grain = amountGrain(m.unit, m.cents);
  const onGrain = (v: Decimal) => v.div(grain).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(grain);
  const ratio = (lo: number, hi: number) => new Decimal(rng.int(Math.round(lo * 1000), Math.round(hi * 1000))).div(1000);
  const items = f.items.map((i) => ({
    code: i.code,
    actual: i.fiscal,
    income: i.fiscal,
    budget: rng.chance(0.2) ? i.fiscal : onGrain(i.fiscal.times(ratio(0.8, 1.2))),
    other: i.projectOther,
    basic: i.basic,
    project: i.projectGp.plus(i.projectCarry).plus(i.projectOther),
    personnel: i.personnel,
    publicFunds: i.publicFunds,
  }));
  const actual = sum(items.map((i) => i.actual));
  const opening = rng.chance(0.2) ? ZERO : onGrain(actual.times(ratio(0.01, 0.12)));
  // The difference between income and spending sits on one project item.
  const projectItems = items.filter((i) => i.project.gt(i.other));
  let delta = ZERO;
  if (projectItems.length > 0) {
    const k = rng.pick(projectItems);
    const lo = Decimal.min(opening, k.actual.times('0.5'));
    delta = onGrain(k.actual.times(ratio(0, 0.3))).minus(onGrain(lo.times(ratio(0, 1))));
    k.income = k.actual.plus(delta);
  }
  const income = sum(items.map((i) => i.income));
  const closing = opening.plus(income).minus(actual);
  const tp = m.threePublic;
  const up = (v: Decimal) => (v.isZero() ? (rng.chance(0.2) ? onGrain(new Decimal(rng.int(5000, 30000))) : ZERO) : rng.chance(0.3) ? v : onGrain(v.times(ratio(1, 1.3))));
  const total = income.plus(f.other).plus(opening);
  const procurement = m.procurement.goods.plus(m.procurement.works).plus(m.procurement.services);
  return {
    items,
    income,
    actual,
    other: f.other,
    opening,
    closing,
    budget: sum(items.map((i) => i.budget)),
    threePublicBudget: { abroad: up(tp.abroad), vehiclePurchase: up(tp.vehiclePurchase), vehicleOperation: up(tp.vehicleOperation), reception: up(tp.reception) },
    prior: {
      total: onGrain(total.times(ratio(0.8, 1.2))),
      fiscalTotal: onGrain(income.plus(opening).times(ratio(0.8, 1.2))),
      gpExpenditure: onGrain(actual.times(ratio(0.8, 1.2))),
      operating: m.prior.operating,
    },
    sme: onGrain(procurement.times(ratio(0.5, 1))),
  };
}

export function buildFinalDocument(model: DisclosureModel): DisclosureDocument {
  const f = deriveFigures(model);
  const ff = finalFigures(model, f);
  const d = new DocBuilder(model);
  const y = model.year;
  const dept = model.department;
  const rng = new Rng(`${model.seed}/final-narrative`);
  const title = `${dept}${y}年度部门决算`;

  d.blocks.push({ type: 'cover', title, date: `${chineseYear(y + 1)}年${rng.pick(['七', '八', '九'])}月` });
  d.blocks.push({
    type: 'toc',
    entries: [
      { text: '第一部分 部门概况', level: 0 },
      { text: '一、主要职能', level: 1 },
      { text: '二、部门决算单位构成', level: 1 },
      { text: `第二部分 ${y}年度部门决算表`, level: 0 },
      ...FINAL_TABLE_TITLES.map(([, t], i) => ({ text: `${chineseNumber(i + 1)}、${t}`, level: 1 })),
      { text: `第三部分 ${y}年度部门决算情况说明`, level: 0 },
      { text: '第四部分 名词解释', level: 0 },
    ],
  });
  d.blocks.push({ type: 'break' });
  d.blocks.push({ type: 'h1', text: '第一部分 部门概况' });
  d.blocks.push({ type: 'h2', text: '一、主要职能' });
  model.duties.forEach((t, i) => d.para([`${chineseNumber(i + 1)}、${t}`]));
  d.blocks.push({ type: 'h2', text: '二、部门决算单位构成' });
  d.para([`纳入本部门${y}年度部门决算编制范围的单位共`, d.count(model.units.length, false), `个，包括：${model.units.map((u) => (u === dept ? `${u}本级` : u)).join('、')}。`]);
  if (model.phrasing !== 0) staffSentence(d);

  finalTables(d, f, ff);
  finalNarrative(d, f, ff, rng);
  const glossaryStart = d.blocks.length;
  glossary(d);
  const h1 = d.blocks[glossaryStart + 1];
  if (h1 && h1.type === 'h1') h1.text = '第四部分 名词解释';
  return { title, department: dept, year: y, blocks: d.blocks, slots: d.slots, order: d.order, layout: model.layout, codesOncePerGroup: model.codesOncePerGroup };
}

function finalTables(d: DocBuilder, f: Figures, ff: FinalFigures): void {
  const m = d.model;
  const y = m.year;
  d.blocks.push({ type: 'break' });
  d.blocks.push({ type: 'h1', text: `第二部分 ${y}年度部门决算表` });
  const meta = new Map(FINAL_TABLE_TITLES.map(([id, t, no]) => [id, { t, no }]));
  const start = (id: string, wide: boolean, header: Parameters<typeof h>[0][][] | ReturnType<typeof h>[][], columns: string[]) => {
    const t = new TableBuilder(d, id, meta.get(id)!.no, meta.get(id)!.t, wide, header as ReturnType<typeof h>[][], columns);
    t.block.period = `${y}年度`;
    return t;
  };
  const byCode = new Map(ff.items.map((i) => [i.code, i]));
  const agg = (codes: string[], pick: (i: FinalFigures['items'][number]) => Decimal) => sum(codes.map((c) => pick(byCode.get(c)!)));
  const hier = functionTree(ff.items.map((i) => i.code)).flatMap((c) => [
    { level: 0, code: c.cls, codes: c.sections.flatMap((s) => s.items) },
    ...c.sections.flatMap((s) => [{ level: 1, code: s.section, codes: s.items }, ...s.items.map((i) => ({ level: 2, code: i, codes: [i] }))]),
  ]);
  const force = (v: Decimal): CellSpec => ({ amount: v, force: true });
  const otherIsBusiness = m.otherIncomeLabel === '事业收入';
  const classTotals = (pick: (i: FinalFigures['items'][number]) => Decimal) =>
    new Map(functionTree(ff.items.map((i) => i.code)).map((c) => [c.cls, agg(c.sections.flatMap((s) => s.items), pick)]));
  const classes = EXPENDITURE_CLASSES.filter(([c]) => !['209', '227', '230', '233'].includes(c));

  // 公开01 收入支出决算总表.
  {
    const t = start('income-expenditure', false, [[h('收入', 1, 3), h('支出', 1, 3)], [h('项目'), h('行次'), h('金额'), h('项目'), h('行次'), h('金额')]], ['收入 › 项目', '收入 › 行次', '收入 › 金额', '支出 › 项目', '支出 › 行次', '支出 › 金额']);
    const left: Array<[string, Decimal]> = [
      ['一、一般公共预算财政拨款收入', ff.income],
      ['二、政府性基金预算财政拨款收入', ZERO],
      ['三、国有资本经营预算财政拨款收入', ZERO],
      ['四、上级补助收入', ZERO],
      ['五、事业收入', otherIsBusiness ? ff.other : ZERO],
      ['六、经营收入', ZERO],
      ['七、附属单位上缴收入', ZERO],
      ['八、其他收入', otherIsBusiness ? ZERO : ff.other],
    ];
    const totals = classTotals((i) => i.actual.plus(i.other));
    const n = classes.length;
    classes.forEach(([code, name], i) => {
      const l = left[i];
      const label = `${chineseNumber(i + 1)}、${name}`;
      t.row(l ? l[0] : '', undefined, [l ? l[0] : '', String(i + 1), l ? force(l[1]) : null, label, String(n + 4 + i + 1), { amount: totals.get(code) ?? ZERO, force: true, row: label, code }]);
    });
    const r = (a: string, av: Decimal, b: string, bv: Decimal, k: number) => t.row(a, undefined, [a, String(n + k), force(av), b, String(2 * n + 4 + k), { amount: bv, force: true, row: b }], a === '总计' || a === '本年收入合计' ? 'total' : undefined);
    r('本年收入合计', ff.income.plus(ff.other), '本年支出合计', ff.actual.plus(ff.other), 1);
    r('使用非财政拨款结余', ZERO, '结余分配', ZERO, 2);
    r('年初结转和结余', ff.opening, '年末结转和结余', ff.closing, 3);
    r('总计', ff.income.plus(ff.other).plus(ff.opening), '总计', ff.actual.plus(ff.other).plus(ff.closing), 4);
    t.done('注：本表反映部门本年度的总收支和年末结转结余情况。');
  }

  // 公开02 收入决算表.
  {
    const cols = ['本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'];
    const t = start('income', true, [[h('功能分类科目编码'), h('科目名称'), ...cols.map((c) => h(c))], [h('栏次'), h(''), ...cols.map((_, i) => h(String(i + 1)))]], ['功能分类科目编码', '科目名称', ...cols]);
    const vals = (codes: string[]) => {
      const o = agg(codes, (i) => i.other);
      const inc = agg(codes, (i) => i.income);
      return [inc.plus(o), inc, ZERO, otherIsBusiness ? o : ZERO, ZERO, ZERO, otherIsBusiness ? ZERO : o].map(force);
    };
    t.row('合计', undefined, ['', '合计', ...vals(ff.items.map((i) => i.code))], 'total');
    for (const r of hier) t.row(functionName(r.code), r.code, [r.code, functionName(r.code), ...vals(r.codes)]);
    t.done('注：本表反映部门本年度取得的各项收入情况。');
  }

  // 公开03 支出决算表.
  {
    const cols = ['本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'];
    const t = start('expenditure', true, [[h('功能分类科目编码'), h('科目名称'), ...cols.map((c) => h(c))], [h('栏次'), h(''), ...cols.map((_, i) => h(String(i + 1)))]], ['功能分类科目编码', '科目名称', ...cols]);
    const vals = (codes: string[]) => [agg(codes, (i) => i.actual.plus(i.other)), agg(codes, (i) => i.basic), agg(codes, (i) => i.project), ZERO, ZERO, ZERO].map(force);
    t.row('合计', undefined, ['', '合计', ...vals(ff.items.map((i) => i.code))], 'total');
    for (const r of hier) t.row(functionName(r.code), r.code, [r.code, functionName(r.code), ...vals(r.codes)]);
    t.done('注：本表反映部门本年度各项支出情况。');
  }

  // 公开04 财政拨款收入支出决算总表.
  {
    const t = start(
      'fiscal',
      true,
      [
        [h('收入', 1, 3), h('支出', 1, 6)],
        [h('项目'), h('行次'), h('金额'), h('项目'), h('行次'), h('合计'), h('一般公共预算财政拨款'), h('政府性基金预算财政拨款'), h('国有资本经营预算财政拨款')],
      ],
      ['收入 › 项目', '收入 › 行次', '收入 › 金额', '支出 › 项目', '支出 › 行次', '支出 › 合计', '支出 › 一般公共预算财政拨款', '支出 › 政府性基金预算财政拨款', '支出 › 国有资本经营预算财政拨款'],
    );
    const totals = classTotals((i) => i.actual);
    const left: Array<[string, Decimal]> = [
      ['一、一般公共预算财政拨款', ff.income],
      ['二、政府性基金预算财政拨款', ZERO],
      ['三、国有资本经营预算财政拨款', ZERO],
    ];
    const n = classes.length;
    const four = (v: Decimal, row: string, code?: string): CellSpec[] => [
      { amount: v, force: true, row, code },
      { amount: v, force: true, row, code },
      { amount: ZERO, force: true, row, code },
      { amount: ZERO, force: true, row, code },
    ];
    classes.forEach(([code, name], i) => {
      const l = left[i];
      const label = `${chineseNumber(i + 1)}、${name}`;
      t.row(l ? l[0] : '', undefined, [l ? l[0] : '', String(i + 1), l ? force(l[1]) : null, label, String(n + 6 + i + 1), ...four(totals.get(code) ?? ZERO, label, code)]);
    });
    const tail = (a: string, k: number, av: Decimal | null, b: string, bv: Decimal | null, cls?: string) =>
      t.row(a, undefined, [a, String(n + k), av ? force(av) : null, b, b ? String(2 * n + 6 + k) : '', ...(bv ? four(bv, b) : [null, null, null, null])], cls);
    tail('本年收入合计', 1, ff.income, '本年支出合计', ff.actual, 'total');
    tail('年初财政拨款结转和结余', 2, ff.opening, '年末财政拨款结转和结余', ff.closing);
    tail('一般公共预算财政拨款', 3, ff.opening, '', null);
    tail('政府性基金预算财政拨款', 4, ZERO, '', null);
    tail('国有资本经营预算财政拨款', 5, ZERO, '', null);
    tail('总计', 6, ff.income.plus(ff.opening), '总计', ff.actual.plus(ff.closing), 'total');
    t.done('注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。');
  }

  // 公开05 一般公共预算财政拨款支出决算表.
  {
    const t = start('gp-expenditure', false, [[h('功能分类科目编码'), h('科目名称'), h('小计'), h('基本支出'), h('项目支出')], [h('栏次'), h(''), h('1'), h('2'), h('3')]], ['功能分类科目编码', '科目名称', '本年支出 › 小计', '本年支出 › 基本支出', '本年支出 › 项目支出']);
    const vals = (codes: string[]) => [agg(codes, (i) => i.actual), agg(codes, (i) => i.basic), agg(codes, (i) => i.project.minus(i.other))].map(force);
    const codes = ff.items.filter((i) => !i.actual.isZero()).map((i) => i.code);
    t.row('合计', undefined, ['', '合计', ...vals(codes)], 'total');
    for (const c of functionTree(codes)) {
      t.row(functionName(c.cls), c.cls, [c.cls, functionName(c.cls), ...vals(c.sections.flatMap((s) => s.items))]);
      for (const s of c.sections) {
        t.row(functionName(s.section), s.section, [s.section, functionName(s.section), ...vals(s.items)]);
        for (const i of s.items) t.row(functionName(i), i, [i, functionName(i), ...vals([i])]);
      }
    }
    t.done('注：本表反映部门本年度一般公共预算财政拨款支出情况。');
  }

  // 公开06 一般公共预算财政拨款基本支出决算表 (人员经费 | 公用经费 side by side).
  {
    const t = start(
      'gp-basic',
      true,
      [
        [h('人员经费', 1, 3), h('公用经费', 1, 3)],
        [h('科目编码'), h('科目名称'), h('决算数'), h('科目编码'), h('科目名称'), h('决算数')],
      ],
      ['人员经费 › 科目编码', '人员经费 › 科目名称', '人员经费 › 决算数', '公用经费 › 科目编码', '公用经费 › 科目名称', '公用经费 › 决算数'],
    );
    const list = (pred: (e: string) => boolean) => {
      const out: Array<{ code: string; amount: Decimal }> = [];
      const lines = f.basicByEcon.filter((e) => pred(e.econ));
      for (const cls of [...new Set(lines.map((l) => l.econ.slice(0, 3)))]) {
        const ls = lines.filter((l) => l.econ.startsWith(cls));
        out.push({ code: cls, amount: sum(ls.map((l) => l.amount)) });
        for (const l of ls) out.push({ code: l.econ, amount: l.amount });
      }
      return out;
    };
    const pers = list(isPersonnel);
    const pub = list((e) => !isPersonnel(e));
    const n = Math.max(pers.length, pub.length);
    for (let i = 0; i < n; i++) {
      const a = pers[i];
      const b = pub[i];
      t.row(a ? economicName(a.code) : '', a?.code, [
        a?.code ?? '',
        a ? economicName(a.code) : '',
        a ? { amount: a.amount, force: true } : null,
        b?.code ?? '',
        b ? economicName(b.code) : '',
        b ? { amount: b.amount, force: true, row: economicName(b.code), code: b.code } : null,
      ]);
    }
    t.row('人员经费合计', undefined, ['人员经费合计', '', force(f.personnel), '公用经费合计', '', { amount: f.publicFunds, force: true, row: '公用经费合计' }], 'total');
    t.done('注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。');
  }

  // 公开07 “三公”.
  {
    const group = ['合计', '因公出国（境）费', '公务用车购置及运行费 › 小计', '公务用车购置及运行费 › 公务用车购置费', '公务用车购置及运行费 › 公务用车运行费', '公务接待费'];
    const t = start(
      'three-public',
      true,
      [
        [h('预算数', 1, 6), h('决算数', 1, 6)],
        [h('合计', 2), h('因公出国（境）费', 2), h('公务用车购置及运行费', 1, 3), h('公务接待费', 2), h('合计', 2), h('因公出国（境）费', 2), h('公务用车购置及运行费', 1, 3), h('公务接待费', 2)],
        [h('小计'), h('公务用车购置费'), h('公务用车运行费'), h('小计'), h('公务用车购置费'), h('公务用车运行费')],
      ],
      [...group.map((g) => `预算数 › ${g}`), ...group.map((g) => `决算数 › ${g}`)],
    );
    const six = (tp: FinalFigures['threePublicBudget']): CellSpec[] =>
      [tp.abroad.plus(tp.vehiclePurchase).plus(tp.vehicleOperation).plus(tp.reception), tp.abroad, tp.vehiclePurchase.plus(tp.vehicleOperation), tp.vehiclePurchase, tp.vehicleOperation, tp.reception].map(force);
    t.row('', undefined, [...six(ff.threePublicBudget), ...six(m.threePublic)]);
    t.done('注：本表反映部门本年度“三公”经费支出预决算情况。其中，预算数为“三公”经费全年预算数，决算数是包括当年一般公共预算财政拨款和以前年度结转资金安排的实际支出。');
  }

  // 公开08, 09 empty with their own notes.
  {
    const t = start('gov-fund', true, [[h('功能分类科目编码'), h('科目名称'), h('年初结转和结余'), h('本年收入'), h('本年支出 › 小计'), h('本年支出 › 基本支出'), h('本年支出 › 项目支出'), h('年末结转和结余')]], ['功能分类科目编码', '科目名称', '年初结转和结余', '本年收入', '本年支出 › 小计', '本年支出 › 基本支出', '本年支出 › 项目支出', '年末结转和结余']);
    t.block.header = [[h('功能分类科目编码', 2), h('科目名称', 2), h('年初结转和结余', 2), h('本年收入', 2), h('本年支出', 1, 3), h('年末结转和结余', 2)], [h('小计'), h('基本支出'), h('项目支出')]];
    t.row('合计', undefined, ['', '合计', '', '', '', '', '', ''], 'total');
    t.done(`注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。说明：本部门${y}年度没有政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出，故本表无数据。`);
  }
  {
    const t = start('state-capital', false, [[h('功能分类科目编码'), h('科目名称'), h('合计'), h('基本支出'), h('项目支出')]], ['功能分类科目编码', '科目名称', '合计', '基本支出', '项目支出']);
    t.row('合计', undefined, ['', '合计', '', '', ''], 'total');
    t.done(`注：本表反映部门本年度国有资本经营预算财政拨款支出情况。说明：本部门${y}年度没有国有资本经营预算财政拨款安排的支出，故本表无数据。`);
  }
}

function finalNarrative(d: DocBuilder, f: Figures, ff: FinalFigures, rng: Rng): void {
  if (d.model.phrasing !== 0) return phrasedFinalNarrative(d, f, ff, rng);
  const m = d.model;
  const y = m.year;
  const reason = (up: boolean) => rng.pick(up ? m.reasons.up : m.reasons.down);
  const lead = '与上年度相比，';
  d.blocks.push({ type: 'break' });
  d.blocks.push({ type: 'h1', text: `第三部分 ${y}年度部门决算情况说明` });

  const total = ff.income.plus(ff.other).plus(ff.opening);
  d.blocks.push({ type: 'h2', text: '一、收入支出决算总体情况说明' });
  d.section = '收入支出决算总体情况';
  d.para([`${y}年度收、支总计均为`, d.amount(total), `万元。${lead}收、支总计各`, ...d.change(total, ff.prior.total, ''), `。主要原因是${reason(total.gte(ff.prior.total))}。`]);

  d.blocks.push({ type: 'h2', text: '二、收入决算情况说明' });
  d.section = '收入决算情况';
  const incomeTotal = ff.income.plus(ff.other);
  const inc: Inline[] = [`${y}年度收入合计`, d.amount(incomeTotal), '万元，其中：财政拨款收入', d.amount(ff.income), '万元，占', d.pct(ff.income, incomeTotal), '%'];
  if (!ff.other.isZero()) inc.push(`；${m.otherIncomeLabel}`, d.amount(ff.other), '万元，占', d.pct(ff.other, incomeTotal), '%');
  inc.push('。');
  d.para(inc);

  d.blocks.push({ type: 'h2', text: '三、支出决算情况说明' });
  d.section = '支出决算情况';
  const spend = ff.actual.plus(ff.other);
  d.para([`${y}年度支出合计`, d.amount(spend), '万元，其中：基本支出', d.amount(f.basic), '万元，占', d.pct(f.basic, spend), '%；项目支出', d.amount(f.project), '万元，占', d.pct(f.project, spend), '%。']);

  d.blocks.push({ type: 'h2', text: '四、财政拨款收入支出决算总体情况说明' });
  d.section = '财政拨款收入支出决算总体情况';
  const fiscalTotal = ff.income.plus(ff.opening);
  d.para([`${y}年度财政拨款收、支总计均为`, d.amount(fiscalTotal), `万元。${lead}财政拨款收、支总计各`, ...d.change(fiscalTotal, ff.prior.fiscalTotal, ''), `。主要原因是${reason(fiscalTotal.gte(ff.prior.fiscalTotal))}。`]);

  d.blocks.push({ type: 'h2', text: '五、一般公共预算财政拨款支出决算情况说明' });
  d.section = '一般公共预算财政拨款支出决算情况';
  d.blocks.push({ type: 'h3', text: '（一）总体情况' });
  d.para([`${y}年度一般公共预算财政拨款支出`, d.amount(ff.actual), '万元，占本年支出合计的', d.pct(ff.actual, spend), `%。${lead}一般公共预算财政拨款支出`, ...d.change(ff.actual, ff.prior.gpExpenditure, ''), `。主要原因是${reason(ff.actual.gte(ff.prior.gpExpenditure))}。`]);
  d.blocks.push({ type: 'h3', text: '（二）结构情况' });
  const codes = ff.items.filter((i) => !i.actual.isZero()).map((i) => i.code);
  const tree = functionTree(codes);
  const byCode = new Map(ff.items.map((i) => [i.code, i]));
  const cls: Inline[] = [`${y}年度一般公共预算财政拨款支出`, d.amount(ff.actual), '万元，主要用于以下方面：'];
  tree.forEach((c, k) => {
    const v = sum(c.sections.flatMap((s) => s.items.map((i) => byCode.get(i)!.actual)));
    cls.push(`${functionName(c.cls)}（类）支出`, d.amount(v), '万元，占', d.pct(v, ff.actual), k === tree.length - 1 ? '%。' : '%；');
  });
  d.para(cls);
  d.blocks.push({ type: 'h3', text: '（三）具体情况' });
  d.para([`${y}年度一般公共预算财政拨款支出年初预算为`, d.amount(ff.budget, false), '万元，支出决算为', d.amount(ff.actual), '万元，完成年初预算的', d.pct(ff.actual, ff.budget), '%。其中：']);
  let k = 0;
  for (const c of tree) {
    for (const s of c.sections) {
      for (const code of s.items) {
        const it = byCode.get(code)!;
        const word = it.actual.gt(it.budget) ? '大于' : it.actual.lt(it.budget) ? '小于' : '等于';
        const parts: Inline[] = [`${++k}．${functionName(c.cls)}（类）${functionName(s.section)}（款）${functionName(code)}（项）。年初预算为`, d.amount(it.budget, false), '万元，支出决算为', d.amount(it.actual), '万元，完成年初预算的'];
        if (it.budget.isZero()) parts.splice(parts.length - 1, 1, `万元，决算数${word}年初预算数，主要原因是年中追加预算。`);
        else {
          parts.push(d.pct(it.actual, it.budget), '%。');
          parts.push(word === '等于' ? '决算数等于年初预算数。' : `决算数${word}年初预算数的主要原因是${reason(word === '大于')}。`);
        }
        d.para(parts);
      }
    }
  }

  d.blocks.push({ type: 'h2', text: '六、一般公共预算财政拨款基本支出决算情况说明' });
  d.section = '一般公共预算财政拨款基本支出决算情况';
  const names = (pred: (econ: string) => boolean) => basicEconomicNames(f, pred);
  d.para([`${y}年度一般公共预算财政拨款基本支出`, d.amount(f.basic), '万元，其中：人员经费', d.amount(f.personnel), `万元，主要包括：${names(isPersonnel)}；公用经费`, d.amount(f.publicFunds), `万元，主要包括：${names((e) => !isPersonnel(e))}。`]);

  d.blocks.push({ type: 'h2', text: '七、“三公”经费财政拨款支出决算情况说明' });
  d.section = '“三公”经费财政拨款支出决算情况';
  const tp = m.threePublic;
  const tb = ff.threePublicBudget;
  const tpTotal = tp.abroad.plus(tp.vehiclePurchase).plus(tp.vehicleOperation).plus(tp.reception);
  const tbTotal = tb.abroad.plus(tb.vehiclePurchase).plus(tb.vehicleOperation).plus(tb.reception);
  const completion = (actual: Decimal, budget: Decimal): Inline[] => (budget.isZero() ? ['（年初未安排预算）'] : ['，完成预算的', d.pct(actual, budget), '%']);
  const component = (name: string, actual: Decimal, budget: Decimal): Inline[] => [`${name}支出预算为`, d.amount(budget), '万元，支出决算为', d.amount(actual), '万元', ...completion(actual, budget)];
  d.para([
    `${y}年度“三公”经费财政拨款支出预算为`,
    d.amount(tbTotal),
    '万元，支出决算为',
    d.amount(tpTotal),
    '万元',
    ...completion(tpTotal, tbTotal),
    '。其中：',
    ...component('因公出国（境）费', tp.abroad, tb.abroad),
    '；',
    ...component('公务用车购置及运行费', tp.vehiclePurchase.plus(tp.vehicleOperation), tb.vehiclePurchase.plus(tb.vehicleOperation)),
    '；',
    ...component('公务接待费', tp.reception, tb.reception),
    `。决算数${tpTotal.lt(tbTotal) ? '小于' : tpTotal.gt(tbTotal) ? '大于' : '等于'}预算数${tpTotal.lt(tbTotal) ? '的主要原因是厉行节约，严格控制“三公”经费支出' : ''}。`,
  ]);

  d.blocks.push({ type: 'h2', text: '八、政府性基金预算及国有资本经营预算财政拨款支出决算情况说明' });
  d.para([`本部门${y}年度无政府性基金预算财政拨款收支，无国有资本经营预算财政拨款支出，公开08表、公开09表为空表。`]);

  d.blocks.push({ type: 'h2', text: '九、其他重要事项的情况说明' });
  d.blocks.push({ type: 'h3', text: '（一）机关运行经费支出情况' });
  d.section = '机关运行经费';
  d.para([`${y}年度本部门机关运行经费支出`, d.amount(f.operatingTotal), '万元，', ...d.change(f.operatingTotal, ff.prior.operating), `，主要原因是${reason(f.operatingTotal.gte(ff.prior.operating))}。`]);
  d.blocks.push({ type: 'h3', text: '（二）政府采购支出情况' });
  d.section = '政府采购支出情况';
  const pr = m.procurement;
  const prTotal = pr.goods.plus(pr.works).plus(pr.services);
  if (prTotal.isZero()) d.para([`本部门${y}年度无政府采购支出。`]);
  else
    d.para([
      `${y}年度本部门政府采购支出总额`,
      d.amount(prTotal),
      '万元，其中：政府采购货物支出',
      d.amount(pr.goods),
      '万元、政府采购工程支出',
      d.amount(pr.works),
      '万元、政府采购服务支出',
      d.amount(pr.services),
      '万元。授予中小企业合同金额',
      d.amount(ff.sme),
      '万元，占政府采购支出总额的',
      d.pct(ff.sme, prTotal),
      '%。',
    ]);
  d.blocks.push({ type: 'h3', text: '（三）国有资产占有使用情况' });
  d.para([`截至${y}年12月31日，本部门共有车辆`, d.count(m.staff.vehicles, false), '辆，其中一般公务用车', d.count(m.staff.vehicles, false), '辆。']);
}
