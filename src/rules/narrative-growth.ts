/**
 * 增减率：说明中“比上年增加/减少Δ，增长/下降y%”的 y = Δ ÷ 上年数（上年数 = 本年数 ∓ Δ）；上年为0时不能写增长率；“持平”则Δ=0。
 * Growth: “增加/减少 Δ，增长/下降 y%” states y = Δ ÷ last year (last year = current ∓ Δ); no growth rate
 * on a zero base; “与上年持平” means Δ = 0.
 */
import type Decimal from 'decimal.js';
import type { NarrativeAmount, NarrativeChange, NarrativeNumber } from '../recognize/narrative';
import { findNumbers } from '../recognize/narrative-numbers';
import { labelCore, quantityOf, subjectKey } from '../recognize/narrative-quantity';
import { subjectOf, type Statement } from '../recognize/statement';
import type { DraftFinding, Rule } from './types';
import { amountRef, amountValue, asLastDigit, asPrinted, halfOf, identified, judgePercent, lastDigitNote, linkable, namesApart, numberRef, otherBasis, pct, percentInterval, quote, samePart, sameSentence, shown, statementLookup, textRef, pctExact, pctInterval } from './narrative-support';

type Lookup = ReturnType<typeof statementLookup>;

/** The words the change's own clause names before its change word (“三公”经费…决算数比2023年度减少 → “三公”经费…决算数). */
function clauseWords(c: NarrativeChange): string {
  const before = c.paragraph.text.slice(0, c.word.start);
  const clause = before.slice(Math.max(before.lastIndexOf('，'), before.lastIndexOf(','), before.lastIndexOf('；'), before.lastIndexOf('。'), before.lastIndexOf('：')) + 1);
  return clause.replace(/^.*[\d%％]+(万元|万|元)?/, '').replace(/(比|较|同比|与).*$/, '').replace(/[“”"]/g, '');
}

/** The clause's own subject, when the model identifies one. */
function clauseSubject(words: string, year: number | null): Statement['subject'] | null {
  if (words.replace(/\s+/g, '').length < 2) return null;
  const s = subjectOf(quantityOf(words, year));
  return s.kind === 'unknown' ? null : s;
}

/**
 * The statement model says the change's figures are about one thing: the current figure and a
 * printed base are one subject (same part, same basis as the sentence compares against); a current
 * figure told in another sentence is an identified subject of the same part, section and project,
 * and the change's own clause names nothing else. Otherwise the rule abstains.
 */
function linked(c: NarrativeChange, find: Lookup, year: number | null): boolean {
  const current = c.subject ? find(c.subject.number) : undefined;
  if (c.subject && !current) return false;
  const own = find(c.rate ?? c.delta);
  if (c.base) {
    const base = find(c.base.number);
    if (!base) return false;
    if (current && !linkable(current, base)) return false;
    if (otherBasis(own?.against, base.basis)) return false;
  }
  if (current && own && !sameSentence(current, own)) {
    if (!samePart(current, own)) return false;
    if (current.scope.section !== own.scope.section || current.scope.project !== own.scope.project) return false;
    const words = clauseWords(c);
    // a figure the model cannot name is still this change's when the clause repeats its words
    // (政府性基金收支预算36万元。…政府性基金收支预算增加36万元)
    const core = labelCore(words);
    const repeated = core.length >= 4 && core === labelCore(c.subject!.quantity.label);
    // (or the clause names nothing and the figure ends the sentence just before, nothing between:
    // 单位预留机动经费预算数为1685.72万元。与上年相比增加1557.29万元)
    const between = c.paragraph === current.anchor.paragraph ? c.paragraph.text.slice(current.anchor.end, c.word.start) : null;
    const justBefore = core.length === 0 && between !== null && !/\d/.test(between) && (between.match(/[。！？]/g) ?? []).length === 1;
    if (!identified(current) && !repeated && !justBefore) return false;
    const named = clauseSubject(words, year);
    if (named && namesApart(named, current.subject)) return false;
  }
  return true;
}

/** “上年A，本年B，比上年增长/减少y%”: y = (B − A) ÷ A, the word agreeing with the sign of B − A. */
function baseFinding(c: NarrativeChange): DraftFinding | null {
  if (!c.base || !c.subject || c.delta) return null;
  const cur = c.subject.number;
  const last = c.base.number;
  if (cur.wan === null || last.wan === null) return null;
  const current = amountValue(cur);
  const base = amountValue(last);
  const delta = current.minus(base);
  const sentence = quote(c.text);
  const slack = halfOf(cur).plus(halfOf(last));
  const arithmeticOf = `${cur.text} − ${last.text} = ${delta.toFixed(Math.max(cur.decimals, last.decimals))}`;
  const refs = [...(c.rate ? [numberRef(c.paragraph, c.rate)] : [textRef(c.paragraph, c.word.start, c.word.end)]), amountRef(c.subject), amountRef(c.base)];
  if (c.direction === 'flat') {
    if (delta.abs().lte(slack)) return null;
    return {
      rule: 'narrative.growth',
      severity: 'error',
      message: `说明中“${sentence}”写“持平”，但本年 ${shown(cur)} 与上年 ${shown(last)} 不同（${arithmeticOf}）。`,
      messageEn: `The narrative says “unchanged” (持平) but this year's ${shown(cur)} differs from last year's ${shown(last)} (${arithmeticOf}).`,
      expected: delta.toString(),
      actual: '0',
      refs,
    };
  }
  if (!c.rate) return null;
  if (base.isZero()) {
    if (current.isZero()) return null;
    return {
      rule: 'narrative.growth',
      severity: 'warning',
      message: `说明中“${sentence}”：上年数为 ${shown(last)}，上年为零时增长率无定义，文中却写 ${c.rateWord?.text ?? ''}${shown(c.rate)}（宜写“新增”）。`,
      messageEn: `Growth rate on a zero base: last year is ${shown(last)}, so no rate can be computed; the text says ${shown(c.rate)}.`,
      expected: '无（上年为0）',
      actual: shown(c.rate),
      refs,
    };
  }
  const wrongWay = (c.direction === 'increase' && delta.lt(slack.neg())) || (c.direction === 'decrease' && delta.gt(slack));
  const exact = delta.abs().div(base).times(100);
  const interval = percentInterval(delta.abs(), slack, base, halfOf(last));
  const d = c.rate.decimals;
  const arithmetic = `(${cur.text} − ${last.text}) ÷ ${last.text} = ${delta.toFixed(Math.max(cur.decimals, last.decimals))} ÷ ${last.text} = ${pctExact(delta.div(base).times(100), d)}`;
  if (wrongWay) {
    return {
      rule: 'narrative.growth',
      severity: 'error',
      message: `说明中“${sentence}”：${arithmetic}，应为${delta.gt(0) ? '增长' : '减少'} ${pct(exact, d)}，文中写“${c.word.text}${shown(c.rate)}”。`,
      messageEn: `Narrative change: ${arithmetic.replace(/÷/g, '/')}, a ${delta.gt(0) ? 'rise' : 'fall'} of ${pct(exact, d)}; the text says ${c.word.text} ${shown(c.rate)}.`,
      expected: `${delta.gt(0) ? '增长' : '减少'}${pct(exact, d)}`,
      actual: `${c.word.text}${shown(c.rate)}`,
      refs,
    };
  }
  if (!interval) return null;
  const verdict = judgePercent(exact, interval, c.rate);
  if (verdict === 'equal') return null;
  return asLastDigit({
    rule: 'narrative.growth',
    severity: verdict === 'rounding' ? 'info' : 'error',
    message:
      verdict === 'rounding'
        ? `尾差：说明中“${sentence}”：${arithmetic}，写作 ${shown(c.rate)}，在四舍五入区间 ${pctInterval(interval, d)} 内。`
        : `说明中“${sentence}”：${c.direction === 'increase' ? '增长' : '下降'}率 = ${arithmetic}，应为 ${pct(exact, d)}，文中写 ${shown(c.rate)}。`,
    messageEn: `Narrative growth rate: ${arithmetic.replace(/÷/g, '/')}, so ${pct(exact, d)}; the text says ${shown(c.rate)}${verdict === 'rounding' ? ' (within rounding)' : ''}.`,
    expected: pct(exact, d),
    actual: shown(c.rate),
    difference: pct(c.rate.value.minus(exact), d + 2),
    refs,
  }, verdict === 'mismatch' ? lastDigitNote(exact, c.rate) : null);
}

/**
 * A base-and-current change whose paragraph states the current figure twice with two values (the
 * head “…（项）56.12万元” and “2026年预算安排57.8万元”): the rate is judged against each; a rate that
 * fits one of them is not reported here (the two figures disagree: narrative.table says so).
 */
function baseFindingOverCandidates(c: NarrativeChange, amounts: NarrativeAmount[]): DraftFinding | null {
  const subject = c.subject;
  if (!subject) return null;
  const key = subjectKey(subject.quantity);
  const others = amounts.filter((a) => a !== subject && a.index === c.index && a.quantity.role !== 'last-year' && a.quantity.role !== 'actual' && a.number.wan !== null && subjectKey(a.quantity) === key && !a.number.wan.eq(subject.number.wan!));
  const first = baseFinding(c);
  if (!first || first.severity === 'info' || others.length === 0) return first;
  for (const o of others) {
    const f = baseFinding({ ...c, subject: o });
    if (!f || f.severity === 'info') return f;
  }
  return first;
}

// “（上年无此项预算）”, “上年未安排”, “上年为0”: the text says last year's figure is zero
const ZERO_BASE = /上年(度)?(无此项|无该项|未安排|没有安排|无)(预算|支出|经费|安排)?|上年(预算)?(数)?为0(\.0+)?(万元|元)?(?![.\d])/;

/**
 * An increase from a base the text itself says is zero (“比上年增加Δ（上年无此项预算）”): Δ is then
 * the whole of this year's figure. Which of the two is wrong the text cannot tell.
 */
function zeroBaseFinding(c: NarrativeChange): DraftFinding | null {
  if (!c.delta || !c.subject || c.direction !== 'increase' || c.base) return null;
  const after = c.paragraph.text.slice(c.delta.unitEnd, c.delta.unitEnd + 20);
  const m = ZERO_BASE.exec(after);
  if (!m || /[。；;]/.test(after.slice(0, m.index))) return null;
  const cur = c.subject.number;
  if (cur.wan === null || c.delta.wan === null) return null;
  const current = amountValue(cur);
  const delta = amountValue(c.delta);
  if (current.minus(delta).abs().lte(halfOf(cur).plus(halfOf(c.delta)))) return null;
  const sentence = quote(c.text);
  return {
    rule: 'narrative.growth',
    severity: 'error',
    message: `说明中“${sentence}”：文中写“${m[0]}”，上年为 0，增加额应等于本年数，但本年 ${shown(cur)}，增加 ${shown(c.delta)}（差 ${current.minus(delta).abs().toString()}），两者至少一处有误。`,
    messageEn: `The text says last year was nothing (${m[0]}), so the increase should equal this year's figure; but this year is ${shown(cur)} and the increase ${shown(c.delta)} — at least one of them is wrong.`,
    refs: [numberRef(c.paragraph, c.delta), amountRef(c.subject), textRef(c.paragraph, c.delta.unitEnd + m.index, c.delta.unitEnd + m.index + m[0].length)],
  };
}

/**
 * Whether a change is surely of the figure taken for its subject: told in another paragraph (found by
 * its name), right after it, or with other amounts between but its own clause naming it again.
 */
function changeOfItsFigure(c: NarrativeChange, delta: NarrativeNumber, subject: NarrativeAmount): boolean {
  if (subject.paragraph !== c.paragraph || subject.number.end > delta.start) return true;
  const between = c.paragraph.text.slice(subject.number.unitEnd, delta.start);
  const amounts = findNumbers(between).filter((n) => n.wan !== null);
  if (amounts.length === 0) return true;
  const ownClause = between.slice(amounts[amounts.length - 1].unitEnd).replace(/\s+/g, '');
  const core = labelCore(subject.quantity.label);
  return core.length >= 2 && ownClause.includes(core);
}

function growthFinding(c: NarrativeChange, amounts: NarrativeAmount[] = []): DraftFinding | null {
  const zero = zeroBaseFinding(c);
  if (zero) return zero;
  // “按与上年统计口径一致相比…”: the base is a restated figure the text does not give
  if (/口径/.test(c.text)) return null;
  if (c.base && !c.delta) return baseFindingOverCandidates(c, amounts);
  // “与2016年度相比（2016年度…为 B），增加 Δ，增长 y%”: the printed base stands in for the current figure
  const subject = c.subject ?? (c.base && c.delta?.wan && c.base.number.wan ? c.base : null);
  if (!c.delta || !c.rate || !subject) return null;
  const cur = subject.number;
  if (cur.wan === null || c.delta.wan === null) return null;
  const current = amountValue(cur);
  const delta = amountValue(c.delta);
  // the base: last year's figure when the sentence prints it, else current ∓ change
  const printedBase = c.base && c.base.number.wan !== null ? c.base.number : null;
  const base = printedBase ? amountValue(printedBase) : c.direction === 'increase' ? current.minus(delta) : current.plus(delta);
  const baseText = printedBase ? printedBase.text : c.direction === 'increase' ? `${cur.text} − ${c.delta.text}` : `${cur.text} + ${c.delta.text}`;
  // the base as the text would print it: in the figures' own unit (元 figures give a base in 元, not 万元)
  const places = Math.max(cur.decimals, c.delta.decimals);
  const baseShown = printedBase ? printedBase.value.toFixed(printedBase.decimals) : cur.unit === c.delta.unit ? asPrinted(cur, base).toFixed(places) : `${base.toFixed(places)}万元`;
  const sentence = quote(c.text);
  const refs = [numberRef(c.paragraph, c.rate), numberRef(c.paragraph, c.delta), amountRef(subject)];
  const d = c.rate.decimals;
  // a base below zero: unless the change is surely its figure's, that figure may not be the one that
  // changed (其中：基本支出488180.64元，项目支出36849227元，同比增加27125219.46元 — the whole's): nothing is
  // judged; otherwise the change is impossible and is reported
  if (base.isNegative() && !changeOfItsFigure(c, c.delta, subject)) return null;
  if (base.lte(0)) {
    if (base.isZero() && delta.isZero()) return null;
    return {
      rule: 'narrative.growth',
      severity: 'warning',
      message: `说明中“${sentence}”：上年数 = ${baseText} = ${baseShown}，上年为零（或负数）时不能计算增长率，文中却写 ${c.rateWord?.text ?? ''}${shown(c.rate)}。`,
      messageEn: `Narrative growth rate on a zero base: last year = ${baseText} = ${baseShown}, so no rate can be computed; the text says ${shown(c.rate)}.`,
      expected: '无（上年为0）',
      actual: shown(c.rate),
      refs,
    };
  }
  const exact = delta.div(base).times(100);
  const hc = halfOf(cur);
  const hd = halfOf(c.delta);
  const interval = percentInterval(delta, hd, base, printedBase ? halfOf(printedBase) : hc.plus(hd));
  if (!interval) return null;
  const verdict = judgePercent(exact, interval, c.rate);
  if (verdict === 'equal') return null;
  // “总支出1135.8万元,比上年增加64.23元,增长5.7%”: a change in another unit than its figure's — read in the
  // figure's unit, does the rate hold? Then the unit is the slip (a warning); if not, both readings are shown
  const other = printedBase || cur.unit === c.delta.unit || cur.value.isZero() ? null : otherUnitReading(c, cur, current);
  if (other?.verdict === 'equal' || other?.verdict === 'rounding') {
    return {
      rule: 'narrative.growth',
      severity: 'warning',
      message: `说明中“${sentence}”：增减额写作 ${shown(c.delta)}，与本年数 ${shown(cur)} 单位不同；按${cur.unit}计，${other.arithmetic}，与文中 ${shown(c.rate)} 相符——增减额的单位疑误。`,
      messageEn: `The change is printed as ${shown(c.delta)}, in another unit than its figure ${shown(cur)}; read in ${cur.unit} the rate holds (${other.arithmetic.replace(/÷/g, '/')}) — the unit looks wrong.`,
      expected: `${c.delta.text}${cur.unitText}`,
      actual: shown(c.delta),
      refs,
    };
  }
  // (a printed base is divided as printed: “20.53 ÷ 227.42”, not “20.53 ÷ (227.42) = 20.53 ÷ 227.42”)
  const arithmetic = printedBase ? `${c.delta.text} ÷ ${baseText} = ${pctExact(exact, d)}` : `${c.delta.text} ÷ (${baseText}) = ${c.delta.text} ÷ ${baseShown} = ${pctExact(exact, d)}`;
  if (verdict === 'rounding') {
    return {
      rule: 'narrative.growth',
      severity: 'info',
      message: `尾差：说明中“${sentence}”：${arithmetic}，写作 ${shown(c.rate)}，在四舍五入区间 ${pctInterval(interval, d)} 内。`,
      messageEn: `Rounding difference: growth ${arithmetic.replace(/÷/g, '/')}, printed ${shown(c.rate)}; within the rounding interval.`,
      expected: pct(exact, d),
      actual: shown(c.rate),
      difference: pct(c.rate.value.minus(exact), d + 2),
      refs,
    };
  }
  const otherNote = other ? `（增减额 ${shown(c.delta)} 与本年数单位不同；按${cur.unit}计，${other.arithmetic}，也与文中不符）` : '';
  return asLastDigit({
    rule: 'narrative.growth',
    severity: 'error',
    message: `说明中“${sentence}”：${c.direction === 'increase' ? '增长' : '下降'}率 = ${other ? `${shown(c.delta)} ÷ (${shown(cur)} ${c.direction === 'increase' ? '−' : '+'} ${shown(c.delta)}) = ${pctExact(exact, d)}` : arithmetic}，应为 ${pct(exact, d)}，文中写 ${shown(c.rate)}${otherNote}。`,
    messageEn: `Narrative growth rate: ${c.delta.text} / (${baseText}) = ${pctExact(exact, d)}, so ${pct(exact, d)}; the text says ${shown(c.rate)}.${other ? ` (The change is printed in another unit than its figure; read in ${cur.unit}, ${other.arithmetic.replace(/÷/g, '/')}, which does not match either.)` : ''}`,
    expected: pct(exact, d),
    actual: shown(c.rate),
    difference: pct(c.rate.value.minus(exact), d),
    refs,
  }, lastDigitNote(exact, c.rate));
}

/** The rate with the change's printed figure read in its current figure's unit (64.23元 as 64.23万元). */
function otherUnitReading(c: NarrativeChange, cur: NarrativeNumber, current: Decimal): { arithmetic: string; verdict: ReturnType<typeof judgePercent> } | null {
  if (!c.delta || !c.rate || cur.wan === null) return null;
  const scale = cur.wan.div(cur.value);
  const delta = c.delta.value.times(scale);
  const base = c.direction === 'increase' ? current.minus(delta) : current.plus(delta);
  if (base.lte(0)) return null;
  const hd = halfOf({ ...c.delta, unit: cur.unit });
  const interval = percentInterval(delta, hd, base, halfOf(cur).plus(hd));
  if (!interval) return null;
  const exact = delta.div(base).times(100);
  const places = Math.max(cur.decimals, c.delta.decimals);
  const arithmetic = `${c.delta.text} ÷ (${cur.text} ${c.direction === 'increase' ? '−' : '+'} ${c.delta.text}) = ${c.delta.text} ÷ ${asPrinted(cur, base).toFixed(places)} = ${pct(exact, c.rate.decimals + 2)}`;
  return { arithmetic, verdict: judgePercent(exact, interval, c.rate) };
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
    const find = statementLookup(ctx);
    const changes = ctx.narrative.filter((s): s is NarrativeChange => s.kind === 'change' && linked(s, find, ctx.document.year));
    const amounts = ctx.narrative.filter((s): s is NarrativeAmount => s.kind === 'amount');
    const out: DraftFinding[] = [];
    for (const c of changes) {
      try {
        const f = growthFinding(c, amounts);
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

