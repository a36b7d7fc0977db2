/**
 * The rule engine: run every registered rule on the recognised document — the cells of confirmed
 * table readings only (a failing rule never breaks the report) —, number the findings in page
 * order, and group the findings one wrong cell causes so the reviewer sees one problem with its
 * consequences. Tables that recognition could not confirm are listed unchecked with the reason.
 */
import type { DocumentLayout } from '../layout/types';
import type { Finding, FindingRef, UncheckedTable } from '../report/types';
import Decimal from 'decimal.js';
import { cellValue, type RecognizedTable } from '../recognize/tables';
import { recognizeDocument, type RecognizedDocument } from '../recognize';
import { normalizeLabel } from '../recognize/codes';
import { unconfirmedNote } from '../recognize/reading';
import { RULES } from './registry';
import type { CheckContext, CheckResult, DraftFinding, Rule, RuleFamily } from './types';
import { withFailureSink, type TableFailure } from './each-table';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function refKey(r: FindingRef): string | null {
  return r.tableId !== undefined && r.row !== undefined && r.col !== undefined ? `${r.tableId}:${r.row}:${r.col}` : null;
}

function familyOf(ruleId: string, rules: Rule[]): RuleFamily | string {
  const rule = rules.find((r) => r.id === ruleId);
  if (rule) return rule.family;
  const prefix = ruleId.split('.')[0];
  return prefix;
}

function isValidDraft(d: unknown): d is DraftFinding {
  const f = d as DraftFinding;
  return !!f && typeof f.rule === 'string' && typeof f.message === 'string' && typeof f.messageEn === 'string' && Array.isArray(f.refs) && f.severity in SEVERITY_ORDER;
}

function unjoinedNote(rt: RecognizedTable): UncheckedTable {
  const from = rt.table.continues;
  return {
    tableId: rt.table.id,
    reason: `续前页表格 ${from}，但各列位置与之不同，未能拼接；此部分未核对`,
    reasonEn: `Continues table ${from} from the page before, but its columns stand elsewhere, so it could not be joined; this part was not checked`,
  };
}

/** Tables whose checks could not run, and why (bilingual). */
function uncheckedTables(tables: RecognizedTable[], failures: TableFailure[]): UncheckedTable[] {
  const out: UncheckedTable[] = [];
  const seen = new Set<string>();
  for (const f of failures) {
    if (seen.has(f.tableId + f.rule)) continue;
    seen.add(f.tableId + f.rule);
    out.push({ tableId: f.tableId, reason: `规则 ${f.rule} 无法读取此表：${f.error}`, reasonEn: `Rule ${f.rule} could not read this table: ${f.error}` });
  }
  for (const rt of tables) {
    if (out.some((u) => u.tableId === rt.table.id)) continue;
    const amountCols = rt.panes.flatMap((p) => p.amountCols);
    if (!amountCols.length) {
      out.push({ tableId: rt.table.id, reason: '未找到金额列，表内勾稽关系无法核对', reasonEn: 'No amount columns found; the table cannot be checked' });
      continue;
    }
    const hasStructure =
      rt.aggregates.length > 0 ||
      rt.panes.some((p) => p.rows.some((r) => r.kind === 'total' || r.kind === 'group' || r.kind === 'ofWhich') || p.rows.filter((r) => r.code || r.numbering).length >= 2);
    if (!hasStructure) out.push({ tableId: rt.table.id, reason: '未识别出合计、小计或科目层级，表内勾稽关系无法核对', reasonEn: 'No totals, subtotals or code hierarchy recognised; the table cannot be checked' });
  }
  return out;
}

/**
 * Cells whose figure appears again in another table on a row with the same code or label: a
 * total that agrees with its copy elsewhere is less likely the wrong number than its items.
 */
function corroboratedCells(tables: RecognizedTable[]): Set<string> {
  const byKey = new Map<string, Set<string>>();
  const cellsByKey = new Map<string, string[]>();
  for (const rt of tables) {
    const scale = rt.scale ?? new Decimal(1);
    for (const pane of rt.panes) {
      for (const r of pane.rows) {
        const subject = r.code ? `${r.code.kind}:${r.code.code}` : normalizeLabel(r.label);
        if (!subject) continue;
        for (const c of pane.amountCols) {
          const v = cellValue(rt.table, r.row, c);
          if (v.kind !== 'number' || !v.value || v.value.isZero()) continue;
          const key = `${subject}|${v.value.times(scale).toFixed(2)}`;
          if (!byKey.has(key)) byKey.set(key, new Set());
          byKey.get(key)!.add(rt.table.id);
          if (!cellsByKey.has(key)) cellsByKey.set(key, []);
          cellsByKey.get(key)!.push(`${rt.table.id}:${r.row}:${c}`);
        }
      }
    }
  }
  const out = new Set<string>();
  for (const [key, ids] of byKey) if (ids.size >= 2) for (const cell of cellsByKey.get(key)!) out.add(cell);
  return out;
}

/** Puts ref i first, keeping `anchor` and `suspects` pointing at the same refs. */
function moveToFront(f: Finding, i: number): void {
  const at = (k: number) => (k === i ? 0 : k < i ? k + 1 : k);
  f.refs = [f.refs[i], ...f.refs.slice(0, i), ...f.refs.slice(i + 1)];
  f.anchor = at(f.anchor);
  f.suspects = f.suspects.map(at);
}

/** When the first ref agrees with another table and exactly one other figure does not, that one is the suspect. */
function preferUncorroborated(findings: Finding[], corroborated: Set<string>): void {
  for (const f of findings) {
    if (f.severity === 'info' || f.refs.length < 2 || f.suspects.length) continue;
    const first = refKey(f.refs[0]);
    if (!first || !corroborated.has(first)) continue;
    const loose = f.refs.map((r, i) => ({ r, i })).filter(({ r }) => r.text.trim() !== '' && refKey(r) !== null && !corroborated.has(refKey(r)!));
    if (loose.length !== 1) continue;
    const i = loose[0].i;
    moveToFront(f, i);
  }
}

/** Another finding named as a reviewer finds it in the list — by the page it is listed on, not by an id the list never shows. */
function listedAt(f: Finding, lang: 'zh' | 'en'): string {
  const page = (f.refs[f.anchor] ?? f.refs[0])?.page;
  return lang === 'zh' ? (page ? `第 ${page} 页所列另一问题` : '另一问题') : page ? `another finding listed on page ${page}` : 'another finding';
}

/** Puts the most-referenced cell first and groups findings that share it. */
function groupFindings(findings: Finding[]): void {
  const counts = new Map<string, number>();
  for (const f of findings) {
    if (f.severity === 'info') continue;
    const keys = new Set(f.refs.map(refKey).filter((k): k is string => k !== null));
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const primaryBySuspect = new Map<string, Finding>();
  const primaryByRow = new Map<string, Finding>();
  for (const f of findings) {
    if (f.severity === 'info' || !f.refs.length) continue;
    let best = 0;
    let bestCount = counts.get(refKey(f.refs[0]) ?? '') ?? 0;
    f.refs.forEach((r, i) => {
      const c = counts.get(refKey(r) ?? '') ?? 0;
      if (c > bestCount) [best, bestCount] = [i, c];
    });
    if (best > 0 && !f.suspects.length) moveToFront(f, best);
    // One row failing the same identity in several columns (a missing row, a shifted line) is one problem.
    const rowKey = `${f.rule}|${f.refs[0].tableId}|${f.refs[0].row}`;
    const rowPrimary = f.refs[0].tableId !== undefined ? primaryByRow.get(rowKey) : undefined;
    if (rowPrimary && bestCount < 2) {
      f.group = rowPrimary.id;
      f.message = `${f.message}（与${listedAt(rowPrimary, 'zh')}同一行的同一问题）`;
      f.messageEn = `${f.messageEn} (same row and problem as ${listedAt(rowPrimary, 'en')})`;
      continue;
    }
    if (f.refs[0].tableId !== undefined && !primaryByRow.has(rowKey)) primaryByRow.set(rowKey, f);
    const key = refKey(f.refs[0]);
    if (!key || bestCount < 2) continue;
    const primary = primaryBySuspect.get(key);
    if (!primary) primaryBySuspect.set(key, f);
    else {
      f.group = primary.id;
      // Sharing a figure is not proof that the figure is the wrong one: say what they share, no more.
      f.message = `${f.message}（与${listedAt(primary, 'zh')}涉及同一个数 ${f.refs[0].text || '（空）'}）`;
      f.messageEn = `${f.messageEn} (involves the same figure ${f.refs[0].text || '(blank)'} as ${listedAt(primary, 'en')})`;
    }
  }
}

/** Where a finding is listed: the sentence of a narrative finding, else the blamed figure, else its first ref. */
function anchorOf(refs: FindingRef[], suspects: number[]): number {
  const text = refs.findIndex((r) => r.role === 'text');
  return text >= 0 ? text : suspects[0] ?? 0;
}

/**
 * rule + table type + row code or normalised label + column header path; for a text ref, its
 * words without the figures. Nothing that changes between runs or drafts (ids, indices, pages).
 */
function findingKey(d: DraftFinding, anchor: number, tables: Map<string, RecognizedTable>): string {
  const ref = d.refs[anchor] ?? d.refs[0];
  if (!ref) return d.rule;
  const rt = ref.tableId !== undefined ? tables.get(ref.tableId) : undefined;
  if (rt && ref.row !== undefined && ref.col !== undefined) {
    const row = rt.panes.flatMap((p) => p.rows).find((r) => r.row === ref.row);
    const subject = row?.code ? `${row.code.kind}:${row.code.code}` : normalizeLabel(row?.label ?? '') || `#${ref.row - rt.headerRows}`;
    return [d.rule, rt.type ?? normalizeLabel(rt.table.title), subject, (rt.columns[ref.col]?.path ?? []).join('›')].join('|');
  }
  const words = ref.text.normalize('NFKC').replace(/[\d.,，%％\s]+/g, '#').slice(0, 60);
  return [d.rule, words].join('|');
}

function pageOf(f: DraftFinding): number {
  return f.refs[0]?.page ?? Number.MAX_SAFE_INTEGER;
}

export interface EngineOptions {
  rules?: Rule[];
}

/** Checks a layout: recognition, then the rules (for tests and tools that start from a layout). */
export function checkLayout(layout: DocumentLayout, options: EngineOptions = {}): CheckResult {
  return runChecks(recognizeDocument(layout), options);
}

export function runChecks(recognized: RecognizedDocument, options: EngineOptions = {}): CheckResult {
  const rules = options.rules ?? RULES;
  const { layout, document, narrative, readings } = recognized;
  // Recognition proved each table's reading; no rule reads the cells of one it could not confirm.
  const tails = recognized.tables.filter((rt) => rt.table.continues);
  const confirmed = readings.filter((r) => r.localisation.confirmed);
  const readable = confirmed.map((r) => r.rt);
  const tables = readings.map((r) => r.rt);
  const failures: TableFailure[] = readings.flatMap((r) => r.failures.filter((f) => f.rule !== 'reading'));
  const ctx: CheckContext = { layout, document, tables: readable, readings: confirmed, allTables: recognized.tables, narrative, statements: recognized.statements, parts: recognized.parts };
  const drafts: DraftFinding[] = [];
  const ruleErrors: string[] = [];
  for (const rule of rules) {
    try {
      const found = withFailureSink(failures, () => rule.check(ctx));
      for (const d of found) if (isValidDraft(d)) drafts.push(d);
    } catch (e) {
      ruleErrors.push(`${rule.id}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  // Identical findings from two rules (the same arithmetic seen twice) are reported once.
  const seen = new Set<string>();
  const unique = drafts.filter((d) => {
    // Text refs count with their page and box: each part of a 部门 + 单位 document reports its own places.
    const key = `${d.severity}|${d.refs.map((r) => refKey(r) ?? `${r.page}:${r.bbox.map(Math.round).join(',')}:${r.text}`).sort().join(',')}|${d.actual}|${d.expected}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  unique.sort((a, b) => pageOf(a) - pageOf(b) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.refs[0]?.bbox[1] ?? 0) - (b.refs[0]?.bbox[1] ?? 0));
  const byId = new Map(tables.map((rt) => [rt.table.id, rt]));
  const findings: Finding[] = unique.map((d, i) => {
    const suspects = d.suspects ?? [];
    const anchor = d.anchor ?? anchorOf(d.refs, suspects);
    return { id: `f${i + 1}`, ...d, key: d.key ?? findingKey(d, anchor, byId), anchor, suspects, family: d.family ?? familyOf(d.rule, rules) };
  });
  try {
    preferUncorroborated(findings, corroboratedCells(tables));
  } catch {
    // Ordering refs is a refinement; the findings stand without it.
  }
  groupFindings(findings);
  const unchecked = [...readings.filter((r) => !r.localisation.confirmed).map(unconfirmedNote), ...tails.map(unjoinedNote), ...uncheckedTables(readable, failures)];
  for (const e of ruleErrors) {
    for (const rt of tables.slice(0, 1)) unchecked.push({ tableId: rt.table.id, reason: `规则运行出错，部分核对未完成：${e}`, reasonEn: `A rule failed; some checks did not run: ${e}` });
  }
  const tableTypes = new Map<string, string>();
  for (const rt of tables) if (rt.type) tableTypes.set(rt.table.id, rt.type);
  return { tableTypes, findings, unchecked, readings: new Map(readings.map((r) => [r.rt.table.id, r.evidence])) };
}
