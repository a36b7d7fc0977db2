/**
 * 原因与增减方向一致：一个科目的说明写“比上年减少2.98%”，原因却写“该科目经费增加”，原因与数据方向相反。
 * A reason that names the paragraph's own subject must move the way the figures do: “比2023年执行数
 * 减少2.98%。主要原因是：宣传事务一般行政管理事务经费增加” contradicts itself. Only a reason naming the
 * subject itself is judged (a reason about something else — 人员减少 — may well go the other way).
 */
import type { NarrativeChange, NarrativeReason } from '../recognize/narrative';
import type { DraftFinding, Rule } from './types';
import { amountValue, numberRef, quote, shown, textRef } from './narrative-support';
import { namesPath } from './narrative-paths';

const WORD = { increase: ['增加', 'increase'], decrease: ['减少', 'decrease'], flat: ['持平', 'no change'] } as const;

/** The direction the figures themselves show, when the sentence gives both years; else the text's word. */
function shownDirection(c: NarrativeChange): 'increase' | 'decrease' | null {
  if (c.direction === 'flat') return null;
  if (c.base && c.subject && c.base.number.wan !== null && c.subject.number.wan !== null) {
    const d = amountValue(c.subject.number).minus(amountValue(c.base.number));
    // the text's word against its own figures is consistency.direction's / narrative.growth's finding
    if (d.isZero() || (d.gt(0) ? 'increase' : 'decrease') !== c.direction) return null;
  }
  return c.direction;
}

export const consistencyReasonDirection: Rule = {
  id: 'consistency.reason-direction',
  family: 'consistency',
  title: '原因中本科目经费的增减与数据方向一致',
  titleEn: 'A reason naming the item itself moves the way its figures do',
  check(ctx) {
    const out: DraftFinding[] = [];
    for (const r of ctx.narrative) {
      if (r.kind !== 'reason' || r.role !== 'reason' || !r.path || !r.direction || r.direction === 'flat') continue;
      if (!namesPath(r.phrase, r.path)) continue;
      const change = lastChangeBefore(ctx.narrative, r);
      if (!change) continue;
      const figures = shownDirection(change);
      if (!figures || figures === r.direction) continue;
      const [zhF, enF] = WORD[figures];
      const [zhR, enR] = WORD[r.direction];
      const both = change.base && change.subject;
      const what = both ? `${shown(change.subject!.number)}比 ${shown(change.base!.number)}` : `“${quote(change.text, 50)}”`;
      const whatEn = both ? `${shown(change.subject!.number)} against ${shown(change.base!.number)}` : `“${quote(change.text, 50)}”`;
      const refs = [textRef(r.paragraph, r.start, r.clauseEnd), textRef(change.paragraph, change.word.start, change.word.end)];
      if (change.rate) refs.push(numberRef(change.paragraph, change.rate));
      if (change.subject) refs.push(numberRef(change.subject.paragraph, change.subject.number));
      if (change.base) refs.push(numberRef(change.base.paragraph, change.base.number));
      out.push({
        rule: 'consistency.reason-direction',
        severity: 'warning',
        message: `原因写“${r.phrase}经费${zhR}”，但本项 ${what}${zhF}${change.rate ? ` ${change.rate.text}%` : ''}：原因与数据的增减方向相反（两者至少一处有误）。`,
        messageEn: `The reason says “${r.phrase}” funding ${enR}s, but the item's own figures show a ${enF} (${whatEn}): the reason and the figures point opposite ways (at least one is wrong).`,
        expected: zhF,
        actual: zhR,
        refs,
        // The reason is where a reader sees the contradiction; the arithmetic blames neither.
        anchor: 0,
        suspects: [],
      });
    }
    return out;
  },
};

function lastChangeBefore(statements: readonly { kind: string }[], r: NarrativeReason): NarrativeChange | null {
  let found: NarrativeChange | null = null;
  for (const s of statements) {
    if (s.kind !== 'change') continue;
    const c = s as NarrativeChange;
    if (c.index === r.index && c.word.start < r.start && (!r.path || c.word.start > r.path.end)) found = c;
  }
  return found;
}
