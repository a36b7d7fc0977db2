/**
 * 说明与报表一致：说明中写到的金额（总计、基本支出、人员经费、类款项、“三公”……）等于报表中的同一数字（元↔万元换算，四舍五入内为尾差）。
 * Narrative vs tables: every amount the narrative states for a quantity the tables print (totals,
 * 基本支出, 人员经费, a 类/款/项, “三公” items …) equals the table figure (元 ↔ 万元; rounding: 尾差).
 */
import Decimal from 'decimal.js';
import type { NarrativeChange } from '../recognize/narrative';
import type { DraftFinding, Rule } from './types';
import { amountRef, halfOf, numberRef, partsOf, quote, shown, statementsOf, tablesInScope } from './narrative-support';
import { compareToTable, projectFigures, tableFiguresFor, threePublicLastYear } from './narrative-tables';

export const narrativeVsTable: Rule = {
  id: 'narrative.table',
  family: 'narrative',
  title: '说明中的金额与报表中的同一数字一致',
  titleEn: 'Narrative amounts equal the same figures in the tables',
  check(ctx) {
    const out: DraftFinding[] = [];
    const kind = ctx.document.kind;
    const parts = partsOf(ctx);
    // every 本年数 / 上年数 the text states, with its subject as the statement model read it (a list's
    // items carry their total's basis and fund), compared with the tables of its own 单位 part
    for (const st of statementsOf(ctx)) {
      const s = st.source;
      if (s.kind !== 'amount' || s.aside || s.number.wan === null) continue;
      // performance sections quote the budget under plain words; skip them
      if (/绩效(管理|目标|评价|自评|监控)|纳入[^，。]*绩效/.test(s.text) && !(kind === 'budget' && s.quantity.key === 'project')) continue;
      try {
        const q = st.subject.quantity;
        const scoped = tablesInScope(ctx.tables, st, parts);
        // a project named in the text meets its row of the 项目支出表 (a 预算's figure of this year)
        const { figures, strong, ambiguous } =
          st.subject.kind === 'project' ? (kind === 'budget' && st.measure === 'current' ? { figures: projectFigures(st.subject.name, scoped), strong: false, ambiguous: false } : { figures: [], strong: false, ambiguous: false }) : tableFiguresFor(q, scoped, kind, ctx.document.year);
        if (figures.length === 0) continue;
        const value = s.number.wan;
        const verdicts = figures.map((f) => compareToTable(value, s.number.unit === '元' ? 6 : s.number.decimals, halfOf(s.number), f));
        if (verdicts.includes('equal')) continue;
        if (ambiguous && !verdicts.includes('rounding')) continue;
        const near = figures.find((_, i) => verdicts[i] === 'rounding');
        const sentence = quote(s.text, 50);
        const what = q.label.replace(/\s+/g, '') || '该数';
        if (near) {
          out.push({
            rule: 'narrative.table',
            severity: 'info',
            message: `尾差：说明中“${sentence}”写 ${shown(s.number)}，${near.where} 为 ${near.text}${near.table.unit ?? ''}（折合 ${near.wan.toString()} 万元），差额在四舍五入范围内。`,
            messageEn: `Rounding difference: the narrative says ${shown(s.number)}; ${near.where} prints ${near.text} (${near.wan.toString()} 万元), within rounding.`,
            expected: near.wan.toString(),
            actual: s.number.text,
            difference: value.minus(near.wan).toString(),
            refs: [amountRef(s), ...near.refs],
          });
          continue;
        }
        // 末位取舍: the table's 元 cut (not rounded) to the text's places (877,080.00元 → 87.70万元)
        const cut = s.number.unit !== '元' ? figures.find((x) => x.half.isZero() && x.wan.toDecimalPlaces(s.number.decimals, Decimal.ROUND_DOWN).eq(value)) : undefined;
        if (cut) {
          out.push({
            rule: 'narrative.table',
            severity: 'info',
            message: `末位取舍：说明中“${sentence}”写 ${shown(s.number)}，${cut.where} 为 ${cut.text}${cut.table.unit ?? ''}（折合 ${cut.wan.toString()} 万元），截去末位得 ${shown(s.number)}，四舍五入应为 ${cut.wan.toFixed(s.number.decimals)}。`,
            messageEn: `Last digit: the narrative says ${shown(s.number)}; ${cut.where} prints ${cut.text} (${cut.wan.toString()} 万元), cut rather than rounded (rounded: ${cut.wan.toFixed(s.number.decimals)}).`,
            expected: cut.wan.toFixed(s.number.decimals),
            actual: s.number.text,
            difference: value.minus(cut.wan).toString(),
            refs: [amountRef(s), ...cut.refs],
          });
          continue;
        }
        const f = figures[0];
        const magnitude = !value.isZero() && !f.wan.isZero() && (value.times(10000).minus(f.wan).abs().lte(f.half.plus(halfOf(s.number).times(10000))) || value.div(10000).minus(f.wan).abs().lte(f.half.plus(0.0001)));
        const values = [...new Set(figures.map((x) => x.wan.toString()))];
        out.push({
          rule: 'narrative.table',
          severity: strong ? 'error' : 'warning',
          message: `说明中“${sentence}”：${what} ${shown(s.number)}，而${figures
            .slice(0, 3)
            .map((x) => `${x.where} 为 ${x.text}${x.table.unit ?? ''}`)
            .join('，')}${values.length === 1 ? `（折合 ${values[0]} 万元）` : ''}，相差 ${value.minus(f.wan).toString()} 万元${magnitude ? '（相差一万倍，疑为“元”与“万元”混写）' : ''}。`,
          messageEn: `The narrative states ${shown(s.number)} for ${what}, but ${figures
            .slice(0, 3)
            .map((x) => `${x.where} prints ${x.text}`)
            .join('; ')} (${f.wan.toString()} 万元); difference ${value.minus(f.wan).toString()} 万元${magnitude ? ' (a factor of 10,000: 元 and 万元 mixed up?)' : ''}.`,
          expected: f.wan.toString(),
          actual: s.number.text,
          difference: value.minus(f.wan).toString(),
          refs: [amountRef(s), ...figures.slice(0, 3).flatMap((x) => x.refs)],
        });
      } catch {
        /* skip what cannot be read */
      }
    }
    out.push(...changesVsLastYear(ctx));
    return out;
  },
};

/**
 * “公务用车购置及运行费0.00万元，比上年减少18.78万元，下降100.00%”: a 预算's “三公” table prints last
 * year's row too, so the amount of change is this year's figure less that row (on a figure now 0 the
 * rate is 100% whatever the amount, so only the table can check it).
 */
function changesVsLastYear(ctx: Parameters<Rule['check']>[0]): DraftFinding[] {
  const out: DraftFinding[] = [];
  if (ctx.document.kind !== 'budget') return out;
  const parts = partsOf(ctx);
  for (const st of statementsOf(ctx)) {
    if (st.measure !== 'change' || st.source.kind !== 'change') continue;
    const c: NarrativeChange = st.source;
    const cur = c.subject;
    if (!cur || !c.delta || c.delta.wan === null || cur.number.wan === null || c.base || c.direction === 'flat') continue;
    if (cur.quantity.role !== 'plain' && cur.quantity.role !== 'budget') continue;
    try {
      const [last] = threePublicLastYear(tablesInScope(ctx.tables, st, parts), st.subject.quantity.key, ctx.document.year);
      if (!last) continue;
      const implied = c.direction === 'increase' ? cur.number.wan.minus(c.delta.wan) : cur.number.wan.plus(c.delta.wan);
      const slack = halfOf(cur.number).plus(halfOf(c.delta)).plus(last.half);
      if (implied.minus(last.wan).abs().lte(slack)) continue;
      const delta = cur.number.wan.minus(last.wan);
      out.push({
        rule: 'narrative.table',
        severity: 'warning',
        message: `说明中“${quote(c.text, 50)}”：本年 ${shown(cur.number)}，${last.where} 为 ${last.text}${last.table.unit ?? ''}（折合 ${last.wan.toString()} 万元），比上年${delta.isNegative() ? '减少' : '增加'} ${delta.abs().toString()} 万元，文中写${c.word.text} ${shown(c.delta)}。`,
        messageEn: `The narrative says ${shown(cur.number)} this year, ${c.word.text} ${shown(c.delta)} on last year; ${last.where} prints last year ${last.text} (${last.wan.toString()} 万元), a change of ${delta.toString()} 万元.`,
        expected: delta.abs().toString(),
        actual: c.delta.text,
        difference: implied.minus(last.wan).toString(),
        refs: [numberRef(c.paragraph, c.delta), amountRef(cur), ...last.refs],
      });
    } catch {
      /* skip what cannot be read */
    }
  }
  return out;
}
