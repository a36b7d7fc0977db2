/**
 * 部门名称一致：封面、标题、表头与正文中的本部门名称应一致（不应缺字、错字或换成上级部门名）。
 * Department name: the cover, headings, table titles and text name the department the same way
 * (no missing or changed characters, not the superior body's name in the document's own headings).
 */
import { compareNames, lcs, normalizeName } from '../classification';
import type { Paragraph } from '../layout/types';
import type { DraftFinding, Rule } from './types';
import { quote, textRef } from './narrative-support';

const SUFFIX = /(局|委员会|委|办公室|中心|院|所|厅|部|处|站|馆|会|队|校)$/;

/** Names in a text that end like the department's own name (…局). */
function candidates(text: string, suffix: string, length: number): { name: string; start: number }[] {
  const out: { name: string; start: number }[] = [];
  const re = new RegExp(`[\\u4e00-\\u9fff]{${Math.max(2, length - 4)},${length + 3}}?${suffix}`, 'g');
  for (const m of text.matchAll(re)) out.push({ name: m[0], start: m.index! });
  return out;
}

/** A variant of `own` that is a slip: same ending, nearly the same characters, not `own` itself. */
function variantOf(own: string, text: string, heading: boolean): { name: string; start: number; end: number } | null {
  const suffix = SUFFIX.exec(own)?.[0];
  if (!suffix) return null;
  for (const c of candidates(text, suffix, own.length)) {
    // the longest tail of the candidate that looks like the department's name
    for (let k = 0; k < c.name.length - 3; k++) {
      const name = c.name.slice(k);
      if (name === own || own.endsWith(name) || name.endsWith(own)) break;
      if (name.length < own.length - 3 || name.length > own.length + 2) continue;
      const common = lcs(name, own);
      const ratio = common / Math.max(name.length, own.length);
      // one or two characters changed anywhere; or, in the document's own headings, a level dropped
      const substitution = name.length === own.length && own.length - common <= 2 && ratio >= 0.8;
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

export const wordingDepartmentName: Rule = {
  id: 'wording.department-name',
  family: 'wording',
  title: '封面、标题、表头与正文中的部门名称一致',
  titleEn: 'The department is named the same way throughout',
  check(ctx) {
    const own = normalizeName(ctx.document.department ?? '');
    if (own.length < 4 || !SUFFIX.test(own)) return [];
    const out: DraftFinding[] = [];
    const seen = new Set<string>();
    for (const p of ctx.layout.paragraphs) {
      try {
        const heading = isHeading(p);
        const v = variantOf(own, p.text.replace(/\s/g, ' '), heading);
        if (!v) continue;
        // spacing in the printed text: map back through the unspaced name
        const key = `${v.name}|${heading}`;
        const refs = [textRef(p, v.start, v.end)];
        if (seen.has(key)) continue;
        seen.add(key);
        if (compareNames(own, v.name) === 'same') continue;
        out.push({
          rule: 'wording.department-name',
          severity: 'warning',
          message: `第 ${p.page} 页${heading ? '标题' : '正文'}“${quote(p.text, 40)}”把部门写作“${v.name}”，封面为“${ctx.document.department}”。`,
          messageEn: `Page ${p.page} names the department “${v.name}”; the cover says “${ctx.document.department}”.`,
          expected: ctx.document.department,
          actual: v.name,
          refs,
        });
      } catch {
        /* skip */
      }
    }
    for (const rt of ctx.tables) {
      const title = rt.table.title ?? '';
      const v = variantOf(own, title, true);
      if (!v || seen.has(`${v.name}|true`)) continue;
      seen.add(`${v.name}|true`);
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
