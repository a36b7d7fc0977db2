/**
 * 列举之和：说明中“总数X，其中：A a，B b…”的各项之和等于 X（四舍五入区间内为尾差）。
 * Component lists: in “X, 其中：A a, B b …” the items never exceed X; a list that claims to be complete
 * (分别为, 包括A、B和C, a closing 合计, a breakdown by 科目 code) adds up to X (rounding: 尾差).
 * More than the total is an error; less, in a complete list, a warning.
 */
import Decimal from 'decimal.js';
import type { NarrativeAmount, NarrativeComponents, NarrativeStatement } from '../recognize/narrative';
import type { DraftFinding, Rule } from './types';
import { amountRef, amountValue, asPrinted, halfOf, quote } from './narrative-support';
import { joinTerms } from '../recognize/reading/support';
import type { RecognizedTable } from '../recognize/tables';
import { codedListRows } from './narrative-tables';

function finding(list: NarrativeComponents, tables: RecognizedTable[] = []): DraftFinding | null {
  const total = list.total.number;
  const items = list.items;
  if (items.length === 0) return null;
  // “预算支出1682.76元，其中基本支出1208.20万元，项目支出474.56万元”: the figures agree as printed,
  // the total's unit is the slip — one finding on the unit, not a sum a ten-thousandfold off
  // 万 and 万元 are one unit
  const unitOf = (u: string) => (u === '万' ? '万元' : u);
  const units = new Set(items.map((a) => unitOf(a.number.unit)));
  if (total.wan !== null && units.size === 1 && !units.has(unitOf(total.unit)) && items.every((a) => a.number.wan !== null)) {
    const printed = items.reduce((t, a) => t.plus(a.number.value), new Decimal(0));
    const tol = items.reduce((t, a) => t.plus(halfOf(a.number)), halfOf(total));
    if (printed.minus(total.value).abs().lte(tol)) {
      const itemUnit = items[0].number.unitText;
      // one item against its total (其中:基本支出252.5元 under 252.5万元): either unit may be the slip
      if (items.length === 1) {
        const item = items[0].number;
        return {
          rule: 'narrative.components',
          severity: 'error',
          message: `说明中“${quote(list.text, 50)}”：总数写 ${total.text}${total.unitText}，其中一项写 ${item.text}${item.unitText}，数字相符而单位不同，两处单位必有一处有误。`,
          messageEn: `The total is printed as ${total.text}${total.unitText} and its one item as ${item.text}${item.unitText}: the digits agree but the units differ, so one of the two units is wrong.`,
          expected: `${total.text}${item.unitText}（或 ${item.text}${total.unitText}）`,
          actual: `${total.text}${total.unitText}`,
          refs: [amountRef(list.total), amountRef(items[0])],
        };
      }
      return {
        rule: 'narrative.components',
        severity: 'error',
        message: `说明中“${quote(list.text, 50)}”：总数写 ${total.text}${total.unitText}，各项写“${itemUnit}”，按数字 ${joinTerms(items.map((a) => a.number.text))} = ${printed.toString()} 与总数相符，总数的单位应为“${itemUnit}”。`,
        messageEn: `The total is printed as ${total.text}${total.unitText} but its items in ${itemUnit}; the digits agree, so the total's unit should be ${itemUnit}.`,
        expected: `${total.text}${itemUnit}`,
        actual: `${total.text}${total.unitText}`,
        refs: [amountRef(list.total), ...items.map(amountRef)],
      };
    }
  }
  const sum = items.reduce((s, a) => s.plus(amountValue(a.number)), new Decimal(0));
  const tv = amountValue(total);
  const diff = sum.minus(tv);
  if (diff.isZero()) return null;
  const decimals = Math.max(total.decimals, ...items.map((a) => a.number.decimals));
  const tolerance = items.reduce((t, a) => t.plus(halfOf(a.number)), halfOf(total));
  const unit = total.unitText;
  const terms = joinTerms(items.map((a) => a.number.text));
  const sentence = quote(list.text, 50);
  const refs = [amountRef(list.total), ...items.map(amountRef)];
  // sums are kept in 万元; shown in the total's own unit (亿元 / 元 as printed)
  const show = (v: Decimal) => asPrinted(total, v).toFixed(decimals);
  if (diff.abs().lte(tolerance)) {
    return {
      rule: 'narrative.components',
      severity: 'info',
      message: `尾差：说明中“${sentence}”：${terms} = ${show(sum)}，与总数 ${total.text}${unit} 差 ${show(diff.abs())}，在 ${items.length} 项四舍五入容差 ${asPrinted(total, tolerance).toString()} 内。`,
      messageEn: `Rounding difference: the listed items ${terms} = ${show(sum)} differ from the total ${total.text} by ${show(diff.abs())}, within the tolerance ${asPrinted(total, tolerance).toString()} of ${items.length} rounded items.`,
      expected: total.text,
      actual: show(sum),
      difference: show(diff),
      refs,
    };
  }
  const over = diff.gt(0);
  // “收入总计为457.8161万元，其中：…5.上年结转和结余5.9219万元”: without the carry-over the items are the
  // total — the figure is this year's income under the name of the 收入总计 (or a carry-over listed
  // in the wrong total): the names, not the sums, disagree
  const carried = over ? items.filter((a) => a.quantity.key === 'carry-over' || /(上年|年初)结转(和结余|结余)?(资金|收入)?(预算)?(数|为|是)*\s*$/.test(a.quantity.label)) : [];
  if (carried.length === 1 && items.length >= 2) {
    const rest = sum.minus(amountValue(carried[0].number));
    const restTolerance = tolerance.minus(halfOf(carried[0].number));
    if (rest.minus(tv).abs().lte(restTolerance)) {
      const restTerms = joinTerms(items.filter((a) => a !== carried[0]).map((a) => a.number.text));
      return {
        rule: 'narrative.components',
        severity: 'warning',
        message: `说明中“${sentence}”：${list.opener.text.replace(/[：:，,]$/, '')}各项 ${terms} = ${show(sum)}${unit}，大于总数 ${total.text}${unit}；除去上年结转 ${carried[0].number.text}，${restTerms} = ${show(rest)} 与总数相符：总数不含上年结转，却把它列在其中（或总数的名称有误）。`,
        messageEn: `Narrative list: the items ${terms} = ${show(sum)} exceed ${total.text}; without the carry-over ${carried[0].number.text} they add up to it (${show(rest)}): the total leaves the carry-over out yet lists it among its parts (or the total is misnamed).`,
        expected: show(sum),
        actual: total.text,
        difference: show(diff),
        refs,
      };
    }
  }
  // a list that does not claim to be complete (其中, 主要用于, …等) may leave items out: only a sum
  // above the total is wrong — save a coded list whose table prints no other 科目 of its level
  let leftOut: ReturnType<typeof codedListRows> = null;
  if (!over && !list.complete) {
    if (!list.coded || total.wan === null || items.some((a) => a.number.wan === null)) return null;
    leftOut = codedListRows(
      items.map((a) => a.quantity.codes[0] ?? ''),
      total.wan,
      halfOf(total),
      tables,
    );
    if (!leftOut) return null;
    if (leftOut.unlisted.length > 0) {
      // the 科目 the list leaves out make up the difference: the text names part of them, its figures stand
      const rest = leftOut.unlisted.reduce((t, f) => t.plus(f.wan), new Decimal(0));
      const slack = leftOut.unlisted.reduce((t, f) => t.plus(f.half), tolerance);
      if (rest.plus(diff).abs().gt(slack)) return null;
      const named = leftOut.unlisted.slice(0, 4).map((f) => `${f.where} ${f.text}`).join('、');
      return {
        rule: 'narrative.components',
        severity: 'info',
        message: `说明中“${sentence}”：${list.opener.text.replace(/[：:，,]$/, '')}所列科目 ${terms} = ${show(sum)}${unit}，比总数 ${total.text}${unit} 少 ${show(diff.abs())}，恰为表中未列入的 ${named}${leftOut.unlisted.length > 4 ? ' 等' : ''}：说明只列了部分科目，数字无误。`,
        messageEn: `Narrative list: the coded items ${terms} = ${show(sum)} fall ${show(diff.abs())} short of ${total.text}; the 科目 the table prints and the list leaves out make up exactly that (${leftOut.unlisted.map((f) => f.text).join(', ')}): a partial list, its figures agree.`,
        expected: total.text,
        actual: show(sum),
        difference: show(diff),
        refs: [...refs, ...leftOut.unlisted.flatMap((f) => f.refs)],
      };
    }
  }
  return {
    rule: 'narrative.components',
    severity: over ? 'error' : 'warning',
    message: over
      ? `说明中“${sentence}”：${list.opener.text.replace(/[：:，,]$/, '')}各项 ${terms} = ${show(sum)}${unit}，大于总数 ${total.text}${unit}（多 ${show(diff)}）。`
      : leftOut
        ? `说明中“${sentence}”：${list.opener.text.replace(/[：:，,]$/, '')}所列科目 ${terms} = ${show(sum)}${unit}，比总数 ${total.text}${unit} 少 ${show(diff.abs())}；${leftOut.total.where}为 ${leftOut.total.text}，表中同级科目说明都已列出，可见有数字有误。`
        : `说明中“${sentence}”：${list.opener.text.replace(/[：:，,]$/, '')}各项 ${terms} = ${show(sum)}${unit}，比总数 ${total.text}${unit} 少 ${show(diff.abs())}（列举不全或数字有误）。`,
    messageEn: over
      ? `Narrative list: the items ${terms} = ${show(sum)} exceed the stated total ${total.text} by ${show(diff)}.`
      : leftOut
        ? `Narrative list: the coded items ${terms} = ${show(sum)} fall ${show(diff.abs())} short of ${total.text}; ${leftOut.total.where} prints ${leftOut.total.text} and no 科目 of that level the list leaves out, so a figure is wrong.`
        : `Narrative list: the items ${terms} = ${show(sum)} fall ${show(diff.abs())} short of the stated total ${total.text} (an item left out, or a wrong figure).`,
    expected: total.text,
    actual: show(sum),
    difference: show(diff),
    refs: leftOut ? [...refs, ...leftOut.total.refs] : refs,
  };
}

export const narrativeComponents: Rule = {
  id: 'narrative.components',
  family: 'narrative-arithmetic',
  title: '说明中“其中”各项之和等于总数',
  titleEn: 'Items listed after 其中 add up to the stated total',
  check(ctx) {
    const out: DraftFinding[] = [];
    for (const s of ctx.narrative) {
      if (s.kind !== 'components') continue;
      if (s.closing && s.closing.number.wan !== null && s.total.number.wan !== null && !s.closing.number.wan.eq(s.total.number.wan)) {
        // “…，合计X”: the items add up to the closing 合计; the head is checked through it
        try {
          const f = finding({ ...s, total: s.closing }, ctx.tables);
          if (f) out.push(f);
        } catch {
          /* skip */
        }
      }
      try {
        const f = finding(s, ctx.tables);
        if (f) out.push(f.severity === 'info' ? f : withOuterList(f, s, ctx.narrative));
      } catch {
        /* skip */
      }
    }
    return out;
  },
};

/**
 * A bracketed list whose total is itself an item of the sentence's list (13459平方米，其中地上8013
 * （其中计容7998，不计容105），地下5356): when the outer list adds up with the inner items' sum in
 * place of the inner total (7998 + 105 + 5356 = 13459) and not with the total as printed, the inner
 * total is the wrong figure — the finding says so, names it, and shows the outer figures too.
 */
function withOuterList(f: DraftFinding, inner: NarrativeComponents, narrative: NarrativeStatement[]): DraftFinding {
  const head = inner.total;
  if (!inner.items.every((i) => i.aside) || head.aside) return f;
  const unit = head.number.unitText;
  const text = head.paragraph.text;
  const same = narrative.filter((a): a is NarrativeAmount => a.kind === 'amount' && a.paragraph === head.paragraph && a.text === head.text && !a.aside && a.number.unitText === unit);
  const lastItem = Math.max(...inner.items.map((i) => i.number.end));
  // the outer total: the figure just before, with 其中/包括 between it and the inner total
  const outer = same.filter((a) => a.number.end <= head.number.start).pop();
  if (!outer || !/其中|包括|分别为/.test(text.slice(outer.number.end, head.number.start))) return f;
  const rest = same.filter((a) => a.number.start > lastItem);
  if (rest.length === 0) return f;
  const innerSum = inner.items.reduce((t, a) => t.plus(amountValue(a.number)), new Decimal(0));
  const others = rest.reduce((t, a) => t.plus(amountValue(a.number)), new Decimal(0));
  const tolerance = [...inner.items, ...rest].reduce((t, a) => t.plus(halfOf(a.number)), halfOf(outer.number));
  const total = amountValue(outer.number);
  const fits = (v: Decimal) => v.plus(others).minus(total).abs().lte(tolerance);
  if (!fits(innerSum) || fits(amountValue(head.number))) return f;
  const terms = joinTerms([innerSum.toString(), ...rest.map((a) => a.number.text)]);
  const printed = joinTerms([head.number.text, ...rest.map((a) => a.number.text)]);
  const asPrinted = amountValue(head.number).plus(others);
  return {
    ...f,
    message: `${f.message}而外层 ${terms} = ${total.toString()}${unit} 与总数 ${outer.number.text}${unit} 相符（按所写 ${printed} = ${asPrinted.toString()}），可见 ${head.number.text} 有误，应为 ${innerSum.toString()}。`,
    messageEn: `${f.messageEn} The outer list adds up with the inner sum: ${terms} = ${outer.number.text} (as printed, ${printed} = ${asPrinted.toString()}), so ${head.number.text} is the wrong figure (${innerSum.toString()}).`,
    refs: [...f.refs, ...rest.map(amountRef), amountRef(outer)],
    suspects: [0],
  };
}
