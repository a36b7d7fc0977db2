/**
 * 文字与数字方向一致：“增加…增长y%”“减少…下降y%”方向一致；“决算数大于/小于/等于预算数”与两数相符。
 * Words agree with numbers: 增加 goes with 增长 and 减少 with 下降; “决算数大于/小于/等于预算数” fits
 * the two figures it describes.
 */
import type { NarrativeChange, NarrativeComparison } from '../recognize/narrative';
import type { DraftFinding, Rule } from './types';
import { amountRef, numberRef, quote, textRef } from './narrative-support';

function changeFinding(c: NarrativeChange): DraftFinding | null {
  if (!c.rateWord || !c.rate || !c.delta) return null;
  const w = c.rateWord.text;
  if (/[（(]/.test(w)) return null; // 下降（增长）: a template leftover, reported by wording.placeholder
  // (负增长 is a fall)
  const rateUp = /增长|增加|上升|增幅/.test(w) && !/负增长/.test(w);
  const rateDown = /下降|减少|降低|降幅|减幅|负增长/.test(w);
  if (rateUp === rateDown) return null;
  const up = c.direction === 'increase';
  if (up === rateUp) return null;
  return {
    rule: 'consistency.direction',
    severity: 'error',
    message: `说明中“${quote(c.text)}”：金额写“${c.word.text}”${c.delta.text}，比率却写“${w}”${c.rate.text}%，增减方向矛盾。`,
    messageEn: `The narrative says the amount ${up ? 'rose' : 'fell'} (${c.word.text} ${c.delta.text}) but calls the rate a ${rateUp ? 'rise' : 'fall'} (${w}).`,
    expected: up ? '增长' : '下降',
    actual: w,
    refs: [textRef(c.paragraph, c.rateWord.start, c.rateWord.end), textRef(c.paragraph, c.word.start, c.word.end), numberRef(c.paragraph, c.delta)],
  };
}

function comparisonFinding(c: NarrativeComparison): DraftFinding | null {
  if (!c.budget || !c.actual || c.budget.number.wan === null || c.actual.number.wan === null) return null;
  const b = c.budget.number.wan;
  const a = c.actual.number.wan;
  const truth = a.gt(b) ? 'greater' : a.lt(b) ? 'less' : 'equal';
  if (truth === c.relation) return null;
  const words = { greater: '大于', less: '小于', equal: '等于（持平）' } as const;
  // one budget and one actual figure in the paragraph: the words can only be about them
  const pairs = c.paragraph.text.match(/预算(数)?(为|是)?\s*[\d０-９]/g)?.length ?? 0;
  return {
    rule: 'consistency.direction',
    severity: pairs <= 1 ? 'error' : 'warning',
    message: `说明中“${quote(c.text)}”写“${c.word.text}”，但决算数 ${c.actual.number.text} ${words[truth]}预算数 ${c.budget.number.text}。`,
    messageEn: `The narrative says the actual is ${c.relation === 'greater' ? 'above' : c.relation === 'less' ? 'below' : 'equal to'} the budget, but ${c.actual.number.text} vs ${c.budget.number.text} says otherwise.`,
    expected: `决算数${words[truth]}预算数`,
    actual: c.word.text,
    refs: [textRef(c.paragraph, c.word.start, c.word.end), amountRef(c.actual), amountRef(c.budget)],
  };
}

export const consistencyDirection: Rule = {
  id: 'consistency.direction',
  family: 'consistency',
  title: '“增加/减少”“大于/小于/等于预算数”与数字相符',
  titleEn: 'Words of change and comparison agree with the numbers',
  check(ctx) {
    const out: DraftFinding[] = [];
    for (const s of ctx.narrative) {
      try {
        const f = s.kind === 'change' ? changeFinding(s) : s.kind === 'comparison' ? comparisonFinding(s) : null;
        if (f) out.push(f);
      } catch {
        /* skip */
      }
    }
    return out;
  },
};
