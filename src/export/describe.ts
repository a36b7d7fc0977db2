/** Plain descriptions of findings shared by the UI and every export. */
import type { Finding, Report, Severity } from '../report/types';

export const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/** The family of a rule: its id up to the first '.', '/' or ':' (e.g. `sum.rows` → `sum`). */
export function ruleFamily(rule: string): string {
  const m = /^[^./:]+/.exec(rule);
  return m ? m[0] : rule;
}

/** Page of the primary ref (refs[0]); 0 when the finding has no ref. */
export function findingPage(f: Finding): number {
  return f.refs[0]?.page ?? 0;
}

/** Findings in reading order: by page, then top to bottom, then left to right. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => {
    const pa = findingPage(a) || Number.MAX_SAFE_INTEGER;
    const pb = findingPage(b) || Number.MAX_SAFE_INTEGER;
    if (pa !== pb) return pa - pb;
    const ba = a.refs[0]?.bbox ?? [0, 0, 0, 0];
    const bb = b.refs[0]?.bbox ?? [0, 0, 0, 0];
    return ba[1] - bb[1] || ba[0] - bb[0];
  });
}

/** `expected 6220.67 · actual 6220.66 · difference 0.01` in the chosen language. */
export function arithmetic(f: Finding, lang: 'zh' | 'en'): string {
  const parts: string[] = [];
  const L = lang === 'zh' ? { e: '应为', a: '实为', d: '差额' } : { e: 'expected', a: 'actual', d: 'difference' };
  if (f.expected !== undefined) parts.push(`${L.e} ${f.expected}`);
  if (f.actual !== undefined) parts.push(`${L.a} ${f.actual}`);
  if (f.difference !== undefined) parts.push(`${L.d} ${f.difference}`);
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
