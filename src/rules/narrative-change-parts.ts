/**
 * 支出增减由基本支出和项目支出构成：预算说明中“支出预算较上年增加Δ，主要是基本支出增加a，项目支出增加b”——
 * 支出只分基本支出和项目支出两类，两者的增减额之和（带符号）应等于支出的增减额。
 * A spending change told with its two parts: a budget's spending is its 基本支出 and its 项目支出 and
 * nothing else, so when the text explains the change of spending by the changes of both, they add up
 * (signed) to it. Only in a 预算: a 决算's 支出 also holds 经营支出, 上缴上级支出 … beside the two.
 */
import Decimal from 'decimal.js';
import type { NarrativeChange } from '../recognize/narrative';
import type { DraftFinding, Rule } from './types';
import { amountValue, halfWan, numberRef, quote, shown } from './narrative-support';

/** The whole: the sentence opens on spending alone, compared with last year (支出预算较2024年 / （二）支出较去年). */
const WHOLE = /^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])?\s*(?:本年|本年度|20\d{2}年度?)?\s*支出(?:预算|总额)?(?:数)?\s*(?:较|比|同比)\s*(?:上年|去年|上一年度?|20\d{2}年度?)(?:年初)?(?:预算数?)?\s*$/;
/** A part: 基本支出 or 项目支出 by that name alone, after the word that links it to the whole. */
const PART = /^\s*(?:主要(?:是|原因是|由于|是由于)?[：:]?|其中[：:]?|[一二]是)?\s*(基本|项目)支出(?:预算)?(?:数)?\s*$/;

/** The words of a change's own clause: back to the last break or the last figure before its word. */
function ownWords(c: NarrativeChange, from: number): string {
  const before = c.paragraph.text.slice(from, c.word.start);
  const cut = Math.max(...['，', ',', '；', ';', '：', ':', '。'].map((b) => before.lastIndexOf(b)));
  const clause = before.slice(cut + 1);
  // (“…基本支出预算增加39.39万元项目支出预算增加1.78万元”: a part's words start after the figure before it)
  const m = /[\d.]+\s*(?:万元|元|亿元)(?!.*[\d.]+\s*(?:万元|元|亿元))/.exec(clause);
  return m ? clause.slice(m.index + m[0].length) : clause;
}

const signed = (c: NarrativeChange) => (c.direction === 'decrease' ? amountValue(c.delta!).neg() : amountValue(c.delta!));

export const narrativeChangeParts: Rule = {
  id: 'narrative.change-parts',
  family: 'narrative-arithmetic',
  title: '支出增减额等于基本支出与项目支出增减额之和',
  titleEn: 'A change of spending equals the changes of its basic and project spending',
  check(ctx) {
    if (ctx.document.kind !== 'budget') return [];
    const out: DraftFinding[] = [];
    // the changes of one sentence, in order
    const sentences = new Map<string, NarrativeChange[]>();
    for (const s of ctx.narrative) {
      if (s.kind !== 'change' || !s.delta || s.delta.wan === null || s.direction === 'flat') continue;
      const start = s.paragraph.text.indexOf(s.text);
      if (start < 0) continue;
      const key = `${s.index}|${start}`;
      (sentences.get(key) ?? sentences.set(key, []).get(key)!).push(s);
    }
    for (const changes of sentences.values()) {
      changes.sort((a, b) => a.delta!.start - b.delta!.start);
      const [whole, ...rest] = changes;
      const start = whole.paragraph.text.indexOf(whole.text);
      if (!WHOLE.test(whole.paragraph.text.slice(start, whole.word.start)) || rest.length !== 2) continue;
      const names = rest.map((c) => PART.exec(ownWords(c, start))?.[1]);
      if (names[0] !== '基本' || names[1] !== '项目') continue;
      const sum = signed(rest[0]).plus(signed(rest[1]));
      const diff = signed(whole).minus(sum);
      const tolerance = halfWan(whole.delta!).plus(halfWan(rest[0].delta!)).plus(halfWan(rest[1].delta!));
      if (diff.abs().lte(tolerance)) continue;
      const dec = Math.max(whole.delta!.decimals, rest[0].delta!.decimals, rest[1].delta!.decimals);
      const fmt = (v: Decimal) => `${v.toFixed(dec)}万元`;
      const term = (c: NarrativeChange) => `${c.direction === 'decrease' ? '减少' : '增加'}${shown(c.delta!)}`;
      const termEn = (c: NarrativeChange) => `${c.direction === 'decrease' ? '−' : '+'}${shown(c.delta!)}`;
      out.push({
        rule: 'narrative.change-parts',
        severity: 'error',
        message: `说明中“${quote(whole.text, 70)}”：支出${term(whole)}，而基本支出${term(rest[0])}、项目支出${term(rest[1])}，合计 ${fmt(sum)}，差 ${fmt(diff.abs())}（超出三个数四舍五入的容差 ${tolerance.toString()}万元）。预算支出只分基本支出和项目支出，两者增减之和应等于支出的增减。`,
        messageEn: `The narrative says spending changed by ${termEn(whole)}, but basic spending ${termEn(rest[0])} and project spending ${termEn(rest[1])} add up to ${fmt(sum)} (${fmt(diff.abs())} apart, beyond the rounding of the three figures, ${tolerance.toString()}万元); a budget's spending is these two parts alone.`,
        expected: fmt(sum),
        actual: `${whole.direction === 'decrease' ? '-' : ''}${shown(whole.delta!)}`,
        difference: fmt(diff),
        refs: [numberRef(whole.paragraph, whole.delta!), numberRef(rest[0].paragraph, rest[0].delta!), numberRef(rest[1].paragraph, rest[1].delta!)],
      });
    }
    return out;
  },
};
