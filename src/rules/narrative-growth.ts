/**
 * 增减率：说明中“比上年增加/减少Δ，增长/下降y%”的 y = Δ ÷ 上年数（上年数 = 本年数 ∓ Δ）；上年为0时不能写增长率；“持平”则Δ=0。
 * Growth: “增加/减少 Δ，增长/下降 y%” states y = Δ ÷ last year (last year = current ∓ Δ); no growth rate
 * on a zero base; “与上年持平” means Δ = 0.
 */
import type { NarrativeChange } from '../recognize/narrative';
import type { DraftFinding, Rule } from './types';
import { amountRef, amountValue, halfOf, judgePercent, numberRef, pct, percentInterval, quote, shown, textRef } from './narrative-support';

function growthFinding(c: NarrativeChange): DraftFinding | null {
  if (!c.delta || !c.rate || !c.subject) return null;
  const cur = c.subject.number;
  if (cur.wan === null || c.delta.wan === null) return null;
  const current = amountValue(cur);
  const delta = amountValue(c.delta);
  const base = c.direction === 'increase' ? current.minus(delta) : current.plus(delta);
  const baseText = c.direction === 'increase' ? `${cur.text} − ${c.delta.text}` : `${cur.text} + ${c.delta.text}`;
  const sentence = quote(c.text);
  const refs = [numberRef(c.paragraph, c.rate), numberRef(c.paragraph, c.delta), amountRef(c.subject)];
  const d = c.rate.decimals;
  if (base.lte(0)) {
    if (base.isZero() && delta.isZero()) return null;
    return {
      rule: 'narrative.growth',
      severity: 'error',
      message: `说明中“${sentence}”：上年数 = ${baseText} = ${base.toFixed(cur.decimals)}，上年为零（或负数）时不能计算增长率，文中却写 ${c.rateWord?.text ?? ''}${shown(c.rate)}。`,
      messageEn: `Narrative growth rate on a zero base: last year = ${baseText} = ${base.toFixed(cur.decimals)}, so no rate can be computed; the text says ${shown(c.rate)}.`,
      expected: '无（上年为0）',
      actual: shown(c.rate),
      refs,
    };
  }
  const exact = delta.div(base).times(100);
  const hc = halfOf(cur);
  const hd = halfOf(c.delta);
  const interval = percentInterval(delta, hd, base, hc.plus(hd));
  if (!interval) return null;
  const verdict = judgePercent(exact, interval, c.rate);
  if (verdict === 'equal') return null;
  const arithmetic = `${c.delta.text} ÷ (${baseText}) = ${c.delta.text} ÷ ${base.toFixed(Math.max(cur.decimals, c.delta.decimals))} = ${pct(exact, d + 2)}`;
  if (verdict === 'rounding') {
    return {
      rule: 'narrative.growth',
      severity: 'info',
      message: `尾差：说明中“${sentence}”：${arithmetic}，写作 ${shown(c.rate)}，在四舍五入区间 [${pct(interval.lo, d + 2)}, ${pct(interval.hi, d + 2)}] 内。`,
      messageEn: `Rounding (尾差): growth ${arithmetic.replace(/÷/g, '/')}, printed ${shown(c.rate)}; within the rounding interval.`,
      expected: pct(exact, d),
      actual: shown(c.rate),
      difference: pct(c.rate.value.minus(exact), d + 2),
      refs,
    };
  }
  return {
    rule: 'narrative.growth',
    severity: 'error',
    message: `说明中“${sentence}”：${c.direction === 'increase' ? '增长' : '下降'}率 = ${arithmetic}，应为 ${pct(exact, d)}，文中写 ${shown(c.rate)}。`,
    messageEn: `Narrative growth rate: ${c.delta.text} / (${baseText}) = ${pct(exact, d + 2)}, so ${pct(exact, d)}; the text says ${shown(c.rate)}.`,
    expected: pct(exact, d),
    actual: shown(c.rate),
    difference: pct(c.rate.value.minus(exact), d),
    refs,
  };
}

/** “与上年持平” next to a non-zero change of the same figure. */
function flatFindings(changes: NarrativeChange[]): DraftFinding[] {
  const out: DraftFinding[] = [];
  for (const flat of changes) {
    if (flat.direction !== 'flat' || !flat.subject) continue;
    const other = changes.find((c) => c !== flat && c.direction !== 'flat' && c.subject === flat.subject && c.delta && !c.delta.value.isZero());
    if (!other || !other.delta) continue;
    out.push({
      rule: 'narrative.growth',
      severity: 'error',
      message: `说明中“${quote(flat.text)}”写“持平”，但同一数字又写${other.word.text} ${shown(other.delta)}（持平应为增减 0）。`,
      messageEn: `The narrative says “unchanged” (持平) but also states a change of ${shown(other.delta)} for the same figure.`,
      expected: '0',
      actual: shown(other.delta),
      refs: [numberRef(other.paragraph, other.delta), textRef(flat.paragraph, flat.word.start, flat.word.end), amountRef(flat.subject)],
    });
  }
  return out;
}

export const narrativeGrowth: Rule = {
  id: 'narrative.growth',
  family: 'narrative-arithmetic',
  title: '说明中增长率 = 增减额 ÷ 上年数；上年为0不写增长率；持平即增减为0',
  titleEn: 'Narrative growth rate = change ÷ last year; no rate on a zero base; 持平 means no change',
  check(ctx) {
    const changes = ctx.narrative.filter((s): s is NarrativeChange => s.kind === 'change');
    const out: DraftFinding[] = [];
    for (const c of changes) {
      try {
        const f = growthFinding(c);
        if (f) out.push(f);
      } catch {
        /* skip */
      }
    }
    try {
      out.push(...flatFindings(changes));
    } catch {
      /* skip */
    }
    return out;
  },
};

