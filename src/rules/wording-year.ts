/**
 * 年度一致：表名与标题中的年度应为报告年度；“截至（截止）某年”的日期应与报告年度相符（决算为当年末，预算为上年末）。
 * 与上年比较或引用别年数字的句子（与2024年预算持平、比上年、2024年执行数）中的别年是对的，不报。
 * Year: every table title and heading carries the report's year; a 截至/截止 date fits the report
 * (a 决算: the report year's end; a 预算: the end of the year before). A year in a sentence that
 * compares with or cites another year (与2024年预算持平, 较2024年, 2024年执行数) is right as written.
 */
import type { DraftFinding, Rule } from './types';
import { quote, textRef } from './narrative-support';

const TITLE_YEAR = /(20\d{2})\s*年度?\s*(?:[\u4e00-\u9fff（）()“”]{0,30})(预算|决算)/;
const AS_OF = /截[至止]\s*(20\d{2})\s*年/g;
const HEADING_YEAR = /(20\d{2})\s*年度?\s*(部门|单位)?(综合)?(预算|决算)/g;

/**
 * The year at [start, end) (its digits) names another year on purpose: a comparison (与/比/较/同/对比 2024年…,
 * …相比, 持平, 增减) or a figure of that year (2024年执行数, 2024年决算数, 2024年预算数).
 */
export function citesAnotherYear(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 6), start).replace(/\s+/g, '');
  const after = text.slice(end, end + 16).replace(/\s+/g, '');
  if (/(与|比|较|同|和|跟|对比|相比|相较|低于|高于|超过|少于|多于|上年|去年|以前|往年)[^，。；]{0,3}$/.test(before)) return true;
  if (/^年?度?(部门|单位)?(综合)?(财政拨款)?(预算|决算)?(数|执行|完成|实际|同期|相比|比较|持平|结转|结余|末|底)/.test(after)) return true;
  return false;
}

/** A heading: a short line that is not a sentence (no clause punctuation, no amounts). */
function isHeading(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return t.length <= 50 && !/[，。；,;]/.test(t) && !/\d\s*(万元|元|亿元|%|％)/.test(t);
}

export const wordingYear: Rule = {
  id: 'wording.year',
  family: 'wording',
  title: '表名、标题和截至日期的年度与报告年度一致',
  titleEn: 'Table titles, headings and 截至 dates carry the report year',
  check(ctx) {
    const year = ctx.document.year;
    if (!year) return [];
    const out: DraftFinding[] = [];
    const kindProven = /(预算|决算)/.test(ctx.document.title) && ctx.document.kind !== 'unknown';
    for (const rt of ctx.tables) {
      try {
        const title = rt.table.title ?? '';
        const m = TITLE_YEAR.exec(title.replace(/\s+/g, ''));
        if (!m || Number(m[1]) === year) continue;
        if (/上年|以前年度|结转|执行|对比|比较/.test(title) || citesAnotherYear(title.replace(/\s+/g, ''), m.index, m.index + 4)) continue;
        const cell = rt.table.rows.flat().find((c) => c);
        out.push({
          rule: 'wording.year',
          severity: 'error',
          message: `表“${title}”标题年度为 ${m[1]} 年，报告年度为 ${year} 年。`,
          messageEn: `Table “${title}” is titled for ${m[1]}; the report is for ${year}.`,
          expected: String(year),
          actual: m[1],
          refs: [{ page: rt.table.pages[0] ?? cell?.page ?? 1, bbox: cell?.bbox ?? [0, 0, 0, 0], text: title, tableId: rt.table.id, role: 'text' }],
        });
      } catch {
        /* skip */
      }
    }
    for (const p of ctx.layout.paragraphs) {
      try {
        const t = p.text;
        // headings naming the report (2022年部门收支预算表, X局2024年度部门决算): the year in the title's role
        if (isHeading(t)) {
          for (const m of t.matchAll(HEADING_YEAR)) {
            // (a heading naming the report's year beside another — 2014年预算 | 2015年预算 — sets them side by side)
            if (Number(m[1]) === year || citesAnotherYear(t, m.index!, m.index! + 4) || /上年|结转|比|较|相比/.test(t) || new RegExp(`${year}\\s*年`).test(t)) continue;
            out.push({
              rule: 'wording.year',
              severity: 'error',
              message: `第 ${p.page} 页标题“${quote(t, 40)}”的年度为 ${m[1]} 年，报告年度为 ${year} 年。`,
              messageEn: `The heading on page ${p.page} says ${m[1]}; the report is for ${year}.`,
              expected: String(year),
              actual: m[1],
              refs: [textRef(p, m.index!, m.index! + m[1].length)],
            });
            break;
          }
        }
        // a 截至 date is checked only when the title proves the kind of report
        if (!kindProven) continue;
        for (const m of t.matchAll(AS_OF)) {
          const y = Number(m[1]);
          const wrong = ctx.document.kind === 'final' ? y < year || y > year + 1 : y < year - 1 || y > year;
          if (!wrong) continue;
          const start = m.index! + m[0].indexOf(m[1]);
          out.push({
            rule: 'wording.year',
            severity: 'warning',
            message: `第 ${p.page} 页“${quote(t.slice(m.index!, m.index! + 30), 30)}”：${ctx.document.kind === 'final' ? '决算' : '预算'}报告（${year} 年）的截至日期写为 ${y} 年。`,
            messageEn: `Page ${p.page}: a “as of” date in ${y} in a ${year} ${ctx.document.kind === 'final' ? 'final account' : 'budget'}.`,
            expected: String(ctx.document.kind === 'final' ? year : year - 1),
            actual: String(y),
            refs: [textRef(p, start, start + 4)],
          });
        }
      } catch {
        /* skip */
      }
    }
    return out;
  },
};
