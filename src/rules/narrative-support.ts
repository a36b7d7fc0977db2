/**
 * Shared plumbing for the narrative rules: references to numbers in the text (role 'text'),
 * the rounding interval of a printed figure, and ratio intervals for 占x% / 增长y% / 完成y%.
 */
import Decimal from 'decimal.js';
import { locateText } from '../layout/locate';
import type { Paragraph } from '../layout/types';
import type { FindingRef } from '../report/types';
import type { CheckContext, DraftFinding } from './types';
import { piecesOf, type NarrativeAmount, type NarrativeNumber, type NarrativeStatement } from '../recognize/narrative';
import { buildStatements, documentParts, partOfTable, projectNames, type Basis, type DocumentPart, type Statement } from '../recognize/statement';
import type { RecognizedTable } from '../recognize/tables';
import { halfUnit } from '../recognize/reading/precision';

export function textRef(p: Paragraph, start: number, end: number): FindingRef {
  const text = p.text.slice(start, end);
  // a joined paragraph: locate in the layout paragraph that holds the start of the text
  const pieces = piecesOf(p);
  let piece = pieces[0];
  for (const q of pieces) if (q.offset <= start) piece = q;
  const inner = piece.paragraph;
  const s = start - piece.offset;
  const e = Math.min(end - piece.offset, inner.text.length);
  let loc: ReturnType<typeof locateText> = null;
  try {
    loc = e > s ? locateText(inner, s, e) : null;
  } catch {
    loc = null;
  }
  return { page: loc?.page ?? inner.page, bbox: loc?.bbox ?? inner.bbox, text, role: 'text' };
}

export function numberRef(p: Paragraph, n: NarrativeNumber): FindingRef {
  return textRef(p, n.start, n.unitEnd);
}

export function amountRef(a: NarrativeAmount): FindingRef {
  return numberRef(a.paragraph, a.number);
}

/** The figure as printed with its unit: `5856.63万元`, `94.70%`. */
export function shown(n: NarrativeNumber): string {
  return `${n.text}${n.unitText === '%' || n.unitText === '％' ? '%' : n.unitText}`;
}

/** A short quote of the sentence around a statement (for messages). */
export function quote(text: string, max = 60): string {
  const t = text.replace(/\s+/g, '').replace(/[。；;，,]$/, '');
  return t.length <= max ? t : t.slice(0, max - 1) + '…';
}

/**
 * Half a unit of the last printed place of an amount in 万元 (of a measure, in its own unit); 0 for
 * exact figures (元, counts).
 */
export function halfOf(n: NarrativeNumber): Decimal {
  if (n.unit === '元' || n.unit === 'count') return new Decimal(0);
  // “0万元” is nothing at all, not a rounded figure
  if (n.value.isZero() && n.decimals === 0) return new Decimal(0);
  // (in 万元, as the amount's value is: 3343.9亿元 is rounded to 0.05 亿元 = 500 万元)
  if (n.unit === '亿元') return halfUnit(n.decimals).times(10000);
  return halfUnit(n.decimals);
}

/** A value in 万元 (as amountValue gives) shown in the unit `n` is printed in (亿元, 元; counts as they are). */
export function asPrinted(n: NarrativeNumber, wan: Decimal): Decimal {
  return n.unit === '亿元' ? wan.div(10000) : n.unit === '元' ? wan.times(10000) : wan;
}

/** The amount in 万元 (money) or as printed (counts). */
export function amountValue(n: NarrativeNumber): Decimal {
  return n.wan ?? n.value;
}

/** Half unit of an amount, in 万元 (元 amounts are exact). */
export function halfWan(n: NarrativeNumber): Decimal {
  return halfOf(n);
}

export interface Interval {
  lo: Decimal;
  hi: Decimal;
}

/** num/den × 100 over the intervals num ± hn, den ± hd; null when the denominator may be 0. */
export function percentInterval(num: Decimal, hn: Decimal, den: Decimal, hd: Decimal): Interval | null {
  const dLo = den.minus(hd);
  const dHi = den.plus(hd);
  if (dLo.lte(0)) return null;
  const nLo = Decimal.max(num.minus(hn), 0);
  const nHi = num.plus(hn);
  return { lo: nLo.div(dHi).times(100), hi: nHi.div(dLo).times(100) };
}

export type PercentVerdict = 'equal' | 'rounding' | 'mismatch';

/** Does a printed percentage agree with the exact ratio (equal), with its interval (尾差), or neither? */
export function judgePercent(exact: Decimal, interval: Interval, stated: NarrativeNumber): PercentVerdict {
  const d = stated.decimals;
  const rounded = exact.toDecimalPlaces(d, Decimal.ROUND_HALF_UP);
  if (rounded.eq(stated.value)) return 'equal';
  const h = halfUnit(d);
  const sLo = stated.value.minus(h);
  const sHi = stated.value.plus(h);
  if (sHi.gte(interval.lo) && sLo.lte(interval.hi)) return 'rounding';
  return 'mismatch';
}

/** `94.70%` from a ratio already × 100. */
export function pct(v: Decimal, decimals = 2): string {
  return `${v.toFixed(decimals)}%`;
}

/**
 * An exact rate shown beside a rate printed with `d` places: two places more, and more while the
 * shown value would round to another printed rate than the exact one does (22.02498…% shown as
 * 22.0250% reads as 22.03%).
 */
export function pctExact(v: Decimal, d: number, from = d + 2): string {
  const target = v.toDecimalPlaces(d, Decimal.ROUND_HALF_UP);
  let places = from;
  while (places < d + 8 && new Decimal(v.toFixed(places)).toDecimalPlaces(d, Decimal.ROUND_HALF_UP).eq(target) === false) places++;
  return pct(v, places);
}

/** A rounding interval `[lo, hi]` with two places more than `d`, more while its ends would look alike. */
export function pctInterval(interval: { lo: Decimal; hi: Decimal }, d: number): string {
  let places = d + 2;
  while (places < d + 8 && interval.lo.toFixed(places) === interval.hi.toFixed(places)) places++;
  return `[${pct(interval.lo, places)}, ${pct(interval.hi, places)}]`;
}

export function money(n: NarrativeNumber): string {
  return `${n.text}${n.unitText}`;
}

/** A decimal shown with `decimals` places. */
export function fixed(v: Decimal, decimals: number): string {
  return v.toFixed(Math.max(0, decimals));
}

/**
 * 末位取舍: a printed rate one unit off in its last place that the author's own rounding explains —
 * the exact value cut (not rounded) to the printed places, or shares pressed to add up to 100 %.
 * Returns the explanation (Chinese, English), or null when neither explains the figure.
 */
export function lastDigitNote(exact: Decimal, stated: NarrativeNumber, pressedTo100 = false): { zh: string; en: string } | null {
  const d = stated.decimals;
  const rounded = exact.toDecimalPlaces(d, Decimal.ROUND_HALF_UP);
  if (rounded.eq(stated.value)) return null;
  const unit = new Decimal(1).div(new Decimal(10).pow(d));
  if (!rounded.minus(stated.value).abs().eq(unit)) return null;
  if (exact.toDecimalPlaces(d, Decimal.ROUND_DOWN).eq(stated.value)) {
    return { zh: `末位取舍：${pctExact(exact, d)} 截去（未四舍五入）得 ${stated.text}%，四舍五入应为 ${rounded.toFixed(d)}%`, en: `last digit: ${pctExact(exact, d)} cut (not rounded) to ${stated.text}%; rounded it is ${rounded.toFixed(d)}%` };
  }
  if (pressedTo100) {
    return { zh: `末位取舍：各项占比合计凑足 100%，本项由 ${rounded.toFixed(d)}% 调为 ${stated.text}%`, en: `last digit: the shares were pressed to add up to 100 %, this one from ${rounded.toFixed(d)}% to ${stated.text}%` };
  }
  return null;
}

/** A mismatch finding explained by the last digit's rounding habit becomes info, with the reason. */
export function asLastDigit(f: DraftFinding, note: { zh: string; en: string } | null): DraftFinding {
  if (!note) return f;
  return { ...f, severity: 'info', message: `${note.zh}。${f.message}`, messageEn: `${note.en}. ${f.messageEn}` };
}

const BUILT = new WeakMap<NarrativeStatement[], Statement[]>();

/**
 * The narrative's statements (subject, measure, basis, scope) as recognition made them; built from
 * the reader's statements when the context was made without them (tests, tools).
 */
export function statementsOf(ctx: CheckContext): Statement[] {
  if (ctx.statements) return ctx.statements;
  let built = BUILT.get(ctx.narrative);
  if (!built) {
    built = buildStatements(ctx.narrative, ctx.layout.paragraphs, { kind: ctx.document.kind, year: ctx.document.year, parts: partsOf(ctx), projects: projectNames(ctx.tables) });
    BUILT.set(ctx.narrative, built);
  }
  return built;
}

const IN_PART = new WeakMap<RecognizedTable[], Map<number, RecognizedTable[]>>();

/**
 * The tables a statement may be compared with: those of its own 单位 part (a unit's 说明 meets only
 * that unit's tables); every table when the document has no parts or its part prints none. One
 * array per part, so lookups cached by table list stay cached.
 */
export function tablesInScope(tables: RecognizedTable[], st: Statement, parts: DocumentPart[]): RecognizedTable[] {
  const part = st.scope.part;
  if (!part || parts.length === 0) return tables;
  let byPart = IN_PART.get(tables);
  if (!byPart) IN_PART.set(tables, (byPart = new Map()));
  let own = byPart.get(part.index);
  if (!own) {
    own = tables.filter((rt) => partOfTable(parts, rt.table)?.index === part.index);
    if (own.length === 0) own = tables;
    byPart.set(part.index, own);
  }
  return own;
}

/** The parts of the context's document (recognised, or found from its layout). */
export function partsOf(ctx: CheckContext): DocumentPart[] {
  if (ctx.parts) return ctx.parts;
  let parts = PARTS_OF.get(ctx.layout);
  if (!parts) PARTS_OF.set(ctx.layout, (parts = documentParts(ctx.layout)));
  return parts;
}

const PARTS_OF = new WeakMap<CheckContext['layout'], DocumentPart[]>();

const BY_NUMBER = new WeakMap<Statement[], Map<NarrativeNumber, Statement>>();

/**
 * The statement each printed figure became (an amount, a change, a rate, a share …): the rules that
 * combine figures ask the model what each one is about instead of reading the reader's labels.
 */
export function statementLookup(ctx: CheckContext): (n: NarrativeNumber | null | undefined) => Statement | undefined {
  const all = statementsOf(ctx);
  let map = BY_NUMBER.get(all);
  if (!map) {
    map = new Map();
    for (const s of all) if (!map.has(s.number)) map.set(s.number, s);
    BY_NUMBER.set(all, map);
  }
  const m = map;
  return (n) => (n ? m.get(n) : undefined);
}

/** The model names what the figure is about (a total, a 科目, a project, a head count …). */
export function identified(s: Statement): boolean {
  return s.subject.kind !== 'unknown' && s.subject.kind !== 'tally' && s.subject.name !== '';
}

/** Two figures about one and the same thing: both identified, one subject, one fund, one 科目. */
export function sameSubject(a: Statement, b: Statement): boolean {
  if (!identified(a) || !identified(b)) return false;
  const x = a.subject;
  const y = b.subject;
  if (x.kind !== y.kind || x.fund !== y.fund) return false;
  if (x.codes.length || y.codes.length) return x.codes.join('+') === y.codes.join('+');
  return x.name === y.name;
}

/** The same 单位 part of the document (both outside parts when it has none). */
export function samePart(a: Statement, b: Statement): boolean {
  return (a.scope.part?.index ?? -1) === (b.scope.part?.index ?? -1);
}

/** Same part, same 说明 section, same project paragraph run. */
export function sameScope(a: Statement, b: Statement): boolean {
  return samePart(a, b) && a.scope.section === b.scope.section && a.scope.project === b.scope.project;
}

/** Two bases that both say which they are and differ (预算 vs 决算 / 执行) — never compared. */
export function otherBasis(a: Basis | null | undefined, b: Basis | null | undefined): boolean {
  return !!a && !!b && a !== b;
}

/** Both figures printed in one sentence (up to 。): the sentence ties them, whatever their subject. */
export function sameSentence(a: Statement, b: Statement): boolean {
  if (a.anchor.paragraph !== b.anchor.paragraph) return false;
  const text = a.anchor.paragraph.text;
  const from = Math.min(a.anchor.start, b.anchor.start);
  const to = Math.max(a.anchor.start, b.anchor.start);
  return !/[。！？\n]/.test(text.slice(from, to));
}

/**
 * Two figures one rule sets against each other: never across 单位 parts; within one sentence the
 * sentence ties them (unless both are identified as different things); across sentences both must be
 * identified as the same subject, in one section and project — else the rule abstains.
 */
export function linkable(a: Statement | undefined, b: Statement | undefined): boolean {
  if (!a || !b) return false;
  if (!samePart(a, b)) return false;
  if (sameSentence(a, b)) return !namedApart(a, b);
  return sameSubject(a, b) && sameScope(a, b);
}

/**
 * Two figures the model names as two different things of one kind: two totals (基本支出 / 项目支出),
 * two 科目 of different codes. (A 科目 named by its path in one place and by its code in the other is
 * not told apart here.)
 */
export function namedApart(a: Statement, b: Statement): boolean {
  if (!identified(a) || !identified(b)) return false;
  return namesApart(a.subject, b.subject);
}

const FUND_PREFIX = /^(财政拨款|一般公共预算|政府性基金预算|国有资本经营预算)/;

/**
 * Two subjects of one kind that name different things: different 科目 codes, different totals, or
 * two different funds. A subject named without its fund (因公出国（境）费) is not told apart from the
 * same one named with it (财政拨款因公出国（境）费): the sentence around says which money it is.
 */
export function namesApart(x: Statement['subject'], y: Statement['subject']): boolean {
  if (x.kind === 'unknown' || y.kind === 'unknown' || x.kind !== y.kind) return false;
  if (x.kind === 'classification') return x.codes.length > 0 && y.codes.length > 0 && x.codes.join('+') !== y.codes.join('+');
  if (x.fund !== 'all' && y.fund !== 'all' && x.fund !== y.fund) return true;
  return x.name.replace(FUND_PREFIX, '') !== y.name.replace(FUND_PREFIX, '');
}
