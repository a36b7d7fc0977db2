/**
 * 年度一致：表名与标题中的年度应为报告年度；“截至（截止）某年”的日期应与报告年度相符（决算为当年末，预算为上年末）。
 * Year: every table title and heading carries the report's year; a 截至/截止 date fits the report
 * (a 决算: the report year's end; a 预算: the end of the year before).
 */
import type { DraftFinding, Rule } from './types';
import { quote, textRef } from './narrative-support';

const TITLE_YEAR = /(20\d{2})\s*年度?\s*(?:[\u4e00-\u9fff（）()“”]{0,30})(预算|决算)/;
const AS_OF = /截[至止]\s*(20\d{2})\s*年/g;

export const wordingYear: Rule = {
  id: 'wording.year',
  family: 'wording',
  title: '表名、标题和截至日期的年度与报告年度一致',
  titleEn: 'Table titles, headings and 截至 dates carry the report year',
  check(ctx) {
    const year = ctx.document.year;
    if (!year) return [];
    const out: DraftFinding[] = [];
    for (const rt of ctx.tables) {
      try {
        const title = rt.table.title ?? '';
        const m = TITLE_YEAR.exec(title.replace(/\s+/g, ''));
        if (!m || Number(m[1]) === year) continue;
        if (/上年|以前年度|结转/.test(title)) continue;
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
        // headings: short lines naming the report (2022年部门收支预算表, X局2024年度部门决算)
        if (t.replace(/\s+/g, '').length <= 50) {
          const m = /(20\d{2})\s*年度?\s*(部门|单位)?(综合)?(预算|决算)/.exec(t);
          if (m && Number(m[1]) !== year && !/上年|结转|比|较|相比/.test(t)) {
            out.push({
              rule: 'wording.year',
              severity: 'error',
              message: `第 ${p.page} 页标题“${quote(t, 40)}”的年度为 ${m[1]} 年，报告年度为 ${year} 年。`,
              messageEn: `The heading on page ${p.page} says ${m[1]}; the report is for ${year}.`,
              expected: String(year),
              actual: m[1],
              refs: [textRef(p, m.index!, m.index! + m[1].length)],
            });
          }
        }
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
