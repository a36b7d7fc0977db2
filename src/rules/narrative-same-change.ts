/**
 * 同一数额两处增减一致：说明中同名、同本年数的科目，两处写的“比上年增加/减少”推出的上年数应相同。
 * One figure, one change: where the narrative states the same item with the same current amount
 * twice (e.g. under 部门经济分类 303 and 政府经济分类 509), both “比上年增加/减少 Δ” must imply the
 * same last-year figure.
 */
import Decimal from 'decimal.js';
import type { NarrativeChange } from '../recognize/narrative';
import type { DraftFinding, Rule } from './types';
import type { Basis } from '../recognize/statement';
import { amountRef, amountValue, identified, numberRef, otherBasis, quote, shown, statementLookup } from './narrative-support';

/** The item's name without numbering, year, codes in brackets or a trailing 支出/费用. */
export function itemName(label: string): string {
  return label
    .replace(/\s+/g, '')
    .replace(/^[（(]?\d{1,2}[)）、.．]|^[一二三四五六七八九十]+、/, '')
    .replace(/^\d{4}年度?/, '')
    .replace(/^本部门(当年)?/, '')
    .replace(/[（(][^）)]*[）)]/g, '')
    // (一般公共预算财政拨款收入 is the 一般公共预算拨款 a 收入 list names: 拨款 is income by itself)
    .replace(/(财政)?拨款收入$/, '拨款')
    .replace(/(支出|费用)$/, '');
}

interface Stated {
  change: NarrativeChange;
  lastYear: Decimal;
  /** What the change is told against (比上年预算 / 比上年执行数), when the text says. */
  against: Basis | null;
}

export const narrativeSameChange: Rule = {
  id: 'narrative.same-change',
  family: 'narrative-arithmetic',
  title: '同一科目、同一本年数的两处增减额推出的上年数相同',
  titleEn: 'The same item with the same current amount implies the same last-year figure wherever its change is stated',
  check(ctx) {
    const groups = new Map<string, Stated[]>();
    const find = statementLookup(ctx);
    for (const s of ctx.narrative) {
      if (s.kind !== 'change' || !s.subject || !s.delta || s.direction === 'flat') continue;
      if (s.subject.number.wan === null || s.delta.wan === null) continue;
      // one item told twice: an identified subject, within one 单位 part (each unit's 说明 tells its
      // own items), the same basis and the same thing it is compared against
      const current = find(s.subject.number);
      const change = find(s.delta);
      if (!current || !change || !identified(current)) continue;
      // a change “按可比口径” has another base than the figure told; a figure inside a reason is no subject
      if (/口径/.test(s.text) || /(主要)?原因(是|为)?[：:]?[^。；;]*$/.test(s.subject.paragraph.text.slice(0, s.subject.number.start))) continue;
      const name = itemName(s.subject.quantity.label);
      if (name.length < 2) continue;
      const amount = amountValue(s.subject.number);
      const delta = amountValue(s.delta);
      const lastYear = s.direction === 'increase' ? amount.minus(delta) : amount.plus(delta);
      const key = `${change.scope.part?.index ?? -1}|${current.basis ?? ''}|${name}|${amount.toString()}`;
      (groups.get(key) ?? groups.set(key, []).get(key)!).push({ change: s, lastYear, against: change.against ?? null });
    }
    const out: DraftFinding[] = [];
    for (const stated of groups.values()) {
      const [first, ...rest] = stated;
      // two changes that took one printed figure for their subject are two things said of one
      // sentence (…增加人员工资…3397.18万元、项目…), not one item told twice
      // (比上年预算 and 比上年执行数 are two bases: two different last-year figures are then right)
      const other = rest.find((s) => !s.lastYear.eq(first.lastYear) && s.change.subject !== first.change.subject && !otherBasis(s.against, first.against));
      if (!other) continue;
      const a = first.change;
      const b = other.change;
      const name = itemName(a.subject!.quantity.label);
      const dec = Math.max(a.delta!.decimals, b.delta!.decimals, a.subject!.number.decimals);
      const diff = first.lastYear.minus(other.lastYear).abs();
      out.push({
        rule: 'narrative.same-change',
        // The two statements are tied by their name and amount, not by a shared code: a guess.
        severity: 'warning',
        message: `说明中两处“${name}”本年均为 ${shown(a.subject!.number)}，但比上年的增减额不同：“${quote(a.text, 40)}”为 ${shown(a.delta!)}（推出上年 ${first.lastYear.toFixed(dec)}），“${quote(b.text, 40)}”为 ${shown(b.delta!)}（推出上年 ${other.lastYear.toFixed(dec)}），相差 ${diff.toFixed(dec)}，至少一处有误。`,
        messageEn: `The narrative states “${name}” twice at ${shown(a.subject!.number)} but with different changes on last year: ${shown(a.delta!)} (last year ${first.lastYear.toFixed(dec)}) and ${shown(b.delta!)} (last year ${other.lastYear.toFixed(dec)}); at least one is wrong.`,
        expected: shown(a.delta!),
        actual: shown(b.delta!),
        difference: diff.toFixed(dec),
        refs: [numberRef(b.paragraph, b.delta!), numberRef(a.paragraph, a.delta!), amountRef(b.subject!), amountRef(a.subject!)],
      });
    }
    return out;
  },
};
