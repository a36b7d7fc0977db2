/**
 * The 说明 of a 部门预算 worded differently (`phrasing` 1 and 2; phrasing 0 is render.ts's
 * `narrative`). The same statements with the same figures, phrased as other writers do: the amount
 * before or after its subject (安排x万元用于基本支出), other connectors (其中 / 包括 / 分别为 /
 * 主要用于), numbered lists, a closing 合计, 较上年 / 与上年相比, a rate with or without its amount,
 * 万 for 万元 (phrasing 2, drawn: `model.bareWan`), 项 paragraphs with their code, purpose (主要用于X)
 * and a reason naming the item (X经费增加/减少, always the way its figures go), staff counts, and a
 * 中小企业 part of 政府采购. Every subject is named explicitly; the numbers no rule can link (a
 * deliberately vague subject, a rate with no base in any table) are `unlinkable` slots.
 */
import { functionName } from './catalog';
import type { Inline } from './document';
import { Decimal, ZERO, sum } from './money';
import { functionTree, isPersonnel, basicEconomicNames, type DisclosureModel, type Figures } from './model';
import { Rng } from './prng';
import type { FinalFigures } from './final';
import { chineseNumber, type DocBuilder } from './render';

/** A list marker: 1. / （一） / none, per phrasing and drawn per list. */
export function marker(style: 'none' | 'arabic' | 'chinese', k: number): string {
  return style === 'arabic' ? `${k}.` : style === 'chinese' ? `（${chineseNumber(k)}）` : '';
}

/** 中小企业 share of 政府采购 in a 预算 (drawn on its own stream: the figures of a seed never change). */
export function smallBusinessPart(m: DisclosureModel, total: Decimal): Decimal {
  const r = new Rng(`${m.seed}/phrasing-sme`);
  // on the 100 元 grain of a 万元 table, never above the whole
  return total.times(0.4 + 0.5 * r.next()).div(100).toDecimalPlaces(0, Decimal.ROUND_DOWN).times(100);
}

/** 编制/实有人员 sentence of 部门概况 (phrasing 1 and 2): a complete list of the staff by kind. */
export function staffSentence(d: DocBuilder): void {
  const m = d.model;
  const { admin, inst, retired } = m.staff;
  const total = admin + inst;
  if (m.phrasing === 1) {
    if (inst === 0) d.para(['本部门编制人数共', d.count(total, false), '人，均为行政编制。']);
    else d.para(['本部门编制人数共', d.count(total, true), '人，包括行政编制', d.count(admin, true), '人和事业编制', d.count(inst, true), '人。']);
  } else {
    const parts: Inline[] = inst === 0 ? ['截至年底，本部门实有人员', d.count(total, false), '人，均为行政人员'] : ['截至年底，本部门实有人员', d.count(total, true), '人，分别为行政人员', d.count(admin, true), '人、事业人员', d.count(inst, true), '人'];
    // nothing in the document counts the retired: unlinkable
    if (retired > 0) parts.push('；单位管理的离退休人员', d.vague(new Decimal(retired), 'count'), '人');
    parts.push('。');
    d.para(parts);
  }
}

export function phrasedNarrative(d: DocBuilder, f: Figures, reason: (up: boolean) => string): void {
  const m = d.model;
  const p = m.phrasing;
  const w = d.w;
  const y = m.year;
  const rng = new Rng(`${m.seed}/phrasing/${p}`);
  d.blocks.push({ type: 'break' });
  d.blocks.push({ type: 'h1', text: `第二部分 ${m.department}${y}年部门预算情况说明` });

  // 收支总体
  d.blocks.push({ type: 'h2', text: '一、收支预算总体情况' });
  d.section = '收支预算总体情况';
  const totalUp = f.total.gte(f.priorTotal);
  if (p === 1) d.para([`本部门${y}年收入总计和支出总计均为`, d.amount(f.total), `${w}，收支总预算`, ...d.changeP(f.total, f.priorTotal), `，主要原因是${reason(totalUp)}。`]);
  else d.para([`${y}年本部门收支预算总计`, d.amount(f.total), `${w}。与上年相比，收支预算总计`, ...d.changeP(f.total, f.priorTotal).map((x) => (x === '与上年相比，' ? '' : typeof x === 'string' ? x.replace('与上年相比，', '') : x)), `。主要原因是${reason(totalUp)}。`]);

  // 收入: numbered 包括 list (1) or 分别为 with bracketed shares (2)
  d.blocks.push({ type: 'h2', text: '二、收入预算总体情况' });
  d.section = '收入预算总体情况';
  const incomeItems: Array<[string, Decimal]> = [
    ['一般公共预算拨款收入', f.gp],
    ['政府性基金预算拨款收入', f.fund],
    [m.otherIncomeLabel, f.other],
    ['上年结转', f.carry],
  ].filter(([, v]) => !(v as Decimal).isZero()) as Array<[string, Decimal]>;
  if (p === 1) {
    const style = rng.pick(['arabic', 'none'] as const);
    const parts: Inline[] = [`${y}年收入预算`, d.amount(f.total), `${w}，包括：`];
    incomeItems.forEach(([name, v], k) => parts.push(`${marker(style, k + 1)}${name}`, d.amount(v), `${w}，占收入预算的`, d.pct(v, f.total), k === incomeItems.length - 1 ? '%。' : '%；'));
    d.para(parts);
  } else {
    const parts: Inline[] = [`${y}年收入预算总计`, d.amount(f.total), `${w}，分别为：`];
    incomeItems.forEach(([name, v], k) => parts.push(`${name}`, d.amount(v), `${w}（占`, d.pct(v, f.total), k === incomeItems.length - 1 ? '%）。' : '%）、'));
    d.para(parts);
  }

  // 支出: subject first (1), amount first — 安排x万元用于基本支出 (2)
  d.blocks.push({ type: 'h2', text: '三、支出预算总体情况' });
  d.section = '支出预算总体情况';
  if (p === 1) d.para([`${y}年支出预算合计`, d.amount(f.total), `${w}。其中：基本支出`, d.amount(f.basic), `${w}，占支出预算合计的`, d.pct(f.basic, f.total), '%；项目支出', d.amount(f.project), `${w}，占支出预算合计的`, d.pct(f.project, f.total), '%。']);
  else {
    const parts: Inline[] = [`${y}年支出预算`, d.amount(f.total), `${w}，其中安排`, d.amount(f.basic), `${w}用于基本支出，占`, d.pct(f.basic, f.total), '%；安排', d.amount(f.project), `${w}用于项目支出，占`, d.pct(f.project, f.total), '%。'];
    const top = m.projects.reduce((a, b) => (b.amount.gt(a) ? b.amount : a), ZERO);
    // a deliberately vague subject: linked to nothing, checked against nothing
    if (!top.isZero()) parts.push('项目支出中用于重点工作的经费约', d.vague(top), `${w}。`);
    d.para(parts);
  }

  // 财政拨款
  d.blocks.push({ type: 'h2', text: '四、财政拨款收支预算总体情况' });
  d.section = '财政拨款收支预算总体情况';
  const fin: Array<[string, Decimal]> = (
    [
      ['一般公共预算当年拨款收入', f.gp],
      ['政府性基金预算当年拨款收入', f.fund],
      ['上年结转', f.carry],
    ] as Array<[string, Decimal]>
  ).filter(([, v]) => !v.isZero());
  const fout: Array<[string, Decimal]> = (
    [
      ['一般公共预算支出', f.fiscal],
      ['政府性基金预算支出', f.fund],
    ] as Array<[string, Decimal]>
  ).filter(([, v]) => !v.isZero());
  const join = (items: Array<[string, Decimal]>, andLast: boolean): Inline[] =>
    items.flatMap(([name, v], k) => [k === 0 ? '' : andLast && k === items.length - 1 ? '和' : '、', name, d.amount(v), w]);
  const finUp = f.appropriation.gte(f.priorAppropriation);
  if (p === 1)
    d.para([`${y}年财政拨款收支总预算`, d.amount(f.appropriation), `${w}。收入包括`, ...join(fin, true), '；支出包括', ...join(fout, true), '。财政拨款收支总预算', ...d.changeP(f.appropriation, f.priorAppropriation), `，主要原因是${reason(finUp)}。`]);
  else
    d.para([`${y}年财政拨款收支预算总计`, d.amount(f.appropriation), `${w}，其中：`, ...join(fin, false), `。财政拨款支出预算`, d.amount(f.appropriation), `${w}，其中：`, ...join(fout, false), '。与上年相比，财政拨款收支预算总计', ...d.changeP(f.appropriation, f.priorAppropriation).map((x) => (typeof x === 'string' ? x.replace('与上年相比，', '') : x)), `，主要原因是${reason(finUp)}。`]);

  // 一般公共预算: class list (numbered with a closing 合计 / 其中 with full share wording), 项 paragraphs
  d.blocks.push({ type: 'h2', text: '五、一般公共预算支出预算情况' });
  d.section = '一般公共预算支出预算情况';
  d.blocks.push({ type: 'h3', text: '（一）总体情况' });
  const tree = functionTree(f.items.filter((i) => !i.fiscal.isZero()).map((i) => i.code));
  const byCode = new Map(f.items.map((i) => [i.code, i]));
  const classValue = (c: (typeof tree)[number]) => sum(c.sections.flatMap((s) => s.items.map((i) => byCode.get(i)!.fiscal)));
  if (p === 1) {
    const closing = rng.chance(0.6);
    const parts: Inline[] = [`${y}年一般公共预算支出`, d.amount(f.fiscal), `${w}，主要用于以下方面：`];
    tree.forEach((c, k) => {
      const v = classValue(c);
      const last = k === tree.length - 1;
      parts.push(`${marker('chinese', k + 1)}${functionName(c.cls)}（类）`, d.amount(v), `${w}，占`, d.pct(v, f.fiscal), last ? (closing ? '%；' : '%。') : '%；');
    });
    if (closing) parts.push('以上合计', d.amount(f.fiscal), `${w}。`);
    d.para(parts);
  } else {
    const parts: Inline[] = [`${y}年一般公共预算支出`, d.amount(f.fiscal), `${w}，其中：`];
    tree.forEach((c, k) => {
      const v = classValue(c);
      parts.push(`${functionName(c.cls)}`, d.amount(v), `${w}，占一般公共预算支出的`, d.pct(v, f.fiscal), k === tree.length - 1 ? '%。' : '%；');
    });
    d.para(parts);
  }
  d.blocks.push({ type: 'h3', text: '（二）具体情况' });
  let k = 0;
  for (const c of tree) {
    for (const s of c.sections) {
      for (const code of s.items) {
        const it = byCode.get(code)!;
        const prior = m.prior.items[code] ?? ZERO;
        const name = functionName(code);
        const up = it.fiscal.gte(prior);
        const flat = it.fiscal.eq(prior);
        // the reason names the item itself and goes the way its figures go
        const why = flat ? '' : `主要原因是${name}经费${up ? '增加' : '减少'}。`;
        const rateOnly = !flat && !prior.isZero() && rng.chance(0.3);
        const ch = d.changeP(it.fiscal, prior, { rateOnly });
        if (p === 1) {
          d.para([`（${++k}）${name}（${code}）：${y}年预算数为`, d.amount(it.fiscal), `${w}，`, ...ch, `，主要用于${name}方面的支出。`, why]);
        } else {
          d.para([`${++k}．安排`, d.amount(it.fiscal), `${w}用于“${functionName(c.cls)}（类）${functionName(s.section)}（款）${name}（项）”，`, ...ch, `。${why}`]);
        }
      }
    }
  }

  // 基本支出: 包括A和B (1) / 分别为 (2)
  d.blocks.push({ type: 'h2', text: '六、一般公共预算基本支出预算情况' });
  d.section = '一般公共预算基本支出预算情况';
  const names = (pred: (econ: string) => boolean) => basicEconomicNames(f, pred);
  if (p === 1)
    d.para([`${y}年一般公共预算基本支出`, d.amount(f.basic), `${w}，包括人员经费`, d.amount(f.personnel), `${w}和公用经费`, d.amount(f.publicFunds), `${w}。人员经费主要包括${names(isPersonnel)}；公用经费主要包括${names((e) => !isPersonnel(e))}。`]);
  else
    d.para([`${y}年一般公共预算基本支出`, d.amount(f.basic), `${w}，分别为：人员经费`, d.amount(f.personnel), `${w}，主要用于${names(isPersonnel)}；公用经费`, d.amount(f.publicFunds), `${w}，主要用于${names((e) => !isPersonnel(e))}。`]);

  d.blocks.push({ type: 'h2', text: '七、政府性基金预算支出预算情况' });
  d.section = '政府性基金预算支出预算情况';
  if (f.fund.isZero()) d.para([p === 1 ? `${y}年本部门没有使用政府性基金预算拨款安排的支出。` : `本部门${y}年无政府性基金预算支出，政府性基金预算支出表为空表。`]);
  else {
    const fundProjects = m.projects.filter((x) => x.source === 'fund');
    d.para([`${y}年政府性基金预算支出`, d.amount(f.fund), `${w}，`, ...d.changeP(f.fund, m.prior.fund), `，全部为项目支出，主要用于${fundProjects.map((x) => x.name).join('、')}。`]);
  }
  d.blocks.push({ type: 'h2', text: '八、国有资本经营预算支出预算情况' });
  d.para([`本部门${y}年无国有资本经营预算拨款安排的支出，国有资本经营预算支出表为空表。`]);

  // 三公: numbered parts each with their change (1) / 分别为 list, then the total's change (2)
  d.blocks.push({ type: 'h2', text: '九、一般公共预算“三公”经费预算情况' });
  d.section = '“三公”经费预算情况';
  const tp = m.threePublic;
  const ptp = m.prior.threePublic;
  const vehicle = tp.vehiclePurchase.plus(tp.vehicleOperation);
  const pvehicle = ptp.vehiclePurchase.plus(ptp.vehicleOperation);
  const tpUp = f.threePublicTotal.gt(f.priorThreePublicTotal);
  const tpWhy = tpUp ? '公务用车更新' : '厉行节约，严格控制“三公”经费支出';
  if (f.threePublicTotal.isZero() && f.priorThreePublicTotal.isZero()) d.para([`${y}年本部门未安排“三公”经费预算，与上年持平。`]);
  else if (p === 1) {
    d.para([
      `${y}年“三公”经费预算`,
      d.amount(f.threePublicTotal),
      `${w}，`,
      ...d.changeP(f.threePublicTotal, f.priorThreePublicTotal),
      '。其中：1.因公出国（境）费',
      d.amount(tp.abroad),
      `${w}，`,
      ...d.changeP(tp.abroad, ptp.abroad, { rateFirst: true }),
      '；2.公务用车购置及运行费',
      d.amount(vehicle),
      `${w}，包括公务用车购置费`,
      d.amount(tp.vehiclePurchase),
      `${w}和公务用车运行维护费`,
      d.amount(tp.vehicleOperation),
      `${w}，`,
      ...d.changeP(vehicle, pvehicle),
      '；3.公务接待费',
      d.amount(tp.reception),
      `${w}，`,
      ...d.changeP(tp.reception, ptp.reception),
      `。“三公”经费${tpUp ? '增加' : '减少'}的主要原因是${tpWhy}。`,
    ]);
  } else {
    d.para([
      `${y}年一般公共预算安排“三公”经费`,
      d.amount(f.threePublicTotal),
      `${w}，分别为：因公出国（境）费`,
      d.amount(tp.abroad),
      `${w}、公务用车购置及运行费`,
      d.amount(vehicle),
      `${w}、公务接待费`,
      d.amount(tp.reception),
      `${w}。公务用车购置及运行费中，公务用车购置费`,
      d.amount(tp.vehiclePurchase),
      `${w}，公务用车运行维护费`,
      d.amount(tp.vehicleOperation),
      `${w}。与上年相比，“三公”经费`,
      ...d.changeP(f.threePublicTotal, f.priorThreePublicTotal).map((x) => (typeof x === 'string' ? x.replace('与上年相比，', '') : x)),
      `，主要原因是${tpWhy}。`,
    ]);
  }

  d.blocks.push({ type: 'h2', text: '十、其他重要事项的情况说明' });
  d.blocks.push({ type: 'h3', text: '（一）机关运行经费' });
  d.section = '机关运行经费';
  const opUp = f.operatingTotal.gte(m.prior.operating);
  if (p === 1) d.para([`${y}年机关运行经费预算`, d.amount(f.operatingTotal), `${w}，`, ...d.changeP(f.operatingTotal, m.prior.operating), `，主要用于办公费、水电费、差旅费等日常公用开支，主要原因是${reason(opUp)}。`]);
  else d.para([`本部门${y}年安排机关运行经费`, d.amount(f.operatingTotal), `${w}，`, ...d.changeP(f.operatingTotal, m.prior.operating), `。主要原因是${reason(opUp)}。`]);

  d.blocks.push({ type: 'h3', text: '（二）政府采购情况' });
  d.section = '政府采购情况';
  const pr = m.procurement;
  const prTotal = pr.goods.plus(pr.works).plus(pr.services);
  if (prTotal.isZero()) d.para([`${y}年本部门未安排政府采购预算。`]);
  else {
    const sme = smallBusinessPart(m, prTotal);
    if (p === 1)
      d.para([
        `${y}年本部门政府采购预算总额`,
        d.amount(prTotal),
        `${w}，包括政府采购货物预算`,
        d.amount(pr.goods),
        `${w}、政府采购工程预算`,
        d.amount(pr.works),
        `${w}和政府采购服务预算`,
        d.amount(pr.services),
        `${w}。其中，面向中小企业预留政府采购预算`,
        d.amount(sme),
        `${w}，占政府采购预算总额的`,
        d.pct(sme, prTotal),
        '%。',
      ]);
    else
      d.para([
        `${y}年政府采购预算`,
        d.amount(prTotal),
        `${w}，分别为：货物类`,
        d.amount(pr.goods),
        `${w}，工程类`,
        d.amount(pr.works),
        `${w}，服务类`,
        d.amount(pr.services),
        `${w}。政府采购预算中预留给中小企业`,
        d.amount(sme),
        `${w}，占`,
        d.pct(sme, prTotal),
        '%。',
      ]);
  }

  d.blocks.push({ type: 'h3', text: '（三）国有资产占用情况' });
  d.section = '国有资产占用情况';
  d.para([`截至${y - 1}年12月31日，本部门共有车辆`, d.count(m.staff.vehicles, false), '辆，其中一般公务用车', d.count(m.staff.vehicles, false), `辆。${y}年部门预算安排购置车辆`, d.count(tp.vehiclePurchase.isZero() ? 0 : 1, false), '辆。']);
  d.blocks.push({ type: 'h3', text: '（四）预算绩效目标情况' });
  d.section = '预算绩效目标情况';
  if (p === 1) d.para([`${y}年本部门纳入绩效目标管理的项目共`, d.count(m.projects.length, true), '个，涉及项目支出', d.amount(f.project), `${w}。`]);
  else d.para([`${y}年本部门项目支出全部编制绩效目标，涉及项目`, d.count(m.projects.length, true), '个，金额', d.amount(f.project), `${w}。`]);
}

/** The 说明 of a 部门决算 in phrasing 1 or 2 (phrasing 0 is final.ts's `finalNarrative`). */
export function phrasedFinalNarrative(d: DocBuilder, f: Figures, ff: FinalFigures, rng0: Rng): void {
  const m = d.model;
  const p = m.phrasing;
  const w = d.w;
  const y = m.year;
  const rng = new Rng(`${m.seed}/final-phrasing/${p}`);
  const reason = (up: boolean) => rng0.pick(up ? m.reasons.up : m.reasons.down);
  const noLead = (xs: Inline[]) => xs.map((x) => (typeof x === 'string' ? x.replace('与上年相比，', '') : x));
  d.blocks.push({ type: 'break' });
  d.blocks.push({ type: 'h1', text: `第三部分 ${y}年度部门决算情况说明` });

  const total = ff.income.plus(ff.other).plus(ff.opening);
  d.blocks.push({ type: 'h2', text: '一、收入支出决算总体情况说明' });
  d.section = '收入支出决算总体情况';
  const totalUp = total.gte(ff.prior.total);
  if (p === 1) d.para([`本部门${y}年度收入总计和支出总计均为`, d.amount(total), `${w}，收支总计`, ...d.changeP(total, ff.prior.total), `。主要原因是${reason(totalUp)}。`]);
  else d.para([`${y}年度本部门收、支总计`, d.amount(total), `${w}。与上年度相比，收、支总计`, ...noLead(d.changeP(total, ff.prior.total)), `，主要原因是${reason(totalUp)}。`]);

  d.blocks.push({ type: 'h2', text: '二、收入决算情况说明' });
  d.section = '收入决算情况';
  const incomeTotal = ff.income.plus(ff.other);
  const inc: Array<[string, Decimal]> = ([['财政拨款收入', ff.income], [m.otherIncomeLabel, ff.other]] as Array<[string, Decimal]>).filter(([, v]) => !v.isZero());
  if (p === 1) {
    const parts: Inline[] = [`${y}年度本年收入合计`, d.amount(incomeTotal), `${w}，包括：`];
    inc.forEach(([name, v], k) => parts.push(`${marker('arabic', k + 1)}${name}`, d.amount(v), `${w}，占本年收入合计的`, d.pct(v, incomeTotal), k === inc.length - 1 ? '%。' : '%；'));
    d.para(parts);
  } else {
    const parts: Inline[] = [`${y}年度收入合计`, d.amount(incomeTotal), `${w}，分别为：`];
    inc.forEach(([name, v], k) => parts.push(name, d.amount(v), `${w}（占`, d.pct(v, incomeTotal), k === inc.length - 1 ? '%）。' : '%）、'));
    d.para(parts);
  }

  d.blocks.push({ type: 'h2', text: '三、支出决算情况说明' });
  d.section = '支出决算情况';
  const spend = ff.actual.plus(ff.other);
  if (p === 1) d.para([`${y}年度本年支出合计`, d.amount(spend), `${w}，包括基本支出`, d.amount(f.basic), `${w}和项目支出`, d.amount(f.project), `${w}。其中：基本支出占`, d.pct(f.basic, spend), '%，项目支出占', d.pct(f.project, spend), '%。']);
  else d.para([`${y}年度支出合计`, d.amount(spend), `${w}，其中用于基本支出`, d.amount(f.basic), `${w}，占`, d.pct(f.basic, spend), `%；用于项目支出`, d.amount(f.project), `${w}，占`, d.pct(f.project, spend), '%。']);

  d.blocks.push({ type: 'h2', text: '四、财政拨款收入支出决算总体情况说明' });
  d.section = '财政拨款收入支出决算总体情况';
  const fiscalTotal = ff.income.plus(ff.opening);
  const fUp = fiscalTotal.gte(ff.prior.fiscalTotal);
  if (p === 1) d.para([`${y}年度财政拨款收入支出总计均为`, d.amount(fiscalTotal), `${w}，财政拨款收入支出总计`, ...d.changeP(fiscalTotal, ff.prior.fiscalTotal), `。主要原因是${reason(fUp)}。`]);
  else d.para([`${y}年度财政拨款收、支总计`, d.amount(fiscalTotal), `${w}。与上年度相比，财政拨款收、支总计`, ...noLead(d.changeP(fiscalTotal, ff.prior.fiscalTotal)), `，主要原因是${reason(fUp)}。`]);

  d.blocks.push({ type: 'h2', text: '五、一般公共预算财政拨款支出决算情况说明' });
  d.section = '一般公共预算财政拨款支出决算情况';
  d.blocks.push({ type: 'h3', text: '（一）总体情况' });
  const gpUp = ff.actual.gte(ff.prior.gpExpenditure);
  if (p === 1) d.para([`${y}年度一般公共预算财政拨款支出`, d.amount(ff.actual), `${w}，占本年支出合计的`, d.pct(ff.actual, spend), '%，一般公共预算财政拨款支出', ...d.changeP(ff.actual, ff.prior.gpExpenditure), `。主要原因是${reason(gpUp)}。`]);
  else d.para([`${y}年度一般公共预算财政拨款支出`, d.amount(ff.actual), `${w}，占本年支出合计的`, d.pct(ff.actual, spend), `%。与上年度相比，一般公共预算财政拨款支出`, ...noLead(d.changeP(ff.actual, ff.prior.gpExpenditure)), `，主要原因是${reason(gpUp)}。`]);
  d.blocks.push({ type: 'h3', text: '（二）结构情况' });
  const codes = ff.items.filter((i) => !i.actual.isZero()).map((i) => i.code);
  const tree = functionTree(codes);
  const byCode = new Map(ff.items.map((i) => [i.code, i]));
  const classValue = (c: (typeof tree)[number]) => sum(c.sections.flatMap((s) => s.items.map((i) => byCode.get(i)!.actual)));
  {
    const closing = p === 1 && rng.chance(0.6);
    const parts: Inline[] = [`${y}年度一般公共预算财政拨款支出`, d.amount(ff.actual), p === 1 ? `${w}，主要用于以下方面：` : `${w}，其中：`];
    tree.forEach((c, k) => {
      const v = classValue(c);
      const last = k === tree.length - 1;
      if (p === 1) parts.push(`${marker('chinese', k + 1)}${functionName(c.cls)}（类）支出`, d.amount(v), `${w}，占`, d.pct(v, ff.actual), last && !closing ? '%。' : '%；');
      else parts.push(functionName(c.cls), d.amount(v), `${w}，占一般公共预算财政拨款支出的`, d.pct(v, ff.actual), last ? '%。' : '%；');
    });
    if (closing) parts.push('合计', d.amount(ff.actual), `${w}。`);
    d.para(parts);
  }
  d.blocks.push({ type: 'h3', text: '（三）具体情况' });
  d.para([`${y}年度一般公共预算财政拨款支出年初预算为`, d.amount(ff.budget, false), `${w}，支出决算为`, d.amount(ff.actual), `${w}，完成年初预算的`, d.pct(ff.actual, ff.budget), '%。其中：']);
  let k = 0;
  for (const c of tree) {
    for (const s of c.sections) {
      for (const code of s.items) {
        const it = byCode.get(code)!;
        const name = functionName(code);
        const word = it.actual.gt(it.budget) ? '大于' : it.actual.lt(it.budget) ? '小于' : '等于';
        // the reason names the item itself and goes the way its figures go
        const why = word === '等于' ? '决算数等于年初预算数。' : `决算数${word}年初预算数，主要原因是${name}经费${word === '大于' ? '增加' : '减少'}。`;
        const head = p === 1 ? `（${++k}）${name}（${code}）：` : `${++k}．“${functionName(c.cls)}（类）${functionName(s.section)}（款）${name}（项）”`;
        if (it.budget.isZero()) {
          d.para([head, p === 1 ? '年初预算为' : '支出决算为', ...(p === 1 ? [d.amount(it.budget, false), `${w}，支出决算为`, d.amount(it.actual)] : [d.amount(it.actual), `${w}，年初预算为`, d.amount(it.budget, false)]), `${w}，决算数${word}年初预算数，主要原因是年中追加预算。`]);
        } else if (p === 1) {
          d.para([head, '年初预算为', d.amount(it.budget, false), `${w}，支出决算为`, d.amount(it.actual), `${w}，完成年初预算的`, d.pct(it.actual, it.budget), `%，主要用于${name}方面的支出。`, why]);
        } else {
          d.para([head, '支出决算为', d.amount(it.actual), `${w}，年初预算为`, d.amount(it.budget, false), `${w}，完成年初预算的`, d.pct(it.actual, it.budget), '%。', why]);
        }
      }
    }
  }

  d.blocks.push({ type: 'h2', text: '六、一般公共预算财政拨款基本支出决算情况说明' });
  d.section = '一般公共预算财政拨款基本支出决算情况';
  const names = (pred: (econ: string) => boolean) => basicEconomicNames(f, pred);
  if (p === 1)
    d.para([`${y}年度一般公共预算财政拨款基本支出`, d.amount(f.basic), `${w}，包括人员经费`, d.amount(f.personnel), `${w}和公用经费`, d.amount(f.publicFunds), `${w}。人员经费主要包括${names(isPersonnel)}；公用经费主要包括${names((e) => !isPersonnel(e))}。`]);
  else
    d.para([`${y}年度一般公共预算财政拨款基本支出`, d.amount(f.basic), `${w}，分别为：人员经费`, d.amount(f.personnel), `${w}，主要用于${names(isPersonnel)}；公用经费`, d.amount(f.publicFunds), `${w}，主要用于${names((e) => !isPersonnel(e))}。`]);

  d.blocks.push({ type: 'h2', text: '七、“三公”经费财政拨款支出决算情况说明' });
  d.section = '“三公”经费财政拨款支出决算情况';
  const tp = m.threePublic;
  const tb = ff.threePublicBudget;
  const tpTotal = tp.abroad.plus(tp.vehiclePurchase).plus(tp.vehicleOperation).plus(tp.reception);
  const tbTotal = tb.abroad.plus(tb.vehiclePurchase).plus(tb.vehicleOperation).plus(tb.reception);
  const completion = (actual: Decimal, budget: Decimal): Inline[] => (budget.isZero() ? ['（年初未安排预算）'] : ['，完成预算的', d.pct(actual, budget), '%']);
  const vehicle = tp.vehiclePurchase.plus(tp.vehicleOperation);
  const vehicleBudget = tb.vehiclePurchase.plus(tb.vehicleOperation);
  const rel = tpTotal.lt(tbTotal) ? '小于' : tpTotal.gt(tbTotal) ? '大于' : '等于';
  const relWhy = `决算数${rel}预算数${tpTotal.lt(tbTotal) ? '的主要原因是厉行节约，严格控制“三公”经费支出' : ''}。`;
  if (p === 1) {
    const part = (n: number, name: string, actual: Decimal, budget: Decimal): Inline[] => [`${n}.${name}支出决算`, d.amount(actual), `${w}，年初预算`, d.amount(budget), w, ...completion(actual, budget)];
    d.para([
      `${y}年度“三公”经费财政拨款支出决算`,
      d.amount(tpTotal),
      `${w}，年初预算`,
      d.amount(tbTotal),
      w,
      ...completion(tpTotal, tbTotal),
      '。其中：',
      ...part(1, '因公出国（境）费', tp.abroad, tb.abroad),
      '；',
      ...part(2, '公务用车购置及运行费', vehicle, vehicleBudget),
      '，包括公务用车购置费',
      d.amount(tp.vehiclePurchase),
      `${w}和公务用车运行费`,
      d.amount(tp.vehicleOperation),
      `${w}；`,
      ...part(3, '公务接待费', tp.reception, tb.reception),
      `。${relWhy}`,
    ]);
  } else {
    d.para([
      `${y}年度“三公”经费财政拨款支出决算为`,
      d.amount(tpTotal),
      `${w}，分别为：因公出国（境）费`,
      d.amount(tp.abroad),
      `${w}、公务用车购置及运行费`,
      d.amount(vehicle),
      `${w}、公务接待费`,
      d.amount(tp.reception),
      `${w}。“三公”经费财政拨款支出预算为`,
      d.amount(tbTotal),
      w,
      ...completion(tpTotal, tbTotal),
      `。${relWhy}`,
    ]);
  }

  d.blocks.push({ type: 'h2', text: '八、政府性基金预算及国有资本经营预算财政拨款支出决算情况说明' });
  d.para([`本部门${y}年度无政府性基金预算财政拨款收支，无国有资本经营预算财政拨款支出，公开08表、公开09表为空表。`]);

  d.blocks.push({ type: 'h2', text: '九、其他重要事项的情况说明' });
  d.blocks.push({ type: 'h3', text: '（一）机关运行经费支出情况' });
  d.section = '机关运行经费';
  const opUp = f.operatingTotal.gte(ff.prior.operating);
  if (p === 1) d.para([`${y}年度本部门机关运行经费支出`, d.amount(f.operatingTotal), `${w}，`, ...d.changeP(f.operatingTotal, ff.prior.operating), `，主要原因是${reason(opUp)}。`]);
  else d.para([`本部门${y}年度机关运行经费支出`, d.amount(f.operatingTotal), `${w}，`, ...d.changeP(f.operatingTotal, ff.prior.operating), `。主要原因是${reason(opUp)}。`]);
  d.blocks.push({ type: 'h3', text: '（二）政府采购支出情况' });
  d.section = '政府采购支出情况';
  const pr = m.procurement;
  const prTotal = pr.goods.plus(pr.works).plus(pr.services);
  if (prTotal.isZero()) d.para([`本部门${y}年度未发生政府采购支出。`]);
  else if (p === 1)
    d.para([`${y}年度本部门政府采购支出总额`, d.amount(prTotal), `${w}，包括政府采购货物支出`, d.amount(pr.goods), `${w}、政府采购工程支出`, d.amount(pr.works), `${w}和政府采购服务支出`, d.amount(pr.services), `${w}。其中，授予中小企业合同金额`, d.amount(ff.sme), `${w}，占政府采购支出总额的`, d.pct(ff.sme, prTotal), '%。']);
  else
    d.para([`${y}年度政府采购支出总额`, d.amount(prTotal), `${w}，分别为：货物类`, d.amount(pr.goods), `${w}、工程类`, d.amount(pr.works), `${w}、服务类`, d.amount(pr.services), `${w}。授予中小企业合同金额`, d.amount(ff.sme), `${w}，占政府采购支出总额的`, d.pct(ff.sme, prTotal), '%。']);
  d.blocks.push({ type: 'h3', text: '（三）国有资产占有使用情况' });
  d.para([`截至${y}年12月31日，本部门共有车辆`, d.count(m.staff.vehicles, false), '辆，其中一般公务用车', d.count(m.staff.vehicles, false), '辆。']);
}
