/**
 * 完成率：说明中“年初预算A，决算B，完成年初预算的y%”的 y = B ÷ A（预算为0时完成率无意义）。
 * Completion: “年初预算 A … 支出决算 B … 完成年初预算的 y%” states y = B ÷ A (undefined when A = 0).
 */
import type { NarrativeCompletion } from '../recognize/narrative';
import type { DraftFinding, Rule } from './types';
import { amountRef, amountValue, asLastDigit, halfOf, judgePercent, lastDigitNote, linkable, numberRef, pct, percentInterval, quote, shown, statementLookup, pctExact, pctInterval } from './narrative-support';

function finding(c: NarrativeCompletion): DraftFinding | null {
  if (!c.budget || !c.actual || c.budget === c.actual) return null;
  const b = c.budget.number;
  const a = c.actual.number;
  if (b.wan === null || a.wan === null) return null;
  const budget = amountValue(b);
  const actual = amountValue(a);
  const sentence = quote(c.text);
  const refs = [numberRef(c.paragraph, c.rate), amountRef(c.actual), amountRef(c.budget)];
  const d = c.rate.decimals;
  if (budget.isZero()) {
    if (actual.isZero() && c.rate.value.isZero()) {
      return {
        rule: 'narrative.completion',
        severity: 'info',
        message: `说明中“${sentence}”：预算数为 0，完成率 ${a.text} ÷ ${b.text} 无定义，文中写 ${shown(c.rate)}（宜写“无预算”）。`,
        messageEn: `The budget is 0, so the completion rate ${a.text} / ${b.text} is undefined; the text prints ${shown(c.rate)}.`,
        expected: '无（预算为0）',
        actual: shown(c.rate),
        refs,
      };
    }
    return {
      rule: 'narrative.completion',
      severity: 'warning',
      message: `说明中“${sentence}”：预算数为 0，不能计算完成率（${a.text} ÷ ${b.text}），文中却写 ${shown(c.rate)}。`,
      messageEn: `Completion rate on a zero budget: ${a.text} / ${b.text} is undefined, yet the text says ${shown(c.rate)}.`,
      expected: '无（预算为0）',
      actual: shown(c.rate),
      refs,
    };
  }
  const exact = actual.div(budget).times(100);
  const interval = percentInterval(actual, halfOf(a), budget, halfOf(b));
  if (!interval) return null;
  const verdict = judgePercent(exact, interval, c.rate);
  if (verdict === 'equal') return null;
  const arithmetic = `${a.text} ÷ ${b.text} = ${pctExact(exact, d)}`;
  if (verdict === 'rounding') {
    return {
      rule: 'narrative.completion',
      severity: 'info',
      message: `尾差：说明中“${sentence}”：${arithmetic}，写作 ${shown(c.rate)}，在四舍五入区间 ${pctInterval(interval, d)} 内。`,
      messageEn: `Rounding difference: completion ${a.text} / ${b.text} = ${pctExact(exact, d)}, printed ${shown(c.rate)}; within the rounding interval.`,
      expected: pct(exact, d),
      actual: shown(c.rate),
      difference: pct(c.rate.value.minus(exact), d + 2),
      refs,
    };
  }
  return asLastDigit({
    rule: 'narrative.completion',
    severity: 'error',
    message: `说明中“${sentence}”：完成率 = 决算 ÷ 预算 = ${arithmetic}，应为 ${pct(exact, d)}，文中写 ${shown(c.rate)}。`,
    messageEn: `Narrative completion rate: actual / budget = ${a.text} / ${b.text} = ${pctExact(exact, d)}, so ${pct(exact, d)}; the text says ${shown(c.rate)}.`,
    expected: pct(exact, d),
    actual: shown(c.rate),
    difference: pct(c.rate.value.minus(exact), d),
    refs,
  }, lastDigitNote(exact, c.rate));
}

/**
 * “决算1741.75万元，完成年初预算100%，决算数大于预算数55.93万元”: the budget the two figures imply
 * (1741.75 − 55.93 = 1685.82) gives the rate (103.32 %).
 */
function gapFinding(c: NarrativeCompletion): DraftFinding | null {
  if (!c.gap || !c.actual) return null;
  const a = c.actual.number;
  const g = c.gap.amount.number;
  if (a.wan === null || g.wan === null || (a.unit === '元') !== (g.unit === '元')) return null;
  const actual = amountValue(a);
  const budget = c.gap.relation === 'greater' ? actual.minus(amountValue(g)) : actual.plus(amountValue(g));
  if (budget.lte(0)) return null;
  const half = halfOf(a).plus(halfOf(g));
  const interval = percentInterval(actual, halfOf(a), budget, half);
  if (!interval) return null;
  const exact = actual.div(budget).times(100);
  const verdict = judgePercent(exact, interval, c.rate);
  if (verdict !== 'mismatch') return null;
  const d = c.rate.decimals;
  const sign = c.gap.relation === 'greater' ? '−' : '+';
  const arithmetic = `${a.text} ÷ (${a.text} ${sign} ${g.text}) = ${pctExact(exact, d)}`;
  return asLastDigit({
    rule: 'narrative.completion',
    severity: 'error',
    message: `说明中“${quote(c.text)}”：决算数${c.gap.relation === 'greater' ? '大于' : '小于'}预算数 ${g.text}，预算数即 ${a.text} ${sign} ${g.text}，完成率 = ${arithmetic}，应为 ${pct(exact, d)}，文中写 ${shown(c.rate)}。`,
    messageEn: `The narrative says the actual exceeds${c.gap.relation === 'greater' ? '' : ' (falls short of)'} the budget by ${g.text}, so the budget is ${a.text} ${sign} ${g.text} and the completion rate ${arithmetic.replace(/÷/g, '/')}, i.e. ${pct(exact, d)}; the text says ${shown(c.rate)}.`,
    expected: pct(exact, d),
    actual: shown(c.rate),
    difference: pct(c.rate.value.minus(exact), d),
    refs: [numberRef(c.paragraph, c.rate), amountRef(c.actual), amountRef(c.gap.amount)],
  }, lastDigitNote(exact, c.rate));
}

export const narrativeCompletion: Rule = {
  id: 'narrative.completion',
  family: 'narrative-arithmetic',
  title: '说明中完成率 = 决算数 ÷ 预算数',
  titleEn: 'Narrative completion rate = actual ÷ budget',
  check(ctx) {
    const out: DraftFinding[] = [];
    const find = statementLookup(ctx);
    for (const s of ctx.narrative) {
      if (s.kind !== 'completion') continue;
      try {
        // a 完成率 is 决算 (or 执行) over 预算 of one subject: the model must say the budget figure is
        // a 预算, the other is not, and both are about the same thing (one sentence ties them; across
        // sentences both must be identified as one subject of one part)
        const actual = find(s.actual?.number);
        if (!s.budget && s.gap && actual && actual.basis !== 'budget' && s.actual!.paragraph === s.paragraph) {
          const f = gapFinding(s);
          if (f) out.push(f);
          continue;
        }
        const budget = find(s.budget?.number);
        if (!budget || !actual) continue;
        if ((budget.basis && budget.basis !== 'budget') || actual.basis === 'budget') continue;
        if (!linkable(budget, actual)) continue;
        const f = finding(s);
        if (f) out.push(f);
      } catch {
        /* skip */
      }
    }
    return out;
  },
};
