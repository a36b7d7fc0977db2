/**
 * From a table's recorded identities to its confirmed reading and its findings: one finding per
 * suspect cell with every failing identity it explains as evidence and the value that would make
 * them hold; when the smallest fix is not unique, the identities' own findings naming every
 * candidate and blaming none; nothing at all from a reading that could not be confirmed.
 */
import Decimal from 'decimal.js';
import type { RecognizedTable } from '../tables';
import type { FindingRef, ReadingEvidence, UncheckedTable } from '../../report/types';
import { READING_SETTINGS } from '../settings';
import { cellKey, localize, type Localisation } from './localize';
import { show } from './precision';
import { columnName, figureAt, isEmpty, refOf, rowName, tableName, type CellFigure, type RecordedIdentity, type TableFailure } from './support';
import type { Statement } from './types';

export interface TableReading {
  rt: RecognizedTable;
  /** A sum's items add up to exactly 2–4 times its total and no single figure explains it (levels added as one). */
  levelsAddedTogether: boolean;
  /** A row whose name holds amounts: the table's columns were not told apart (its first such label). */
  amountInLabel: string | null;
  /** A total column left blank on every row whose parts print figures: the figures stand under the wrong headers. */
  blankTotal: string | null;
  identities: RecordedIdentity[];
  /** What the sources stated on this table (loud and 尾差), before confirmation. */
  drafts: Statement[];
  /** Sources that could not read this table (their identities are missing from the reading). */
  failures: TableFailure[];
  /** What the rules report of a confirmed reading (./confirmedFindings); none of an unconfirmed one. */
  findings: Statement[];
  localisation: Localisation;
  evidence: ReadingEvidence;
}

const pair = (k: string): [number, number] => k.split(':').map(Number) as [number, number];

export function readTable(rt: RecognizedTable, recorded: RecordedIdentity[], drafts: Statement[], failures: TableFailure[] = []): TableReading {
  // A failing identity whose finding the rule withdrew (it found a reading of the rows under which
  // the sum holds) is not part of the reading.
  const identities = recorded.filter((id) => id.holds || draftOf(id, drafts) !== null);
  const found = localize(identities);
  // Items adding up to exactly two to four times their total: levels of a hierarchy counted
  // together (类 + 款 + 项) — a misread, unless one figure alone explains every failure (a 款 total
  // copied onto its first 项's row also doubles the sum: 司法局 p.11, answer key SFJU-08).
  const levelsAddedTogether = !found.suspects.length && identities.some(countsLevelsTwice);
  const amountInLabel = labelWithAmount(rt);
  const blankTotal = blankTotalColumn(rt);
  const localisation = found.confirmed && (levelsAddedTogether || amountInLabel !== null || blankTotal !== null) ? { ...found, confirmed: false, minimalSets: [], suspects: [], candidates: [], fixes: new Map() } : found;
  const smallest = localisation.minimalSets[0]?.length ?? (localisation.held === localisation.identities ? 0 : null);
  const reading: TableReading = {
    rt,
    levelsAddedTogether,
    amountInLabel,
    blankTotal,
    identities,
    drafts,
    failures,
    findings: [],
    localisation,
    evidence: {
      identities: localisation.identities,
      held: localisation.held,
      cells: localisation.cells,
      confirmed: localisation.confirmed,
      smallestFix: smallest,
      suspects: localisation.suspects.map(pair),
      candidates: localisation.candidates.map(pair),
    },
  };
  if (localisation.confirmed) reading.findings = confirmedFindings(reading);
  return reading;
}

/** A table whose reading broke off with an error: not confirmed, and said so. */
export function unreadable(rt: RecognizedTable, error: string): TableReading {
  const r = readTable(rt, [], [], [{ tableId: rt.table.id, rule: 'reading', error }]);
  return { ...r, findings: [], localisation: { ...r.localisation, confirmed: false }, evidence: { ...r.evidence, confirmed: false } };
}

/** An amount as printed in a table (1,234.56 or 1234.56), not a share or a code. */
const AMOUNT = /(?<![\d.,])\d{1,3}(?:,\d{3})+\.\d{2}(?![\d%％])|(?<![\d.,])\d+\.\d{2}(?![\d%％])/;

/**
 * The first row name that holds an amount (城市最低生活018525711.00保障金支出): the figures were read
 * into the name column, so the columns of the table were not told apart and none of its cells can
 * be trusted — also when the identities that are left happen to hold. A performance form's fields
 * (年度预算资金总额: 30.00) are text, not rows of amounts.
 */
function labelWithAmount(rt: RecognizedTable): string | null {
  if (rt.type === 'PerformanceTarget') return null;
  for (const pane of rt.panes) for (const r of pane.rows) if (r.kind !== 'blank' && AMOUNT.test(r.label)) return r.label;
  return null;
}

/**
 * A total column blank on every row where its parts print a figure other than 0 (合计 empty, 出国
 * 5.80, 小计 2.40 …): no identity of it can be judged, and in a printed table a total is never left
 * out while its parts are there — the figures were placed one column off (no vertical rules).
 */
function blankTotalColumn(rt: RecognizedTable): string | null {
  const nonZero = (row: number, col: number) => {
    const f = figureAt(rt, row, col);
    return !!f && !f.blank && !f.value.isZero();
  };
  const empty = (row: number, col: number) => {
    const f = figureAt(rt, row, col);
    return !f || isEmpty(f);
  };
  for (const pane of rt.panes) {
    const rows = pane.rows.filter((r) => r.kind !== 'blank');
    for (const c of pane.amountCols) {
      if (!TOTAL_HEADER.test(rt.columns[c]?.path.at(-1) ?? '')) continue;
      // The columns it can total: those after it under the same parent header (合计 | 出国 | 车 | 接待).
      const parent = rt.columns[c].path.slice(0, -1).join('›');
      const parts = pane.amountCols.filter((o) => o > c && rt.columns[o].path.join('›').startsWith(parent) && !TOTAL_HEADER.test(rt.columns[o].path.at(-1) ?? ''));
      const printed = rows.filter((r) => parts.some((o) => nonZero(r.row, o)));
      if (printed.length && printed.every((r) => empty(r.row, c))) return columnName(rt, c);
    }
  }
  return null;
}

const TOTAL_HEADER = /^(合计|总计)$/;

/** A failing sum whose items add up to exactly m × its total (m = 2, 3, 4). */
function countsLevelsTwice(id: RecordedIdentity): boolean {
  if (id.holds) return false;
  const totals = id.terms.filter((t) => t.coef === 1);
  if (totals.length !== 1 || totals[0].fig.value.isZero() || id.terms.length < 3) return false;
  const total = totals[0].fig.value;
  const items = total.minus(id.difference);
  for (const m of [2, 3, 4]) if (items.minus(total.times(m)).abs().lte(id.tolerance.times(m))) return true;
  return false;
}

/** A re-reading replaces a reading only when it is confirmed and needs fewer wrong cells. */
export function betterReading(candidate: TableReading, current: TableReading): boolean {
  const a = candidate.evidence;
  const b = current.evidence;
  if (!a.confirmed) return false;
  // A re-reading that makes a total stand over blanks only has not explained the table: it has
  // lost the identity (小计 = 购置费 alone, blank, instead of 购置费 + 运行费).
  const missing = (r: TableReading) => r.drafts.filter((d) => d.rowsMissing && d.severity !== 'info').length;
  if (missing(candidate) > missing(current)) return false;
  if (!b.confirmed) return true;
  const size = (e: ReadingEvidence) => e.smallestFix ?? Infinity;
  return size(a) < size(b) || (size(a) === size(b) && a.held > b.held);
}

/** 结构未能确认 — the reading implies identities that no small set of wrong figures explains. */
export function unconfirmedNote(r: TableReading): UncheckedTable {
  const { identities, held, cells } = r.localisation;
  const k = READING_SETTINGS.maxSuspects;
  const broke = r.failures.find((f) => f.rule === 'reading');
  if (broke) return { tableId: r.rt.table.id, reason: `读取此表的结构时出错，未核对：${broke.error}`, reasonEn: `Reading this table's structure failed; not checked: ${broke.error}` };
  if (r.blankTotal !== null)
    return {
      tableId: r.rt.table.id,
      reason: `结构未能确认：合计列“${r.blankTotal}”在其组成列有数的各行均为空，数字可能错列，故不核对此表`,
      reasonEn: `Structure not confirmed: the total column “${r.blankTotal}” is blank on every row whose parts print figures, so the figures may stand under the wrong headers; the table is not checked`,
    };
  if (r.amountInLabel !== null)
    return {
      tableId: r.rt.table.id,
      reason: `结构未能确认：名称列中混有金额（“${r.amountInLabel.slice(0, 30)}”），各列未能分开，故不核对此表`,
      reasonEn: `Structure not confirmed: a row name holds amounts (“${r.amountInLabel.slice(0, 30)}”), so the columns were not told apart; the table is not checked`,
    };
  if (r.levelsAddedTogether)
    return {
      tableId: r.rt.table.id,
      reason: `结构未能确认：按当前读法，有合计恰为其各项之和的整数分之一（各项之和是合计的 2–4 倍），即把不同层级（类、款、项）当作同级相加，是表格读错而非数字有误，故不核对此表`,
      reasonEn: `Structure not confirmed: as read, the items of a total add up to exactly 2–4 times the total, i.e. levels of the hierarchy (类, 款, 项) were added together: the table is misread, not wrong, so it is not checked`,
    };
  return {
    tableId: r.rt.table.id,
    reason: `结构未能确认：按当前读法，${identities} 个勾稽关系中 ${identities - held} 个不成立，改动任意不超过 ${k} 个数（所涉 ${cells} 个数的 10%）都无法使其全部成立，更可能是表格读错而非数字有误，故不核对此表`,
    reasonEn: `Structure not confirmed: as read, ${identities - held} of ${identities} identities fail and no change of at most ${k} figures (10 % of the ${cells} involved) makes them all hold; the table is more likely misread than wrong, so it is not checked`,
  };
}

const refCell = (r: FindingRef): string | null => (r.row !== undefined && r.col !== undefined ? `${r.row}:${r.col}` : null);

function figureOf(r: TableReading, key: string): CellFigure | null {
  for (const id of r.identities) for (const t of id.terms) if (cellKey(t.fig) === key) return t.fig;
  return null;
}

function where(r: TableReading, f: CellFigure): { zh: string; en: string } {
  const row = r.rt.panes.flatMap((p) => p.rows).find((x) => x.row === f.row);
  const rowText = rowName(r.rt, f.row, row?.label ?? '', row?.code?.code);
  const col = columnName(r.rt, f.col);
  return { zh: `《${tableName(r.rt)}》${rowText}行 ${col}列`, en: `${tableName(r.rt)}, row ${rowText}, column ${col}` };
}

/** The loud draft a failing identity produced, matched by the cells it refers to. */
function draftOf(id: RecordedIdentity, drafts: Statement[]): Statement | null {
  if (!id.finding) return null;
  if (drafts.includes(id.finding)) return id.finding;
  const cells = (f: Statement) => f.refs.map(refCell).join(',');
  const target = cells(id.finding);
  return drafts.find((d) => d.severity !== 'info' && cells(d) === target) ?? null;
}

/** The table's findings once its reading is confirmed. */
export function confirmedFindings(r: TableReading): Statement[] {
  const { localisation: loc } = r;
  const failing = r.identities.filter((id) => !id.holds);
  if (!failing.length) return r.drafts;
  const used = new Set<Statement>();
  const out: Statement[] = [];
  if (loc.suspects.length) {
    // A suspect's fix as its column prints figures (a blank has no printed precision of its own).
    const fixOf = (key: string, fig: CellFigure) => {
      const fix = loc.fixes.get(key) ?? new Decimal(0);
      const dp = fig.blank ? (r.rt.columns[fig.col]?.decimals ?? 2) : fig.decimals;
      return { fix, dp, text: show(fix.toDecimalPlaces(dp), dp) };
    };
    const assigned = new Set<RecordedIdentity>();
    for (const key of loc.suspects) {
      const fig = figureOf(r, key);
      if (!fig) continue;
      const mine = failing.filter((id) => !assigned.has(id) && id.terms.some((t) => cellKey(t.fig) === key));
      const evidence = mine.map((id) => draftOf(id, r.drafts)).filter((d): d is Statement => d !== null);
      mine.forEach((id) => assigned.add(id));
      evidence.forEach((d) => used.add(d));
      if (!evidence.length) continue;
      const { fix, dp, text: fixText } = fixOf(key, fig);
      const suspectRef = evidence.flatMap((d) => d.refs).find((x) => refCell(x) === key) ?? refOf(fig, 'item');
      const refs: FindingRef[] = [suspectRef];
      const seen = new Set([key]);
      for (const d of evidence) for (const x of d.refs) {
        const k = refCell(x) ?? `${x.page}:${x.bbox.join(',')}`;
        if (!seen.has(k)) {
          seen.add(k);
          refs.push(x);
        }
      }
      const w = where(r, fig);
      const n = evidence.length;
      // Other suspects in the same identities: this figure's fix alone does not make those hold.
      const partners = [...new Set(mine.flatMap((id) => loc.suspects.filter((k) => k !== key && id.terms.some((t) => cellKey(t.fig) === k))))]
        .map((k) => ({ k, fig: figureOf(r, k) }))
        .filter((p): p is { k: string; fig: CellFigure } => p.fig !== null);
      const partnerText = (lang: 'zh' | 'en') =>
        partners
          .map(({ k, fig: p }) => {
            const pw = where(r, p);
            const fixed = fixOf(k, p).text;
            return lang === 'zh' ? `${pw.zh} ${p.text || '（空）'}（应为 ${fixed}）` : `${pw.en}: ${p.text || '(blank)'} (implied ${fixed})`;
          })
          .join(lang === 'zh' ? '、' : '; ');
      const together = partners.length ? `，并与${partnerText('zh')}一同更正后` : '';
      const togetherEn = partners.length ? ` together with ${partnerText('en')},` : '';
      const head = `${w.zh} ${fig.text || '（空）'} 疑有误：按其余各数应为 ${fixText}${together}，${n > 1 ? `方能使以下 ${n} 个勾稽关系同时成立` : '勾稽关系方能成立'}。`;
      const headEn = `${w.en}: ${fig.text || '(blank)'} is likely wrong; the other figures imply ${fixText}, which${togetherEn} makes ${n > 2 ? `all ${n} failing identities` : n === 2 ? 'both failing identities' : 'the identity'} hold. `;
      const severity = evidence.some((d) => d.severity === 'error') ? 'error' : 'warning';
      out.push({
        ...evidence[0],
        severity,
        message: head + evidence.map((d) => d.message).join('；'),
        messageEn: headEn + evidence.map((d) => d.messageEn).join('; '),
        expected: fixText,
        actual: fig.text,
        difference: show(fig.value.minus(fix).toDecimalPlaces(dp), dp),
        refs,
        suspects: [0],
      });
    }
  } else {
    // Not unique: several figures could be the wrong one. Report each failing identity and blame none.
    const names = loc.candidates.slice(0, 8).map((k) => figureOf(r, k)?.text || '（空）');
    const note = loc.candidates.length <= 8 ? `（仅凭算术无法确定哪个数有误，候选：${names.join('、')}）` : '（仅凭算术无法确定哪个数有误）';
    const noteEn = loc.candidates.length <= 8 ? ` (the arithmetic cannot tell which figure is wrong; candidates: ${names.join(', ')})` : ' (the arithmetic cannot tell which figure is wrong)';
    for (const id of failing) {
      const d = draftOf(id, r.drafts);
      if (!d || used.has(d)) continue;
      used.add(d);
      out.push({ ...d, message: d.message + note, messageEn: d.messageEn + noteEn, suspects: [] });
    }
  }
  // Findings not tied to a failing identity (尾差 info, structure notes) stand as they are.
  for (const d of r.drafts) if (!used.has(d) && !failing.some((id) => draftOf(id, [d]) === d)) out.push(d);
  return out;
}
