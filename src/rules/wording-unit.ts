/**
 * 金额单位：说明中的金额写全单位（“万元”而非“万”，一种习惯整份文件报一次，列出每一处），且与报表相差一万倍时提示“元”与“万元”混写。
 * Units: narrative amounts carry a full unit (万元, not 万 — one habit, one finding per document with
 * every place as a ref); an amount 10,000 times off the table figure is 元 and 万元 mixed up.
 */
import Decimal from 'decimal.js';
import type { NarrativeAmount } from '../recognize/narrative';
import type { CheckContext, DraftFinding, Rule } from './types';
import { amountRef, halfOf, partsOf, quote, shown, statementsOf, tablesInScope } from './narrative-support';
import { tableFiguresFor } from './narrative-tables';

export const wordingUnit: Rule = {
  id: 'wording.unit',
  family: 'wording',
  title: '说明中的金额单位完整且与报表量级一致（元/万元）',
  titleEn: 'Narrative amounts carry a full unit that matches the tables’ magnitude (元 / 万元)',
  check(ctx) {
    const out: DraftFinding[] = [];
    const bareWan: NarrativeAmount[] = [];
    const parts = partsOf(ctx);
    for (const st of statementsOf(ctx)) {
      const s = st.source;
      if (s.kind !== 'amount') continue;
      try {
        if (s.number.unit === '万') {
          if (!bareWan.some((a) => a.paragraph === s.paragraph && a.number.start === s.number.start)) bareWan.push(s);
          continue;
        }
        if (s.number.wan === null || s.number.value.isZero()) continue;
        // the subject as the statement model read it, in the tables of its own 单位 part
        const { figures } = tableFiguresFor(st.subject.quantity, tablesInScope(ctx.tables, st, parts), ctx.document.kind, ctx.document.year);
        if (figures.length === 0) {
          const f = sameDigitsInWan(s, ctx.narrative);
          if (f) out.push(f);
          continue;
        }
        const wan = s.number.wan;
        const h = halfOf(s.number);
        // read the other way round (万元 as 元, 元 as 万元), does it equal a table figure?
        const other = s.number.unit === '元' ? s.number.value : s.number.value.div(10000);
        const otherHalf = s.number.unit === '元' ? new Decimal(0.005) : h.div(10000);
        const direct = figures.some((f) => f.wan.minus(wan).abs().lte(h.plus(f.half)));
        const swapped = figures.find((f) => f.wan.minus(other).abs().lte(otherHalf.plus(f.half)) && !f.wan.isZero());
        if (direct || !swapped) continue;
        const right = s.number.unit === '元' ? '万元' : '元';
        out.push({
          rule: 'wording.unit',
          severity: 'error',
          message: `说明中“${quote(s.text)}”写“${shown(s.number)}”，${swapped.where} 为 ${swapped.text}${swapped.table.unit ?? ''}：数字相同而单位差一万倍，应为“${s.number.text}${right}”。`,
          messageEn: `The narrative writes ${shown(s.number)}; ${swapped.where} prints ${swapped.text}: the unit should be ${right}.`,
          expected: `${s.number.text}${right}`,
          actual: shown(s.number),
          refs: [amountRef(s), ...swapped.refs],
        });
      } catch {
        /* skip */
      }
    }
    if (bareWan.length) out.unshift(bareWanFinding(bareWan));
    return out;
  },
};

/**
 * “预算收入1682.76万元 … 预算支出1682.76元”: the same digits written 万元 and 元 in one paragraph of a
 * 说明 that counts in 万元 — the 元 is a slip (a figure of 1682.76 元 beside one of 1682.76 万元 is no coincidence).
 */
function sameDigitsInWan(s: NarrativeAmount, narrative: CheckContext['narrative']): DraftFinding | null {
  if (s.number.unit !== '元' || s.number.decimals !== 2 || s.number.value.lt(100)) return null;
  const inWan = narrative.find(
    (o): o is NarrativeAmount => o.kind === 'amount' && o.paragraph === s.paragraph && (o.number.unit === '万元' || o.number.unit === '万') && o.number.text === s.number.text,
  );
  if (!inWan) return null;
  // the paragraph counts in 万元: no other amount in 元
  const others = narrative.filter((o): o is NarrativeAmount => o.kind === 'amount' && o.paragraph === s.paragraph && o !== s && o.number.wan !== null);
  if (others.some((o) => o.number.unit === '元')) return null;
  return {
    rule: 'wording.unit',
    severity: 'warning',
    message: `说明中“${quote(s.text)}”写“${shown(s.number)}”，同段“${shown(inWan.number)}”是同一数字：单位应为“万元”。`,
    messageEn: `The narrative writes ${shown(s.number)} beside ${shown(inWan.number)} in the same paragraph: the unit should be 万元.`,
    expected: `${s.number.text}万元`,
    actual: shown(s.number),
    refs: [amountRef(s), amountRef(inWan)],
  };
}

/** 万 for 万元: one habit of the writer, reported once with every place it is written. */
function bareWanFinding(all: NarrativeAmount[]): DraftFinding {
  const shownAll = [...new Set(all.map((a) => shown(a.number)))];
  const pages = [...new Set(all.map((a) => amountRef(a).page))];
  const first = all[0];
  const many = all.length > 1;
  return {
    rule: 'wording.unit',
    severity: 'warning',
    message: many
      ? `说明中 ${all.length} 处金额单位写作“万”而非“万元”（第 ${pages.join('、')} 页：${shownAll.slice(0, 5).join('、')}${shownAll.length > 5 ? '等' : ''}），应写全“万元”。`
      : `说明中“${quote(first.text)}”：金额“${shown(first.number)}”单位不完整，应写“${first.number.text}万元”。`,
    messageEn: many ? `${all.length} narrative amounts are written with 万 instead of 万元 (pages ${pages.join(', ')}).` : `The amount “${shown(first.number)}” lacks its full unit (万元).`,
    expected: many ? '万元' : `${first.number.text}万元`,
    actual: many ? '万' : shown(first.number),
    refs: all.map(amountRef),
  };
}
