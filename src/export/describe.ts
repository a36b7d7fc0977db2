/** Plain descriptions of findings shared by the UI and every export. */
import Decimal from 'decimal.js';
import type { Finding, FindingRef, Report, ReportTable, Severity } from '../report/types';

export const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/** The family of a rule: its id up to the first '.', '/' or ':' (e.g. `sum.rows` → `sum`). */
export function ruleFamily(rule: string): string {
  const m = /^[^./:]+/.exec(rule);
  return m ? m[0] : rule;
}

/** The ref where a finding is listed: its `anchor` (the sentence of a narrative finding), else refs[0]. */
export function anchorRef(f: Finding): FindingRef | undefined {
  return f.refs[f.anchor] ?? f.refs[0];
}

/**
 * Indices of the refs drawn as the finding's main figures (solid box, ◆, note): the figures its
 * arithmetic blames (`suspects`) when it can tell, else its anchor — never simply refs[0], which
 * for a narrative finding is the table figure it was compared with.
 */
export function primaryRefs(f: Finding): Set<number> {
  const valid = (i: number) => Number.isInteger(i) && i >= 0 && i < f.refs.length;
  const suspects = (f.suspects ?? []).filter(valid);
  if (suspects.length) return new Set(suspects);
  return new Set(f.refs.length ? [valid(f.anchor) ? f.anchor : 0] : []);
}

/** Page of the anchor ref; 0 when the finding has no ref. */
export function findingPage(f: Finding): number {
  return anchorRef(f)?.page ?? 0;
}

/** Findings in reading order: by page, then top to bottom, then left to right. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => {
    const pa = findingPage(a) || Number.MAX_SAFE_INTEGER;
    const pb = findingPage(b) || Number.MAX_SAFE_INTEGER;
    if (pa !== pb) return pa - pb;
    const ba = anchorRef(a)?.bbox ?? [0, 0, 0, 0];
    const bb = anchorRef(b)?.bbox ?? [0, 0, 0, 0];
    return ba[1] - bb[1] || ba[0] - bb[0];
  });
}

/** A figure as compared: NFKC, no thousands separators, spaces or unit (万元, 元, %). */
function bareFigure(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[,\s]/g, '')
    .replace(/(亿元|万元|千元|元|%)$/u, '');
}

/** Two printed numbers that are one amount in 元 and in 万元 (873,617.00 and 87.3617). */
function sameInOtherUnit(a: string, b: string): boolean {
  const num = /^[-+−]?\d[\d.]*$/u;
  if (!num.test(a) || !num.test(b)) return false;
  const x = new Decimal(a.replace('−', '-'));
  const y = new Decimal(b.replace('−', '-'));
  return !x.isZero() && (x.eq(y.times(10000)) || y.eq(x.times(10000)));
}

/** A number or a percentage as printed (thousands separators, spaces, unit and sign aside). */
const isFigure = (s: string): boolean => /^[-+−]?\d[\d.]*$/u.test(bareFigure(s));

/** `表7` / `公开01表` at the start of a table title, the short name a reviewer knows the table by. */
function shortTableName(table: Pick<ReportTable, 'title'> | undefined): string {
  const m = table && /^\s*(表\s*[0-9０-９]+|(?:部门)?公开\s*[0-9０-９]+\s*表)/u.exec(table.title);
  return m ? m[1].replace(/\s+/g, '') : '';
}

/** Where a compared figure stands: 说明中 (the narrative), 表7中 (a table), or 计算得 (neither: derived). */
function sourceLabel(ref: FindingRef | undefined, other: FindingRef | undefined, lang: 'zh' | 'en', tables: Pick<ReportTable, 'id' | 'title'>[]): string {
  const zh = lang === 'zh';
  if (!ref) {
    // A value no ref prints: computed from the others (the sum of the items when the other side is the total).
    if (other?.role === 'total') return zh ? '各项之和' : 'sum of items';
    return zh ? '计算得' : 'computed';
  }
  if (ref.role === 'text' || ref.tableId === undefined) return zh ? '说明中' : 'text';
  const name = shortTableName(tables.find((t) => t.id === ref.tableId));
  // Within one table (or against the sum of its items) the role says more than the table's name.
  const sameTable = other ? other.tableId === ref.tableId && other.role !== ref.role : ref.role === 'total';
  if (sameTable) return zh ? (ref.role === 'total' ? '合计' : '明细') : ref.role === 'total' ? 'total' : 'item';
  if (name) return zh ? `${name}中` : `${name.replace(/^表/u, 'table ')}`;
  return zh ? `第 ${ref.page} 页表中` : `table p${ref.page}`;
}

/**
 * The arithmetic of a finding in the chosen language. When the finding's `suspects` name the
 * figure to blame: `应为 6220.67 · 实为 6220.66 · 差额 0.01`. When they do not (two sources
 * disagree and Gouji cannot know which is wrong), each figure with its source instead:
 * `表7中 7.59 / 说明中 4.59 · 差额 -3`.
 */
export function arithmetic(f: Finding, lang: 'zh' | 'en', tables: Pick<ReportTable, 'id' | 'title'>[] = []): string {
  const parts: string[] = [];
  const L = lang === 'zh' ? { e: '应为', a: '实为', d: '差额' } : { e: 'expected', a: 'actual', d: 'difference' };
  const twoSources = f.expected !== undefined && f.actual !== undefined && !f.suspects?.length;
  if (twoSources) {
    // A ref printing the value, else one printing it in the other unit (a table in 元 compared in 万元).
    const find = (v: string, not: number): { i: number; converted: boolean } => {
      const i = f.refs.findIndex((r, k) => k !== not && bareFigure(r.text) === bareFigure(v));
      if (i >= 0) return { i, converted: false };
      const j = f.refs.findIndex((r, k) => k !== not && sameInOtherUnit(bareFigure(r.text), bareFigure(v)));
      return { i: j, converted: j >= 0 };
    };
    const a = find(f.actual!, -1);
    const e = find(f.expected!, a.i);
    const ia = a.i;
    const ie = e.i;
    const converted = (label: string, yes: boolean) => (yes ? (lang === 'zh' ? `${label}折合` : `${label} (converted)`) : label);
    const sides = [
      { i: ia, v: f.actual!, label: converted(sourceLabel(f.refs[ia], f.refs[ie], lang, tables), a.converted) },
      { i: ie, v: f.expected!, label: converted(sourceLabel(f.refs[ie], f.refs[ia], lang, tables), e.converted) },
    ];
    // Printed figures first, in the order of the refs; a derived value last.
    sides.sort((a, b) => (a.i < 0 ? 1e9 : a.i) - (b.i < 0 ? 1e9 : b.i));
    // Words no ref prints (万元 for 万, a department's name, 无说明) were computed from nothing: the
    // message already says what they are, and “计算得 万” would say something false.
    if (sides.every((s) => s.i >= 0 || isFigure(s.v))) parts.push(sides.map((s) => (lang === 'zh' ? `${s.label} ${s.v}` : `${s.label}: ${s.v}`)).join(' / '));
  } else {
    if (f.expected !== undefined) parts.push(`${L.e} ${f.expected}`);
    if (f.actual !== undefined) parts.push(`${L.a} ${f.actual}`);
  }
  // Two sources and no blame: how far apart they are, without a sign that would say which is off.
  if (f.difference !== undefined) parts.push(twoSources ? `${lang === 'zh' ? '相差' : 'differ by'} ${f.difference.replace(/^[-−]/u, '')}` : `${L.d} ${f.difference}`);
  return parts.join(' · ');
}

export function findingMessage(f: Finding, lang: 'zh' | 'en'): string {
  return lang === 'zh' ? f.message : f.messageEn || f.message;
}

/** Base name for exported files: the PDF's name without extension, plus a suffix. */
export function exportName(report: Report, suffix: string): string {
  const base = report.file.replace(/\.pdf$/i, '') || 'gouji';
  return `${base}${suffix}`;
}
