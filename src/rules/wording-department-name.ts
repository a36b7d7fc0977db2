/**
 * 部门名称一致：封面、标题、表头与正文中的本部门名称应一致（不应缺字、错字或换成上级部门名）；
 * 名词解释中本级的称谓（区级/市级预算主管部门、区级财政）应与本部门的级次一致，不应沿用上级模板；
 * 文件自己介绍的名称（加挂牌子、合署办公、括注的另一名称、所属/下属/纳入预算的单位、单位预算部分的单位名）不算错。
 * Department name: the cover, headings, table titles and text name the department the same way
 * (no missing or changed characters, not the superior body's name in the document's own headings).
 * The document's own level in the 名词解释 (是区级预算主管部门, 与区级财政有经费领拨关系) is the level
 * of its department (上海市普陀区… → 区级), not the superior level's template wording (市级).
 * Names the document itself introduces — a second name (加挂…牌子, 合署办公, “A（B）”), its units
 * (所属/下属/预算单位 lists, the 单位 parts of a 部门 document) — are not slips.
 */
import { compareNames, lcs, normalizeName } from '../classification';
import type { Paragraph } from '../layout/types';
import { cellText, type RecognizedTable } from '../recognize/tables';
import type { DraftFinding, Rule } from './types';
import { quote, textRef } from './narrative-support';

const SUFFIX = /(局|委员会|委|办公室|中心|院|所|厅|部|处|站|馆|会|队|校)$/;

const ORG_END = /(局|委员会|委|办公室|中心|院|所|厅|部|处|站|馆|会|队|室|校|社|园|宾馆|法院|检察院|街道|镇|乡)$/;

/** A listed name cleaned of numbering, quotes and a trailing 本级 / 机关. */
function cleanListed(s: string): string {
  return normalizeName(s.replace(/^\s*(\d{1,2}[.．、]|[（(]?[一二三四五六七八九十\d]+[）)、.．])\s*/, ''))
    .replace(/^(上级|所属|下属|局属|直属)/, '')
    .replace(/(本级|机关本级|本部|机关)$/, '');
}

/**
 * Names the document introduces for itself and its units: 加挂 A、B 牌子; 与 A 合署办公; “A（B）”
 * where both are bodies; the items of a list of 所属/下属/预算 units; the name heading a 单位预算 part;
 * the 单位名称 column of its tables.
 */
export function introducedNames(paragraphs: Paragraph[], tables: RecognizedTable[] = []): string[] {
  const out = new Set<string>();
  const add = (s: string) => {
    const n = cleanListed(s);
    if (n.length >= 4 && ORG_END.test(n)) out.add(n);
  };
  for (const p of paragraphs) {
    const t = p.text.normalize('NFKC').replace(/\s+/g, '');
    for (const m of t.matchAll(/加挂([^。；]{2,160}?)的?牌子/g)) for (const n of m[1].split(/[、，,]/)) add(n.replace(/^[“"]|[”"]$/g, ''));
    for (const m of t.matchAll(/与([^，。；]{2,40}?)合署办公/g)) add(m[1]);
    for (const m of t.matchAll(/([\u4e00-\u9fff]{3,30})\(([\u4e00-\u9fff]{3,30})\)/g)) if (ORG_END.test(m[1]) && ORG_END.test(m[2])) [m[1], m[2]].forEach(add);
    // a list of units: “预算单位共3家，包括：A、B、C” / “下属单位包括：A” / “具体包括：1. A；2. B”
    for (const m of t.matchAll(/(?:单位|部门|机构|本级)[^。]{0,40}?(?:包括|分别是|分别为|如下)[:：]?([^。]{2,400})/g)) {
      for (const n of m[1].split(/[、，,；;:：]|\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[）)]/)) add(n.replace(/[（(][^）)]*[）)]$/, '').replace(/等\d*个?.*$/, ''));
    }
    // the heading of a unit's part: “X2026年单位预算”
    const head = /^(.{4,40}?)(20\d{2})年度?单位(预算|决算)/.exec(t);
    if (head && t.length <= 50) add(head[1]);
  }
  for (const rt of tables) {
    rt.table.columnHeaders.forEach((h, c) => {
      if (!/单位名称|部门[(（]单位[)）]名称/.test(h.join(''))) return;
      for (let r = rt.headerRows; r < rt.table.rows.length; r++) add(cellText(rt.table, r, c));
    });
  }
  return [...out];
}

/** Names in a text that end like the department's own name (…局). */
function candidates(text: string, suffix: string, length: number): { name: string; start: number }[] {
  const out: { name: string; start: number }[] = [];
  const re = new RegExp(`[\\u4e00-\\u9fff]{${Math.max(2, length - 4)},${length + 3}}?${suffix}`, 'g');
  for (const m of text.matchAll(re)) out.push({ name: m[0], start: m.index! });
  return out;
}

/** A variant of `own` that is a slip: same ending, nearly the same characters, not `own` itself. */
function variantOf(own: string, text: string, heading: boolean, known: string[] = []): { name: string; start: number; end: number } | null {
  const suffix = SUFFIX.exec(own)?.[0];
  if (!suffix) return null;
  for (const c of candidates(text, suffix, own.length)) {
    // the longest tail of the candidate that looks like the department's name
    for (let k = 0; k < c.name.length - 3; k++) {
      const name = c.name.slice(k);
      if (name === own || own.endsWith(name) || name.endsWith(own)) break;
      if (known.some((k) => k === name || k.endsWith(name) || name.endsWith(k))) break;
      if (name.length < own.length - 3 || name.length > own.length + 2) continue;
      const common = lcs(name, own);
      const ratio = common / Math.max(name.length, own.length);
      // one or two characters changed anywhere; or, in the document's own headings, a level dropped
      // (characters changed in place: 规划与 for 规划和 — not a phrase that shares the words shifted,
      // 省人大常委会下设办公厅 beside 江苏省人大常委会办公厅)
      const changed = name.length === own.length ? [...name].filter((ch, i) => ch !== own[i]).length : Infinity;
      const substitution = changed <= 2 && own.length - common <= 2 && ratio >= 0.8;
      const dropped = heading && common === name.length && own.length - name.length <= 3 && ratio >= 0.7 && name.slice(0, 2) === own.slice(0, 2);
      if (substitution || dropped) return { name, start: c.start + k, end: c.start + k + name.length };
    }
  }
  return null;
}

function isHeading(p: Paragraph): boolean {
  const t = p.text.replace(/\s+/g, '');
  return t.length <= 60 && /(部门预算|部门决算|单位预算|预算表|决算表|概况|情况说明|公开说明)/.test(t);
}

/** The level of government a department belongs to, read from its name (上海市普陀区司法局 → 区). */
export function levelOf(name: string): '省' | '市' | '区' | '县' | null {
  const n = normalizeName(name);
  const district = /市[\u4e00-\u9fff]{1,5}?(区|县)/.exec(n);
  if (district) return district[1] as '区' | '县';
  if (/^[\u4e00-\u9fff]{1,8}?市/.test(n)) return '市';
  if (/^[\u4e00-\u9fff]{1,8}?省/.test(n)) return '省';
  return null;
}

/** The template's words for the document's own level of government. */
const OWN_LEVEL = /(?:是|为)(市|区|县|省)级预算主管部门|与(市|区|县|省)级财政有经费领拨关系|使用(市|区|县|省)级财政拨款/g;

/** 名词解释 that name another level than the department's own: one finding, every place a ref. */
function levelFinding(ctx: Parameters<Rule['check']>[0], own: string): DraftFinding | null {
  const level = levelOf(own);
  if (!level) return null;
  const refs: DraftFinding['refs'] = [];
  const words = new Set<string>();
  for (const p of ctx.layout.paragraphs) {
    for (const m of p.text.matchAll(OWN_LEVEL)) {
      const shown = m[1] ?? m[2] ?? m[3];
      if (shown === level) continue;
      words.add(m[0]);
      refs.push(textRef(p, m.index!, m.index! + m[0].length));
    }
  }
  if (!refs.length) return null;
  return {
    rule: 'wording.department-name',
    severity: 'warning',
    message: `名词解释写“${[...words].join('”“')}”${refs.length > 1 ? `（${refs.length} 处）` : ''}，而“${ctx.document.department}”是${level}级部门：沿用了上级模板的措辞，应为“${level}级”。`,
    messageEn: `The definitions speak of another level (${[...words].join(', ')}) than the department's own (${level}级): template wording left in.`,
    expected: `${level}级`,
    actual: [...words].join('、'),
    refs,
  };
}

export const wordingDepartmentName: Rule = {
  id: 'wording.department-name',
  family: 'wording',
  title: '封面、标题、表头与正文中的部门名称一致',
  titleEn: 'The department is named the same way throughout',
  check(ctx) {
    // the cover's name, without the words a heading sometimes glues to it (2017年度…, 第二部分…)
    const own = normalizeName(ctx.document.department ?? '').replace(/^(20\d{2})?年度?|^第?[一二三四五六七八九十]*部分/, '');
    if (own.length < 4 || !SUFFIX.test(own)) return [];
    const known = introducedNames(ctx.layout.paragraphs, ctx.tables);
    const out: DraftFinding[] = [];
    try {
      const f = levelFinding(ctx, own);
      if (f) out.push(f);
    } catch {
      /* skip */
    }
    const seen = new Set<string>();
    // one finding per wrong name, every place it is written as a ref
    const byName = new Map<string, DraftFinding>();
    for (const p of ctx.layout.paragraphs) {
      try {
        const heading = isHeading(p);
        const v = variantOf(own, p.text.replace(/\s/g, ' '), heading, known);
        if (!v) continue;
        const key = v.name;
        const ref = textRef(p, v.start, v.end);
        const earlier = byName.get(key);
        if (earlier) {
          earlier.refs.push(ref);
          continue;
        }
        if (seen.has(key)) continue;
        seen.add(key);
        if (compareNames(own, v.name) === 'same') continue;
        const f: DraftFinding = {
          rule: 'wording.department-name',
          severity: 'warning',
          message: `第 ${p.page} 页${heading ? '标题' : '正文'}“${quote(p.text, 40)}”把部门写作“${v.name}”，封面为“${ctx.document.department}”。`,
          messageEn: `Page ${p.page} names the department “${v.name}”; the cover says “${ctx.document.department}”.`,
          expected: ctx.document.department,
          actual: v.name,
          refs: [ref],
        };
        byName.set(key, f);
        out.push(f);
      } catch {
        /* skip */
      }
    }
    for (const f of out) {
      if (f.refs.length < 2) continue;
      f.message = f.message.replace(/。$/, `（共 ${f.refs.length} 处）。`);
      f.messageEn = `${f.messageEn} (${f.refs.length} places)`;
    }
    for (const rt of ctx.tables) {
      const title = rt.table.title ?? '';
      const v = variantOf(own, title, true, known);
      if (!v || seen.has(v.name)) continue;
      seen.add(v.name);
      const cell = rt.table.rows.flat().find((c) => c);
      out.push({
        rule: 'wording.department-name',
        severity: 'warning',
        message: `表“${title}”的标题把部门写作“${v.name}”，封面为“${ctx.document.department}”。`,
        messageEn: `The title of table “${title}” names the department “${v.name}”; the cover says “${ctx.document.department}”.`,
        expected: ctx.document.department,
        actual: v.name,
        refs: [{ page: rt.table.pages[0] ?? cell?.page ?? 1, bbox: cell?.bbox ?? [0, 0, 0, 0], text: title, tableId: rt.table.id, role: 'text' }],
      });
    }
    return out;
  },
};
