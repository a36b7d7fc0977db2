/**
 * Independent checks of a generated document, read from its rendered cell and sentence texts with
 * decimal.js (never from the model): every identity of 部门预算 / 部门决算 tables, cross-table
 * links and narrative statements. Used by generator.test.ts; needs Vitest's expect.
 */
import Decimal from 'decimal.js';
import { expect } from 'vitest';
import { FUNCTION_NAMES } from './catalog';
import { cellText, paragraphText, table, type DisclosureDocument } from './document';
import type { GeneratedDisclosure } from './index';
import { buildFinalDocument } from './final';
import { buildDocument } from './render';

type Doc = DisclosureDocument;
export const D = (s: string) => new Decimal(s === '' ? '0' : s.replace(/,/g, ''));
const WAN = new Decimal(10000);

/** Cell value by row predicate and column name (a blank cell is 0). */
export function grid(doc: Doc, id: string) {
  const t = table(doc, id);
  const col = (name: string) => {
    const i = t.columns.indexOf(name);
    if (i < 0) throw new Error(`${id}: no column ${name} in ${t.columns.join(' | ')}`);
    return i;
  };
  const rows = t.body.map((cells, r) => ({ label: t.rows[r].label, code: t.rows[r].code, texts: cells.map((c) => cellText(doc, c)) }));
  return {
    t,
    rows,
    v: (row: { texts: string[] }, name: string) => D(row.texts[col(name)]),
    text: (row: { texts: string[] }, name: string) => row.texts[col(name)],
    byCode: (code: string) => rows.find((r) => r.code === code && r.texts.some((x) => x === code || code.endsWith(x))) ?? rows.find((r) => r.code === code)!,
    byLabel: (label: string) => rows.find((r) => r.label === label)!,
  };
}
const sum = (xs: Decimal[]) => xs.reduce((a, b) => a.plus(b), new Decimal(0));

/** Table amounts → 万元 for comparing with the narrative. */
function toWan(g: GeneratedDisclosure, v: Decimal): Decimal {
  return g.model.unit === '元' ? v.div(WAN) : v;
}

export function narrative(doc: Doc): string {
  return doc.blocks
    .filter((b) => b.type === 'p')
    .map((b) => paragraphText(doc, b as Parameters<typeof paragraphText>[1]))
    .join('\n');
}

/** A narrative number equals a table number (万元 rounded to the narrative's decimals). */
function expectNarrativeAmount(g: GeneratedDisclosure, narrativeText: string, tableValue: Decimal): void {
  const wan = toWan(g, tableValue);
  const dp = narrativeText.includes('.') ? narrativeText.split('.')[1].length : 0;
  expect(D(narrativeText).eq(wan.toDecimalPlaces(dp, Decimal.ROUND_HALF_UP)), `${narrativeText} vs ${wan}`).toBe(true);
}

/** Half a unit of the last shown decimal: the rounding radius of a displayed number. */
function radius(text: string): Decimal {
  const dp = text.includes('.') ? text.split('.')[1].length : 0;
  return new Decimal(10).pow(-dp).div(2);
}

/** pct (shown) is consistent with num ÷ den × 100 for some values within the rounding of num and den. */
function ratioConsistent(num: Decimal, numR: Decimal, den: Decimal, denR: Decimal, pctText: string): boolean {
  const corners = [num.minus(numR), num.plus(numR)].flatMap((n) => [den.minus(denR), den.plus(denR)].map((d) => n.div(d).times(100)));
  const lo = Decimal.min(...corners).minus(radius(pctText));
  const hi = Decimal.max(...corners).plus(radius(pctText));
  const p = D(pctText);
  return p.gte(lo) && p.lte(hi);
}

function checkHierarchy(g: ReturnType<typeof grid>, columns: string[], codeOf: (r: (typeof g.rows)[number]) => string | undefined): void {
  const coded = g.rows.filter((r) => codeOf(r));
  const total = g.rows.find((r) => r.label === '合计')!;
  for (const col of columns) {
    const classes = coded.filter((r) => codeOf(r)!.length === 3);
    expect(g.v(total, col).eq(sum(classes.map((r) => g.v(r, col)))), `${g.t.id} 合计 ${col}`).toBe(true);
    for (const c of classes) {
      const sections = coded.filter((r) => codeOf(r)!.length === 5 && codeOf(r)!.startsWith(codeOf(c)!));
      expect(sections.length).toBeGreaterThan(0);
      expect(g.v(c, col).eq(sum(sections.map((r) => g.v(r, col)))), `${g.t.id} ${codeOf(c)} ${col}`).toBe(true);
      for (const s of sections) {
        const items = coded.filter((r) => codeOf(r)!.length === 7 && codeOf(r)!.startsWith(codeOf(s)!));
        expect(items.length).toBeGreaterThan(0);
        expect(g.v(s, col).eq(sum(items.map((r) => g.v(r, col)))), `${g.t.id} ${codeOf(s)} ${col}`).toBe(true);
      }
    }
  }
}

export function checkIdentities(g: GeneratedDisclosure): void {
  const doc = g.document;

  // 部门收支总表.
  const ie = grid(doc, 'income-expenditure');
  const leftTexts = ie.rows.slice(0, 9).map((r) => D(r.texts[1]));
  const row = (label: string) => ie.rows.find((r) => r.texts[0] === label || r.texts[2] === label)!;
  const currentIncome = D(row('本年收入合计').texts[1]);
  const carry = D(row('上年结转').texts[1]);
  const incomeTotal = D(row('收入总计').texts[1]);
  const currentExp = D(row('本年支出合计').texts[3]);
  const carryNext = D(row('结转下年').texts[3]);
  const expTotal = D(row('支出总计').texts[3]);
  expect(sum(leftTexts).eq(currentIncome)).toBe(true);
  expect(currentIncome.plus(carry).eq(incomeTotal)).toBe(true);
  const classRows = ie.rows.filter((r) => /^[一二三四五六七八九十]+、.+支出|^[一二三四五六七八九十]+、预备费/.test(r.texts[2]) && !r.texts[2].startsWith('本年'));
  expect(sum(classRows.map((r) => D(r.texts[3]))).eq(currentExp)).toBe(true);
  expect(currentExp.plus(carryNext).eq(expTotal)).toBe(true);
  expect(incomeTotal.eq(expTotal)).toBe(true);

  // 部门收入总表.
  const inc = grid(doc, 'income');
  const incCols = ['合计', '上年结转', '本年收入 › 一般公共预算拨款', '本年收入 › 政府性基金预算拨款', '本年收入 › 事业收入', '本年收入 › 其他收入'];
  checkHierarchy(inc, incCols, (r) => r.code);
  for (const r of inc.rows) expect(inc.v(r, '合计').eq(sum(incCols.slice(1).map((c) => inc.v(r, c)))), `income row ${r.label}`).toBe(true);
  const incTotal = inc.byLabel('合计');
  expect(inc.v(incTotal, '合计').eq(incomeTotal)).toBe(true);
  expect(inc.v(incTotal, '上年结转').eq(carry)).toBe(true);
  expect(inc.v(incTotal, '本年收入 › 一般公共预算拨款').eq(D(ie.rows[0].texts[1]))).toBe(true);

  // 部门支出总表.
  const exp = grid(doc, 'expenditure');
  checkHierarchy(exp, ['合计', '基本支出', '项目支出'], (r) => r.code);
  for (const r of exp.rows) expect(exp.v(r, '合计').eq(exp.v(r, '基本支出').plus(exp.v(r, '项目支出')))).toBe(true);
  const expTot = exp.byLabel('合计');
  expect(exp.v(expTot, '合计').eq(expTotal)).toBe(true);
  for (const r of classRows) {
    const code = r.texts[2].replace(/^[一二三四五六七八九十]+、/, '');
    const er = exp.rows.find((x) => x.code?.length === 3 && x.label === code);
    expect(D(r.texts[3]).eq(er ? exp.v(er, '合计') : new Decimal(0)), `class ${code}`).toBe(true);
  }

  // 一般公共预算支出表 (split codes).
  const gp = grid(doc, 'gp-expenditure');
  const gpCols = ['合计', '基本支出 › 小计', '基本支出 › 人员经费', '基本支出 › 公用经费', '项目支出'];
  const splitCode = (r: (typeof gp.rows)[number]) => (r.label === '合计' ? undefined : r.texts.slice(0, 3).join(''));
  checkHierarchy(gp, gpCols, splitCode);
  for (const r of gp.rows) {
    expect(gp.v(r, '基本支出 › 小计').eq(gp.v(r, '基本支出 › 人员经费').plus(gp.v(r, '基本支出 › 公用经费')))).toBe(true);
    expect(gp.v(r, '合计').eq(gp.v(r, '基本支出 › 小计').plus(gp.v(r, '项目支出')))).toBe(true);
  }
  const gpTot = gp.byLabel('合计');

  // 财政拨款收支总表.
  const fi = grid(doc, 'fiscal');
  const fRow = (label: string, side: 0 | 2) => fi.rows.find((r) => r.texts[side] === label)!;
  const thisYear = D(fRow('一、本年收入', 0).texts[1]);
  const fCarry = D(fRow('二、上年结转', 0).texts[1]);
  const fIncome = D(fRow('收入总计', 0).texts[1]);
  expect(thisYear.plus(fCarry).eq(fIncome)).toBe(true);
  const sub = fi.rows.filter((r) => r.texts[0].startsWith('（'));
  expect(thisYear.eq(sum(sub.slice(0, 3).map((r) => D(r.texts[1]))))).toBe(true);
  expect(fCarry.eq(sum(sub.slice(3).map((r) => D(r.texts[1]))))).toBe(true);
  const fExp = fRow('一、本年支出', 2);
  const fClasses = fi.rows.filter((r) => r.texts[2].startsWith('（'));
  expect(D(fExp.texts[3]).eq(sum(fClasses.map((r) => D(r.texts[3]))))).toBe(true);
  expect(D(fRow('支出总计', 2).texts[3]).eq(D(fExp.texts[3]).plus(D(fRow('二、结转下年', 2).texts[3])))).toBe(true);
  expect(D(fRow('支出总计', 2).texts[3]).eq(fIncome)).toBe(true);
  for (const r of [...fClasses, fExp, fRow('支出总计', 2)]) expect(D(r.texts[3]).eq(sum(r.texts.slice(4).map(D)))).toBe(true);
  // 政府性基金预算支出表: filled (hierarchy, all 项目支出) or empty with its own note.
  const fundTable = table(doc, 'gov-fund');
  const fundFilled = fundTable.body.flat().some((c) => c.slot);
  const fu = grid(doc, 'gov-fund');
  const fundTotal = fundFilled ? fu.v(fu.byLabel('合计'), '合计') : new Decimal(0);
  if (fundFilled) {
    checkHierarchy(fu, ['合计', '基本支出', '项目支出'], (r) => r.code);
    for (const r of fu.rows) expect(fu.v(r, '合计').eq(fu.v(r, '基本支出').plus(fu.v(r, '项目支出')))).toBe(true);
  } else {
    expect(fundTable.note).toContain('本表无数据');
    expect(fundTable.note).toContain('政府性基金预算');
  }
  expect(fundTotal.eq(D(ie.rows[1].texts[1]))).toBe(true);
  expect(fundTotal.eq(D(sub[1].texts[1]))).toBe(true);
  expect(fundTotal.eq(D(fRow('支出总计', 2).texts[5]))).toBe(true);
  expect(fundTotal.eq(inc.v(incTotal, '本年收入 › 政府性基金预算拨款'))).toBe(true);
  expect(fIncome.eq(gp.v(gpTot, '合计').plus(fundTotal))).toBe(true);
  for (const r of fClasses) {
    const name = r.texts[2].replace(/^（[一二三四五六七八九十]+）/, '');
    const gr = gp.rows.find((x) => x.texts[1] === '' && x.texts[0] !== '' && x.label === name);
    expect(D(r.texts[4]).eq(gr ? gp.v(gr, '合计') : new Decimal(0)), `fiscal class ${name}`).toBe(true);
    const fr = fundFilled ? fu.rows.find((x) => x.code?.length === 3 && x.label === name) : undefined;
    expect(D(r.texts[5]).eq(fr ? fu.v(fr, '合计') : new Decimal(0)), `fiscal fund class ${name}`).toBe(true);
  }

  // 一般公共预算基本支出表 (economic codes).
  const ba = grid(doc, 'gp-basic');
  const baTot = ba.byLabel('合计');
  const econ = ba.rows.filter((r) => r.code);
  const classes = econ.filter((r) => r.code!.length === 3);
  for (const col of ['合计', '人员经费', '公用经费']) {
    expect(ba.v(baTot, col).eq(sum(classes.map((r) => ba.v(r, col))))).toBe(true);
    for (const c of classes) expect(ba.v(c, col).eq(sum(econ.filter((r) => r.code!.length === 5 && r.code!.startsWith(c.code!)).map((r) => ba.v(r, col))))).toBe(true);
  }
  for (const r of ba.rows) expect(ba.v(r, '合计').eq(ba.v(r, '人员经费').plus(ba.v(r, '公用经费')))).toBe(true);
  const clsTotal = (codes: string[]) => sum(classes.filter((r) => codes.includes(r.code!)).map((r) => ba.v(r, '合计')));
  expect(ba.v(baTot, '人员经费').eq(clsTotal(['301', '303']))).toBe(true);
  expect(ba.v(baTot, '公用经费').eq(clsTotal(['302', '310']))).toBe(true);
  expect(ba.v(baTot, '合计').eq(gp.v(gpTot, '基本支出 › 小计'))).toBe(true);
  expect(ba.v(baTot, '人员经费').eq(gp.v(gpTot, '基本支出 › 人员经费'))).toBe(true);
  expect(ba.v(baTot, '公用经费').eq(gp.v(gpTot, '基本支出 › 公用经费'))).toBe(true);
  expect(ba.v(baTot, '合计').eq(exp.v(expTot, '基本支出'))).toBe(true);
  const econValue = (code: string) => {
    const r = econ.find((x) => x.code === code);
    return r ? ba.v(r, '合计') : new Decimal(0);
  };

  // “三公”.
  const tp = grid(doc, 'three-public');
  for (const r of tp.rows) {
    expect(tp.v(r, '合计').eq(tp.v(r, '因公出国（境）费').plus(tp.v(r, '公务用车购置及运行费 › 小计')).plus(tp.v(r, '公务接待费')))).toBe(true);
    expect(tp.v(r, '公务用车购置及运行费 › 小计').eq(tp.v(r, '公务用车购置及运行费 › 公务用车购置费').plus(tp.v(r, '公务用车购置及运行费 › 公务用车运行维护费')))).toBe(true);
  }
  const tpNow = tp.byLabel(`${g.model.year}年预算数`);
  expect(tp.v(tpNow, '公务接待费').eq(econValue('30217'))).toBe(true);
  expect(tp.v(tpNow, '公务用车购置及运行费 › 公务用车运行维护费').eq(econValue('30231'))).toBe(true);
  expect(tp.v(tpNow, '因公出国（境）费').eq(econValue('30212'))).toBe(true);

  // Empty tables carry their own note.
  for (const [id, name] of [['state-capital', '国有资本经营预算']]) {
    const t = table(doc, id);
    expect(t.note).toContain('本表无数据');
    expect(t.note).toContain(name);
    expect(t.body.flat().every((c) => !c.slot)).toBe(true);
  }

  // 项目支出表.
  const pr = grid(doc, 'projects');
  const prCols = pr.t.columns.slice(5);
  for (const r of pr.rows.filter((x) => x.label !== '合计')) expect(r.texts[4]).toBe(FUNCTION_NAMES[r.texts[3]]);
  const prTot = pr.byLabel('合计');
  const projects = pr.rows.filter((r) => r.label !== '合计');
  for (const c of prCols) expect(pr.v(prTot, c).eq(sum(projects.map((r) => pr.v(r, c))))).toBe(true);
  for (const r of pr.rows) expect(pr.v(r, '合计').eq(sum(prCols.slice(1).map((c) => pr.v(r, c))))).toBe(true);
  expect(pr.v(prTot, '合计').eq(exp.v(expTot, '项目支出'))).toBe(true);

  // 机关运行经费.
  const op = grid(doc, 'operating');
  const opTot = op.byLabel('合计');
  const opRows = op.rows.filter((r) => r.code);
  expect(op.v(opTot, '预算数').eq(sum(opRows.map((r) => op.v(r, '预算数'))))).toBe(true);
  for (const r of opRows) expect(op.v(r, '预算数').lte(econValue(r.code!))).toBe(true);

  // Narrative agrees with the tables.
  const text = narrative(doc);
  const m1 = /收入总计([\d.]+)万元，支出总计([\d.]+)万元/.exec(text)!;
  expectNarrativeAmount(g, m1[1], incomeTotal);
  expectNarrativeAmount(g, m1[2], expTotal);
  const m2 = /支出预算合计([\d.]+)万元，其中：基本支出([\d.]+)万元，占([\d.]+)%；项目支出([\d.]+)万元，占([\d.]+)%/.exec(text)!;
  expectNarrativeAmount(g, m2[2], exp.v(expTot, '基本支出'));
  expectNarrativeAmount(g, m2[4], exp.v(expTot, '项目支出'));
  const share = (part: Decimal, whole: Decimal) => part.div(whole).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  expect(D(m2[3]).eq(share(exp.v(expTot, '基本支出'), expTotal))).toBe(true);
  expect(D(m2[5]).eq(share(exp.v(expTot, '项目支出'), expTotal))).toBe(true);
  const m3 = /人员经费([\d.]+)万元，主要包括：[^；]*；公用经费([\d.]+)万元/.exec(text)!;
  expectNarrativeAmount(g, m3[1], ba.v(baTot, '人员经费'));
  expectNarrativeAmount(g, m3[2], ba.v(baTot, '公用经费'));
  // Class shares of 一般公共预算支出.
  const gpTotal = gp.v(gpTot, '合计');
  let classSentences = 0;
  for (const m of text.matchAll(/([^：；，]+?)（类）([\d.]+)万元，占([\d.]+)%/g)) {
    classSentences++;
    const r = gp.rows.find((x) => x.texts[1] === '' && x.texts[0] !== '' && x.label === m[1])!;
    expect(r, m[1]).toBeTruthy();
    expectNarrativeAmount(g, m[2], gp.v(r, '合计'));
    expect(D(m[3]).eq(share(gp.v(r, '合计'), gpTotal))).toBe(true);
  }
  expect(classSentences).toBe(gp.rows.filter((x) => x.texts[0] !== '' && x.texts[1] === '').length);
  // Item sentences: amount = table; growth rate = Δ ÷ (amount − Δ).
  let itemSentences = 0;
  for (const m of text.matchAll(/（款）([^（]+)（项）([\d.]+)万元，(?:比上年(增加|减少)([\d.]+)万元(?:，(增长|下降)([\d.]+)%|（上年无此项预算）)|与上年持平)/g)) {
    itemSentences++;
    const r = gp.rows.find((x) => x.texts[2] !== '' && x.label === m[1])!;
    expectNarrativeAmount(g, m[2], gp.v(r, '合计'));
    if (m[6]) {
      const delta = D(m[4]).times(m[3] === '增加' ? 1 : -1);
      const r = radius(m[2]).plus(radius(m[4]));
      if (g.model.unit === '万元' && !g.model.trimNarrative) expect(delta.abs().div(D(m[2]).minus(delta)).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).eq(D(m[6])), m[0]).toBe(true);
      else expect(ratioConsistent(delta.abs(), radius(m[4]), D(m[2]).minus(delta), r, m[6]), m[0]).toBe(true);
    } else if (m[3]) {
      expect(D(m[4]).eq(D(m[2]))).toBe(true);
    }
  }
  expect(itemSentences).toBe(gp.rows.filter((x) => x.texts[2] !== '').length);
  // “三公” narrative: component lists and table.
  const m4 = /“三公”经费预算([\d.]+)万元，[\s\S]*?因公出国（境）费([\d.]+)万元[\s\S]*?公务用车购置及运行费([\d.]+)万元（其中：公务用车购置费([\d.]+)万元，公务用车运行维护费([\d.]+)万元）[\s\S]*?公务接待费([\d.]+)万元/.exec(text);
  expect(m4 !== null || tp.v(tpNow, '合计').isZero()).toBe(true);
  if (m4) {
    // Narrative amounts in 万元 rounded from 元 tables may differ from their sum by a 尾差.
    const slack = (n: number) => (g.model.unit === '元' ? new Decimal(n + 1).times('0.005') : new Decimal(0));
    expect(D(m4[1]).minus(D(m4[2]).plus(D(m4[3])).plus(D(m4[6]))).abs().lte(slack(3))).toBe(true);
    expect(D(m4[3]).minus(D(m4[4]).plus(D(m4[5]))).abs().lte(slack(2))).toBe(true);
    expectNarrativeAmount(g, m4[1], tp.v(tpNow, '合计'));
    expectNarrativeAmount(g, m4[6], tp.v(tpNow, '公务接待费'));
  }
  const mf = /年政府性基金预算支出([\d.]+)万元/.exec(text);
  expect(mf !== null).toBe(fundFilled);
  if (mf) expectNarrativeAmount(g, mf[1], fundTotal);
  const m5 = /机关运行经费预算([\d.]+)万元/.exec(text)!;
  expectNarrativeAmount(g, m5[1], op.v(opTot, '预算数'));
  const m6 = /纳入绩效目标管理的项目支出([\d.]+)万元，涉及项目(\d+)个/.exec(text)!;
  expectNarrativeAmount(g, m6[1], pr.v(prTot, '合计'));
  expect(Number(m6[2])).toBe(projects.length);
  const m7 = /政府采购预算([\d.]+)万元，其中：政府采购货物预算([\d.]+)万元、政府采购工程预算([\d.]+)万元、政府采购服务预算([\d.]+)万元/.exec(text);
  if (m7) expect(D(m7[1]).minus(D(m7[2]).plus(D(m7[3])).plus(D(m7[4]))).abs().lte(g.model.unit === '元' ? new Decimal('0.02') : new Decimal(0))).toBe(true);

  // Every table title carries the report's year; the 目录 lists every table.
  const toc = doc.blocks.find((b) => b.type === 'toc');
  for (const b of doc.blocks) {
    if (b.type !== 'table') continue;
    expect(b.title.startsWith(`${g.model.year}年`)).toBe(true);
    expect(toc && toc.type === 'toc' && toc.entries.some((e) => e.text.endsWith(b.title.slice(5)))).toBe(true);
  }
}

export function checkFinalIdentities(g: GeneratedDisclosure): void {
  const doc = g.document;
  const share = (part: Decimal, whole: Decimal) => part.div(whole).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  // 公开01.
  const t1 = grid(doc, 'income-expenditure');
  const L = (label: string) => D(t1.rows.find((r) => r.texts[0] === label)!.texts[2]);
  const R = (label: string, nth = 0) => D(t1.rows.filter((r) => r.texts[3] === label)[nth].texts[5]);
  const incomeRows = t1.rows.filter((r) => /^[一二三四五六七八]、/.test(r.texts[0]));
  expect(incomeRows.length).toBe(8);
  expect(sum(incomeRows.map((r) => D(r.texts[2]))).eq(L('本年收入合计'))).toBe(true);
  expect(L('本年收入合计').plus(L('使用非财政拨款结余')).plus(L('年初结转和结余')).eq(L('总计'))).toBe(true);
  const classRows = t1.rows.filter((r) => /^[一二三四五六七八九十]+、/.test(r.texts[3]));
  expect(sum(classRows.map((r) => D(r.texts[5]))).eq(R('本年支出合计'))).toBe(true);
  expect(R('本年支出合计').plus(R('结余分配')).plus(R('年末结转和结余')).eq(R('总计'))).toBe(true);
  expect(L('总计').eq(R('总计'))).toBe(true);
  // 公开02, 03.
  const t2 = grid(doc, 'income');
  const c2 = t2.t.columns.slice(2);
  checkHierarchy(t2, c2, (r) => r.code);
  for (const r of t2.rows) expect(t2.v(r, c2[0]).eq(sum(c2.slice(1).map((c) => t2.v(r, c))))).toBe(true);
  expect(t2.v(t2.byLabel('合计'), '本年收入合计').eq(L('本年收入合计'))).toBe(true);
  const t3 = grid(doc, 'expenditure');
  const c3 = t3.t.columns.slice(2);
  checkHierarchy(t3, c3, (r) => r.code);
  for (const r of t3.rows) expect(t3.v(r, c3[0]).eq(sum(c3.slice(1).map((c) => t3.v(r, c))))).toBe(true);
  expect(t3.v(t3.byLabel('合计'), '本年支出合计').eq(R('本年支出合计'))).toBe(true);
  // 公开04: per fund 年末 = 年初 + 本年收入 − 本年支出.
  const t4 = grid(doc, 'fiscal');
  const L4 = (label: string) => D(t4.rows.find((r) => r.texts[0] === label)!.texts[2]);
  const R4 = (label: string, col: number) => D(t4.rows.find((r) => r.texts[3] === label)!.texts[col]);
  expect(L4('年初财政拨款结转和结余').eq(sum(['一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'].map((x) => D(t4.rows.find((r) => r.texts[0] === x)!.texts[2]))))).toBe(true);
  const funds: Array<[string, number]> = [
    ['一、一般公共预算财政拨款', 6],
    ['二、政府性基金预算财政拨款', 7],
    ['三、国有资本经营预算财政拨款', 8],
  ];
  for (const [label, col] of funds) {
    const opening = D(t4.rows.find((r) => r.texts[0] === label.slice(2))!.texts[2]);
    expect(R4('年末财政拨款结转和结余', col).eq(opening.plus(L4(label)).minus(R4('本年支出合计', col))), label).toBe(true);
  }
  const c4 = t4.rows.filter((r) => /^[一二三四五六七八九十]+、/.test(r.texts[3]));
  expect(sum(c4.map((r) => D(r.texts[5]))).eq(R4('本年支出合计', 5))).toBe(true);
  for (const r of t4.rows.filter((x) => x.texts[5] !== '')) expect(D(r.texts[5]).eq(sum(r.texts.slice(6).map(D)))).toBe(true);
  expect(L4('总计').eq(R4('总计', 5))).toBe(true);
  expect(L4('本年收入合计').plus(L4('年初财政拨款结转和结余')).eq(L4('总计'))).toBe(true);
  // 公开05.
  const t5 = grid(doc, 'gp-expenditure');
  const c5 = t5.t.columns.slice(2);
  checkHierarchy(t5, c5, (r) => r.code);
  for (const r of t5.rows) expect(t5.v(r, c5[0]).eq(t5.v(r, c5[1]).plus(t5.v(r, c5[2])))).toBe(true);
  const tot5 = t5.byLabel('合计');
  expect(t5.v(tot5, c5[0]).eq(R4('本年支出合计', 6))).toBe(true);
  for (const r of c4.filter((x) => !D(x.texts[5]).isZero())) {
    const name = r.texts[3].replace(/^[一二三四五六七八九十]+、/, '');
    expect(t5.v(t5.rows.find((x) => x.code?.length === 3 && x.label === name)!, c5[0]).eq(D(r.texts[5]))).toBe(true);
  }
  // 公开06.
  const t6 = grid(doc, 'gp-basic');
  const side = (codeCol: number, valCol: number) => t6.rows.filter((r) => /^\d+$/.test(r.texts[codeCol])).map((r) => ({ code: r.texts[codeCol], v: D(r.texts[valCol]) }));
  const pers = side(0, 2);
  const pub = side(3, 5);
  const totals = t6.rows.find((r) => r.texts[0] === '人员经费合计')!;
  for (const [lines, total] of [
    [pers, D(totals.texts[2])],
    [pub, D(totals.texts[5])],
  ] as const) {
    const cls = lines.filter((l) => l.code.length === 3);
    expect(sum(cls.map((l) => l.v)).eq(total)).toBe(true);
    for (const c of cls) expect(c.v.eq(sum(lines.filter((l) => l.code.length === 5 && l.code.startsWith(c.code)).map((l) => l.v)))).toBe(true);
  }
  expect(pers.every((l) => l.code.startsWith('301') || l.code.startsWith('303'))).toBe(true);
  expect(D(totals.texts[2]).plus(D(totals.texts[5])).eq(t5.v(tot5, c5[1]))).toBe(true);
  // 公开07.
  const t7 = grid(doc, 'three-public');
  const r7 = t7.rows[0];
  for (const g7 of ['预算数', '决算数']) {
    const v = (c: string) => t7.v(r7, `${g7} › ${c}`);
    expect(v('合计').eq(v('因公出国（境）费').plus(v('公务用车购置及运行费 › 小计')).plus(v('公务接待费')))).toBe(true);
    expect(v('公务用车购置及运行费 › 小计').eq(v('公务用车购置及运行费 › 公务用车购置费').plus(v('公务用车购置及运行费 › 公务用车运行费')))).toBe(true);
  }
  const pub30217 = pub.find((l) => l.code === '30217')?.v ?? new Decimal(0);
  expect(t7.v(r7, '决算数 › 公务接待费').eq(pub30217)).toBe(true);
  for (const id of ['gov-fund', 'state-capital']) expect(table(doc, id).note).toContain('本表无数据');
  // Narrative: completion rates, words vs numbers, shares, amounts.
  const text = narrative(doc);
  let items = 0;
  for (const m of text.matchAll(/（款）([^（]+)（项）。年初预算为([\d.]+)万元，支出决算为([\d.]+)万元，完成年初预算的([\d.]+)%。决算数(大于|小于|等于)年初预算数/g)) {
    items++;
    const r = t5.rows.find((x) => x.code?.length === 7 && x.label === m[1])!;
    expectNarrativeAmount(g, m[3], t5.v(r, c5[0]));
    const budget = D(m[2]);
    const actual = D(m[3]);
    if (g.model.unit === '万元' && !g.model.trimNarrative) expect(share(actual, budget).eq(D(m[4])), m[0]).toBe(true);
    else expect(ratioConsistent(actual, radius(m[3]), budget, radius(m[2]), m[4]), m[0]).toBe(true);
    // Words follow the exact amounts; when rounding makes the shown amounts equal, any word is possible.
    if (!(g.model.unit === '元' && actual.eq(budget))) expect(m[5]).toBe(actual.gt(budget) ? '大于' : actual.lt(budget) ? '小于' : '等于');
  }
  expect(items).toBe(t5.rows.filter((x) => x.code?.length === 7).length);
  const m2 = /支出合计([\d.]+)万元，其中：基本支出([\d.]+)万元，占([\d.]+)%；项目支出([\d.]+)万元，占([\d.]+)%/.exec(text)!;
  expectNarrativeAmount(g, m2[1], R('本年支出合计'));
  expectNarrativeAmount(g, m2[2], t3.v(t3.byLabel('合计'), '基本支出'));
  expect(D(m2[3]).eq(share(t3.v(t3.byLabel('合计'), '基本支出'), R('本年支出合计')))).toBe(true);
  const m1 = /收、支总计均为([\d.]+)万元/.exec(text)!;
  expectNarrativeAmount(g, m1[1], L('总计'));
  const m3 = /财政拨款收、支总计均为([\d.]+)万元/.exec(text)!;
  expectNarrativeAmount(g, m3[1], L4('总计'));
  // Tables: title without year, 公开NN表 numbering, period in the meta line.
  for (const b of doc.blocks) if (b.type === 'table') expect(b.period).toBe(`${g.model.year}年度`);
}


/**
 * Layout 'whole-yuan': the same model printed with its exact 分 (layout 'ruled') satisfies every
 * identity, and each table figure of the whole-元 print is that exact figure rounded half-up to
 * whole 元; every other number (narrative in 万元, counts, percentages) is printed the same.
 */
export function checkWholeYuan(g: GeneratedDisclosure): void {
  expect(g.model.layout).toBe('whole-yuan');
  expect(g.model.unit).toBe('元');
  const exactModel = { ...g.model, layout: 'ruled' as const };
  const exactDoc = exactModel.kind === '决算' ? buildFinalDocument(exactModel) : buildDocument(exactModel);
  const exact: GeneratedDisclosure = { ...g, model: exactModel, document: exactDoc };
  if (exactModel.kind === '决算') checkFinalIdentities(exact);
  else checkIdentities(exact);
  expect(g.document.order).toEqual(exactDoc.order);
  let withCents = 0;
  let amounts = 0;
  for (const id of g.document.order) {
    const printed = g.document.slots[id];
    const precise = exactDoc.slots[id];
    if (printed.where === 'table' && printed.kind === 'amount') {
      expect(printed.text, id).toMatch(/^\d{1,3}(,?\d{3})*$/);
      expect(D(printed.text).eq(D(precise.text).toDecimalPlaces(0, Decimal.ROUND_HALF_UP)), `${printed.text} vs ${precise.text}`).toBe(true);
      if (!D(precise.text).isZero()) amounts++;
      if (!D(precise.text).isInteger()) withCents++;
    } else expect(printed.text, id).toBe(precise.text);
  }
  // The model is drawn to the 分: most non-zero figures are really rounded.
  expect(withCents).toBeGreaterThan(amounts * 0.6);
}
