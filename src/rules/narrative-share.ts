/**
 * 占比：说明中“A x万元，占y%”的 y 等于 x ÷ 总数（四舍五入区间内为尾差）。
 * Shares: a narrative “A x万元，占y%” states y = x ÷ whole (within the rounding interval: 尾差).
 * The whole is the list total the part belongs to, the total the text names (占本年支出合计的…),
 * or — when none is printed — the sum of the parts told together.
 */
import Decimal from 'decimal.js';
import type { NarrativeAmount, NarrativeShare } from '../recognize/narrative';
import type { QuantityKey } from '../recognize/narrative-quantity';
import type { DraftFinding, Rule, CheckContext } from './types';
import { halfUnit } from '../recognize/reading/precision';
import { amountRef, amountValue, asLastDigit, asPrinted, halfOf, identified, judgePercent, lastDigitNote, numberRef, otherBasis, pct, percentInterval, quote, samePart, sameScope, sameSentence, shown, statementLookup, pctExact, pctInterval } from './narrative-support';

function check(share: NarrativeShare, whole: { value: Decimal; half: Decimal; text: string; amount: NarrativeAmount | null; parts?: NarrativeShare[] }, pressed = false): DraftFinding | null {
  const part = share.part.number;
  const pv = amountValue(part);
  if (whole.value.isZero()) return null;
  const exact = pv.div(whole.value).times(100);
  const interval = percentInterval(pv, halfOf(part), whole.value, whole.half);
  if (!interval) return null;
  const verdict = judgePercent(exact, interval, share.percent);
  if (verdict === 'equal') return null;
  const d = share.percent.decimals;
  const sentence = quote(share.text);
  const arithmetic = `${part.text} ÷ ${whole.text} = ${pctExact(exact, d, Math.max(d, 2) + 2)}`;
  const refs = [numberRef(share.paragraph, share.percent), amountRef(share.part)];
  if (whole.amount) refs.push(amountRef(whole.amount));
  for (const p of whole.parts ?? []) if (p !== share) refs.push(amountRef(p.part));
  if (verdict === 'rounding') {
    return {
      rule: 'narrative.share',
      severity: 'info',
      message: `尾差：说明中“${sentence}”：${arithmetic}，写作 ${shown(share.percent)}，在分子、分母四舍五入区间 ${pctInterval(interval, d)} 内。`,
      messageEn: `Rounding difference: narrative share ${part.text} ÷ ${whole.text} = ${pctExact(exact, d)}, printed ${shown(share.percent)}; within the interval ${pctInterval(interval, d)} implied by rounding.`,
      expected: pct(exact, d),
      actual: shown(share.percent),
      difference: pct(share.percent.value.minus(exact), d + 2),
      refs,
    };
  }
  return asLastDigit({
    rule: 'narrative.share',
    severity: 'error',
    message: `说明中“${sentence}”：${arithmetic}，应为 ${pct(exact, d)}，文中写 ${shown(share.percent)}（超出四舍五入区间 ${pctInterval(interval, d)}）。`,
    messageEn: `Narrative share: ${part.text} ÷ ${whole.text} = ${pctExact(exact, d)}, so ${pct(exact, d)}; the text says ${shown(share.percent)} (outside the rounding interval).`,
    expected: pct(exact, d),
    actual: shown(share.percent),
    difference: pct(share.percent.value.minus(exact), d),
    refs,
  }, lastDigitNote(exact, share.percent, pressed));
}

export const narrativeShare: Rule = {
  id: 'narrative.share',
  family: 'narrative-arithmetic',
  title: '说明中“占x%”等于部分 ÷ 总数',
  titleEn: 'A narrative “占x%” equals part ÷ whole',
  check(ctx) {
    const out: DraftFinding[] = [];
    const shares = ctx.narrative.filter((s): s is NarrativeShare => s.kind === 'share');
    const groups = new Map<number, NarrativeShare[]>();
    for (const s of shares) groups.set(s.group, [...(groups.get(s.group) ?? []), s]);
    // a group whose printed shares add up to exactly 100 % (the author pressed them to it)
    const pressed = new Set<number>();
    for (const [g, list] of groups) {
      if (list.length >= 2 && percentSum(list).sum.eq(100)) pressed.add(g);
    }
    const find = statementLookup(ctx);
    // shares already found wrong on their own: a sum over them would say it again
    const flagged = new Set<NarrativeShare>();
    for (const s of shares) {
      try {
        if (s.part.number.wan === null && s.part.number.unit !== 'count') continue;
        const part = find(s.part.number);
        if (!part) continue;
        if (s.whole) {
          if (s.whole === s.part || !sameKind(s.whole, s.part)) continue;
          // the whole's statement: of the part's 单位 part and basis; told in another sentence, an
          // identified total of the same section (the model's word, not the nearest figure)
          const whole = find(s.whole.number);
          if (!whole || !samePart(part, whole) || otherBasis(part.basis, whole.basis)) continue;
          // (this year's part of last year's whole, or the other way round, is no share)
          if ((part.measure === 'last-year') !== (whole.measure === 'last-year')) continue;
          // (a whole the text names — 占本年支出合计的 — is the part's total wherever it is told in the part)
          if (!sameSentence(part, whole) && (!identified(whole) || (!s.wholeLabel && !sameScope(part, whole)))) continue;
          // a whole printed in another money unit than its part (1682.76元 vs 1208.20万元) is a unit
          // slip the list rule reports once; the share is not judged on it
          if (s.whole.number.wan !== null && s.part.number.wan !== null && (s.whole.number.unit === '元') !== (s.part.number.unit === '元')) continue;
          const f = check(s, { value: amountValue(s.whole.number), half: halfOf(s.whole.number), text: s.whole.number.text, amount: s.whole }, pressed.has(s.group));
          if (f) out.push(f);
          if (f && f.severity !== 'info') flagged.add(s);
          continue;
        }
        // no whole printed: the parts told together are the whole (they should add to 100%) — also
        // when the text names a whole it does not print, if the printed shares add up to 100 % within
        // their rounding (货物、工程和服务…分别为a、b和c，占全国政府采购规模的x%、y%和z%)
        const group = (groups.get(s.group) ?? []).filter((g) => !g.whole && (!g.wholeLabel || g.wholeLabel === s.wholeLabel));
        if (group.length < 2) continue;
        if (s.wholeLabel) {
          const { sum, slack } = percentSum(group);
          if (sum.minus(100).abs().gt(slack)) continue;
        }
        // the parts told together are the whole only when no other figure of this year stands among
        // them (A a，占x%；B b；C c，占z%: without B's share, a + c is not the whole)
        if (interloper(group, ctx.narrative)) continue;
        // the parts told together: one 单位 part, one basis
        const members = group.map((g) => find(g.part.number));
        if (members.some((m) => !m || !samePart(m, part) || otherBasis(m.basis, part.basis))) continue;
        const total = partsSum(group, s.part.number);
        const f = check(s, { value: total.value, half: total.half, text: `${total.shown}（${group.map((g) => g.part.number.text).join(' + ')}）`, amount: null, parts: group }, pressed.has(s.group));
        if (f) out.push(f);
      } catch {
        /* a statement that cannot be read is skipped */
      }
    }
    out.push(...overWhole(shares, find));
    const lists = new Map<number, NarrativeShare[]>();
    for (const s of shares) if (s.pairedList !== undefined) lists.set(s.pairedList, [...(lists.get(s.pairedList) ?? []), s]);
    for (const list of lists.values()) {
      if (!list.some((s) => flagged.has(s))) out.push(...partition(list, find));
    }
    return out;
  },
};

/** A figure of this year among the parts of a share list (from its first part to its last) that is none of them. */
function interloper(group: NarrativeShare[], narrative: CheckContext['narrative']): boolean {
  const at = (a: NarrativeAmount) => a.index * 1e6 + a.number.start;
  const parts = new Set(group.map((g) => g.part));
  const from = Math.min(...group.map((g) => at(g.part)));
  const to = Math.max(...group.map((g) => at(g.part)));
  return narrative.some((s) => s.kind === 'amount' && !parts.has(s) && !s.aside && s.number.wan !== null && s.quantity.role !== 'last-year' && at(s) > from && at(s) < to);
}

/** Parts that never overlap, by definition: shares of one whole among them add up to 100 % at most. */
const DISJOINT: QuantityKey[][] = [
  ['basic', 'project'],
  ['personnel', 'public'],
  ['abroad', 'vehicle', 'reception'],
  ['vehicle-purchase', 'vehicle-operation'],
];

/**
 * Shares of one whole the text names but does not print, told of parts that cannot overlap (基本支出
 * 占一般公共预算支出的84.06%，项目支出占一般公共预算支出的19.62%): above 100 % beyond their rounding,
 * one of them is wrong — which one, the text cannot tell.
 */
function overWhole(shares: NarrativeShare[], find: ReturnType<typeof statementLookup>): DraftFinding[] {
  const out: DraftFinding[] = [];
  const byWhole = new Map<string, NarrativeShare[]>();
  for (const s of shares) {
    if (s.whole || !s.wholeLabel || s.part.quantity.role === 'last-year') continue;
    const label = s.wholeLabel.replace(/\s+/g, '');
    byWhole.set(label, [...(byWhole.get(label) ?? []), s]);
  }
  for (const list of byWhole.values()) {
    for (const family of DISJOINT) {
      const members = list.filter((s) => family.includes(s.part.quantity.key));
      const keys = new Set(members.map((s) => s.part.quantity.key));
      // (each part once: one told twice with two percents is another question)
      if (keys.size < 2 || keys.size !== members.length) continue;
      const statements = members.map((s) => find(s.part.number));
      if (statements.some((m) => !m || !samePart(m, statements[0]!) || otherBasis(m.basis, statements[0]!.basis))) continue;
      const { sum, slack } = percentSum(members);
      if (sum.minus(100).lte(slack)) continue;
      const d = Math.max(...members.map((s) => s.percent.decimals));
      const terms = members.map((s) => `${labelOf(s)} ${shown(s.percent)}`).join(' + ');
      out.push({
        rule: 'narrative.share',
        severity: 'error',
        message: `说明中各部分占“${list[0].wholeLabel}”的比重相加超过 100%：${terms} = ${pct(sum, d)}（这些部分互不重叠，至多 100%，四舍五入至多多出 ${pct(slack, d)}），其中至少一个比重有误。`,
        messageEn: `Shares of “${list[0].wholeLabel}” told for parts that cannot overlap add up to ${pct(sum, d)} (${members.map((s) => shown(s.percent)).join(' + ')}), more than 100 % beyond rounding: at least one of them is wrong.`,
        expected: '≤ 100%',
        actual: pct(sum, d),
        difference: pct(sum.minus(100), d),
        refs: members.flatMap((s) => [numberRef(s.paragraph, s.percent), amountRef(s.part)]),
      });
    }
  }
  return out;
}

/**
 * Shares paired with one list of parts, of one printed whole the parts add up to (货物、工程、服务…分别为0.72、0.02和0.59亿元，
 * 占全市政府采购规模（1.32亿元）比例为54.54%、1.51%和44.69%): the parts are the whole's make-up, so their
 * shares add to 100 % within their rounding. Each share may pass on its own (0.72 ÷ 1.32 within the
 * rounding of both) while the set cannot be true — shares worked out from rounded parts.
 */
function partition(list: NarrativeShare[], find: ReturnType<typeof statementLookup>): DraftFinding[] {
  const whole = list[0].whole;
  if (list.length < 2 || !whole || whole.number.wan === null || amountValue(whole.number).isZero()) return [];
  if (list.some((s) => s.whole !== whole || s.part === whole || s.percentMissing || s.part.number.wan === null)) return [];
  if (new Set(list.map((s) => s.part)).size !== list.length) return [];
  const w = find(whole.number);
  const parts = list.map((s) => find(s.part.number));
  if (!w || parts.some((m) => !m || !samePart(m, w) || otherBasis(m.basis, w.basis) || (m.measure === 'last-year') !== (w.measure === 'last-year'))) return [];
  const total = partsSum(list, whole.number);
  if (total.value.minus(amountValue(whole.number)).abs().gt(total.half.plus(halfOf(whole.number)))) return [];
  const { sum, slack } = percentSum(list);
  if (sum.minus(100).abs().lte(slack)) return [];
  const d = Math.max(...list.map((s) => s.percent.decimals));
  const partsText = list.map((s) => s.part.number.text).join(' + ');
  const sharesText = list.map((s) => shown(s.percent)).join(' + ');
  return [{
    rule: 'narrative.share',
    severity: 'error',
    message: `说明中“${quote(list[0].text)}”：各部分 ${partsText} = ${total.shown}，与总数 ${whole.number.text} 之差在四舍五入范围内，是总数的全部构成，其占比之和应为 100%；文中 ${sharesText} = ${pct(sum, d)}（各占比四舍五入至多相差 ${pct(slack, d + 1)}），其中至少一个比重有误。`,
    messageEn: `Narrative shares of one whole: the parts ${partsText} = ${total.shown} make up the whole ${whole.number.text} (equal to it within rounding), so their shares add to 100 %; the text's add to ${sharesText} = ${pct(sum, d)} (rounding allows ${pct(slack, d + 1)}): at least one share is wrong.`,
    expected: '100%',
    actual: pct(sum, d),
    difference: pct(sum.minus(100), d),
    refs: [...list.flatMap((s) => [numberRef(s.paragraph, s.percent), amountRef(s.part)]), amountRef(whole)],
  }];
}

/** The printed percents of shares added up, and how far their rounding lets that sum stray. */
function percentSum(list: NarrativeShare[]): { sum: Decimal; slack: Decimal } {
  return {
    sum: list.reduce((t, s) => t.plus(s.percent.value), new Decimal(0)),
    slack: list.reduce((t, s) => t.plus(halfUnit(s.percent.decimals)), new Decimal(0)),
  };
}

/** The shares' parts added up (in 万元), their rounding, and the sum as printed — in the unit of `like` when every part has it (亿元 parts, a sum in 亿元). */
function partsSum(list: NarrativeShare[], like: NarrativeShare['part']['number']): { value: Decimal; half: Decimal; shown: string } {
  const value = list.reduce((t, s) => t.plus(amountValue(s.part.number)), new Decimal(0));
  const half = list.reduce((t, s) => t.plus(halfOf(s.part.number)), new Decimal(0));
  const places = Math.max(...list.map((s) => s.part.number.decimals));
  const oneUnit = list.every((s) => s.part.number.unit === like.unit);
  return { value, half, shown: oneUnit ? asPrinted(like, value).toFixed(places) : `${value.toFixed(places)}万元` };
}

function labelOf(s: NarrativeShare): string {
  return s.part.quantity.label.replace(/^[\s\d.．、（()）一二三四五六七八九十]+/, '').replace(/(预算|决算)?(数)?(为|是)?[\s：:，,]*$/, '').trim() || s.part.number.text;
}

function sameKind(a: NarrativeAmount, b: NarrativeAmount): boolean {
  return (a.number.wan !== null) === (b.number.wan !== null);
}
