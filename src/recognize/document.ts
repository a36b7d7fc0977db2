/**
 * Document info — title, department, year and kind (预算 / 决算) — read from the cover and the
 * tables' captions. Part of recognition: rules read it, the report prints it.
 */
import type { DocumentLayout } from '../layout/types';

export type DocumentKind = 'budget' | 'final' | 'unknown';

export interface DocumentInfo {
  title: string;
  department: string;
  year: number | null;
  kind: DocumentKind;
}

const ORG = /[\u4e00-\u9fff（）()XxＸ×]{2,30}?(?:局|委员会|委|办公室|中心|医院|学校|研究院|院|所|厅|部|处|站|馆|会|队|政府|街道|镇|乡)/;
const KIND_TITLE = /(20\d{2})\s*年度?\s*(?:部门|单位)?(?:综合)?(预算|决算)/;
/** A title with its year first and the department after it: 2026年烟台市财政局部门预算. */
const YEAR_FIRST = /^(20\d{2})\s*年度?([\u4e00-\u9fff（）()]{2,30}?)(?:部门|单位)(?:综合)?(预算|决算)/;

/** Title, department, year and kind, read from the cover and the tables' captions. */
export function documentInfo(layout: DocumentLayout): DocumentInfo {
  const early = layout.paragraphs.filter((p) => p.page <= 3);
  const clean = (t: string) => t.replace(/\s+/g, '');
  // The cover title: the first early paragraph that names a year's 预算/决算, in the largest type.
  const titled = early
    .map((p, i) => ({ p, i, t: clean(p.text), size: Math.max(...p.lines.map((l) => l.fontSize)) }))
    .filter((x) => (KIND_TITLE.test(x.t) || YEAR_FIRST.test(x.t)) && x.t.length <= 40 && !/[，。；：:]/.test(x.t) && !/^第[一二三四五六七八九十]部分/.test(x.t));
  const top = titled.sort((a, b) => b.size - a.size || a.i - b.i)[0];
  let title = top?.t ?? '';
  // A cover often names the department on the line above the title.
  if (top) {
    const before = early[top.i - 1];
    const name = before && before.page === top.p.page ? clean(before.text) : '';
    // (a long name may itself be wrapped, leaving only its tail on the title line)
    if (name && name.length <= 30 && !/[\d，。；：:、]/.test(name) && new RegExp(`^${ORG.source}$`).test(name + (title.split(/20\d{2}/)[0] ?? ''))) title = name + title;
  }
  const yearFirst = YEAR_FIRST.exec(title);
  const kindTitle = KIND_TITLE.exec(title);
  // The cover's year and 预算/决算, whichever way round it names them.
  const m = kindTitle ? { year: kindTitle[1], kind: kindTitle[2] } : yearFirst ? { year: yearFirst[1], kind: yearFirst[3] } : null;
  const tableTitles = layout.tables.map((t) => t.title).join('\n');
  const yearFromTables = /(20\d{2})\s*年/.exec(tableTitles);
  const yearInText = commonest(/20\d{2}(?=\s*年度)/, early.map((p) => clean(p.text)));
  const year = m ? Number(m.year) : yearFromTables ? Number(yearFromTables[1]) : yearInText ? Number(yearInText) : null;
  const everything = early.map((p) => p.text).join('\n') + tableTitles;
  // Without a cover title saying so, the tables' titles decide (a 预算's text may cite last year's
  // 决算, a 决算's text cites 年初预算 all the time), then the text.
  const finalTables = layout.tables.filter((t) => /决算/.test(t.title)).length;
  const budgetTables = layout.tables.filter((t) => /预算/.test(t.title) && !/决算/.test(t.title)).length;
  const byTables: DocumentKind | null = finalTables > budgetTables ? 'final' : budgetTables > finalTables ? 'budget' : null;
  const kind: DocumentKind = m ? (m.kind === '决算' ? 'final' : 'budget') : byTables ?? (/决算/.test(everything) ? 'final' : /预算/.test(everything) ? 'budget' : 'unknown');
  const prefix = title.split(/20\d{2}/)[0] ?? '';
  const fromTitle = new RegExp(`^${ORG.source}`).exec(prefix) ?? (yearFirst && new RegExp(`^${ORG.source}$`).exec(yearFirst[2]));
  const all = layout.paragraphs.map((p) => clean(p.text)).join('\n');
  // (单位：万元 is a unit line, not a unit's name)
  const field = /(?:部门|单位)(?:名称)?[:：]\s*(?!万元|千元|亿元|元)(?:\d+)?([\u4e00-\u9fff（）()]{2,30}?(?:局|委员会|委|办公室|中心|院|所|厅|部|处|站|馆|会|队))/.exec(all);
  const found = fromTitle?.[0] ?? field?.[1] ?? commonest(ORG, early.map((p) => clean(p.text)).concat(layout.tables.map((t) => t.title)));
  return { title, department: wholeName(found, title + '\n' + all + '\n' + tableTitles), year, kind };
}

/**
 * A name read up to its first organisation word, made whole: a year or a 第…部分 before it is no
 * part of it (2017年度江苏省高级人民法院), and a name cut at 委 that the text prints longer goes on
 * (江苏省人大常委 → 江苏省人大常委会办公厅, 江苏省委 → 江苏省委办公厅). A 部分 heading (第一部) names nothing.
 */
function wholeName(name: string, text: string): string {
  let n = name.replace(/^(?:20\d{2})?年度?/, '').replace(/^第[一二三四五六七八九十]+部分?/, '');
  if (!n || /^第[一二三四五六七八九十]+部$/.test(name) || n.length < 2) return '';
  // (only a name cut at 委: a 局 or a 委员会 named with 办公室 after it is one of its own offices)
  if (!n.endsWith('委')) return n;
  const longer = ['员会办公厅', '会办公厅', '办公厅', '员会', '会'].find((tail) => text.includes(n + tail));
  return longer ? n + longer : n;
}

/** The organisation name met most often (at least twice), or ''. */
function commonest(re: RegExp, texts: string[]): string {
  const counts = new Map<string, number>();
  const g = new RegExp(re.source, 'g');
  for (const t of texts) for (const m of t.matchAll(g)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  let best = '';
  for (const [k, n] of counts) if (n >= 2 && n > (counts.get(best) ?? 0)) best = k;
  return best;
}

