/**
 * Lookup in the 政府收支分类科目 (see data.ts): code → official name in a given year, name →
 * codes, and how close a printed name is to the official one (truncated cells and small wording
 * drift are not errors). Each code carries the names of every edition since 2017 with the years
 * they were in force, so a document is judged against the classification of its own year.
 */
import { DEPARTMENT_ECONOMIC_CODES, FUNCTION_CODES, GOVERNMENT_ECONOMIC_CODES, GOVERNMENT_ECONOMIC_FROM, NAME_HISTORY } from './data';

export { CLASSIFICATION_SOURCE, CLASSIFICATION_YEAR } from './data';

export type CodeSystem = 'function' | 'department-economic' | 'government-economic';
export type CodeLevel = 'class' | 'section' | 'item';

/** One name of a code and the budget years it was in force (inclusive; null = open end). */
export interface NameEdition {
  name: string;
  from: number | null;
  to: number | null;
}

export interface ClassificationEntry {
  code: string;
  /** The name in the latest edition that has the code. */
  name: string;
  system: CodeSystem;
  level: CodeLevel;
  /** The 类 / 款 this code sits under (null for a 类). */
  parent: string | null;
  /** Every name the code has carried since 2017, oldest first. */
  editions: NameEdition[];
}

function systemByShape(code: string): CodeSystem {
  return code[0] === '2' ? 'function' : code[0] === '5' ? 'government-economic' : 'department-economic';
}

function lines(text: string): { code: string; rest: string[] }[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [code, ...rest] = l.split(/\s+/);
      return { code, rest };
    });
}

function years(spec: string): { from: number | null; to: number | null } {
  const m = /^(\d{4})?-(\d{4})?$/.exec(spec);
  if (!m) throw new Error(`classification data: bad year range ${spec}`);
  return { from: m[1] ? Number(m[1]) : null, to: m[2] ? Number(m[2]) : null };
}

function build(): ClassificationEntry[] {
  const history = new Map<string, NameEdition[]>();
  for (const { code, rest } of lines(NAME_HISTORY)) {
    const spec = rest.pop()!;
    history.set(code, [...(history.get(code) ?? []), { name: rest.join(''), ...years(spec) }]);
  }
  const byCode = new Map<string, ClassificationEntry>();
  const add = (code: string, system: CodeSystem, editions: NameEdition[]) => {
    const level: CodeLevel = code.length === 3 ? 'class' : code.length === 5 ? 'section' : 'item';
    const sorted = [...editions].sort((a, b) => (a.from ?? -Infinity) - (b.from ?? -Infinity));
    const latest = [...sorted].sort((a, b) => (b.to ?? Infinity) - (a.to ?? Infinity))[0];
    byCode.set(code, { code, name: latest.name, system, level, parent: code.length === 3 ? null : code.slice(0, code.length - 2), editions: sorted });
  };
  const current: [string, CodeSystem][] = [
    [FUNCTION_CODES, 'function'],
    [DEPARTMENT_ECONOMIC_CODES, 'department-economic'],
    [GOVERNMENT_ECONOMIC_CODES, 'government-economic'],
  ];
  for (const [text, system] of current) {
    for (const { code, rest } of lines(text)) {
      const name = rest.join('');
      const past = history.get(code) ?? [];
      history.delete(code);
      const own = past.find((e) => normalizeName(e.name) === normalizeName(name));
      const others = past.filter((e) => e !== own);
      const lastOther = Math.max(...others.map((e) => e.to ?? -Infinity));
      const from = own?.from ?? (Number.isFinite(lastOther) ? lastOther + 1 : system === 'government-economic' ? GOVERNMENT_ECONOMIC_FROM : null);
      add(code, system, [...others, { name, from, to: own?.to ?? null }]);
    }
  }
  // codes of earlier editions only (abolished since)
  for (const [code, editions] of history) add(code, systemByShape(code), editions);
  return [...byCode.values()];
}

const ENTRIES: ClassificationEntry[] = build();
const BY_CODE = new Map(ENTRIES.map((e) => [e.code, e]));
/** Normalised name of any edition → entries (names repeat: 行政运行 …). */
const BY_NAME = new Map<string, ClassificationEntry[]>();
for (const e of ENTRIES) {
  for (const n of new Set(e.editions.map((x) => normalizeName(x.name)))) BY_NAME.set(n, [...(BY_NAME.get(n) ?? []), e]);
}
const CLASSES = ENTRIES.filter((e) => e.system === 'function' && e.level === 'class').flatMap((e) => e.editions.map((x) => ({ e, n: normalizeName(x.name), c: core(x.name) })));
/** Function 款 / 项 under each parent code, precomputed for the path rule. */
const CHILDREN = new Map<string, ClassificationEntry[]>();
for (const e of ENTRIES) if (e.parent) CHILDREN.set(e.parent, [...(CHILDREN.get(e.parent) ?? []), e]);

/** Whether an edition is in force in `year`. */
export function inForce(edition: NameEdition, year: number): boolean {
  return (edition.from === null || edition.from <= year) && (edition.to === null || year <= edition.to);
}

/** Years between `year` and the nearest year an edition was in force (0 when in force). */
export function yearsApart(edition: NameEdition, year: number): number {
  if (edition.from !== null && year < edition.from) return edition.from - year;
  if (edition.to !== null && year > edition.to) return year - edition.to;
  return 0;
}

/** The code's name in force in `year` (null when the code did not exist then); the latest name when the year is unknown. */
export function editionIn(entry: ClassificationEntry, year: number | null): NameEdition | null {
  if (year === null) return entry.editions.find((e) => e.name === entry.name) ?? null;
  return entry.editions.find((e) => inForce(e, year)) ?? null;
}

/** `code` and its children of one level (all editions). */
export function childrenOf(parent: string, level?: CodeLevel): readonly ClassificationEntry[] {
  const all = CHILDREN.get(parent) ?? [];
  return level ? all.filter((e) => e.level === level) : all;
}

/** The system a code belongs to by its shape: 2xx… function, 3xx… 部门经济, 5xx… 政府经济. */
export function systemOf(code: string): CodeSystem | null {
  if (!/^\d{3}(\d{2}){0,2}$/.test(code)) return null;
  if (code[0] === '2') return 'function';
  if (code[0] === '3' && code.length <= 5) return 'department-economic';
  if (code[0] === '5' && code.length <= 5) return 'government-economic';
  return null;
}

export function lookupCode(code: string): ClassificationEntry | undefined {
  return BY_CODE.get(code);
}

export function allEntries(): readonly ClassificationEntry[] {
  return ENTRIES;
}

/** Names as compared: NFKC, no spaces, no quotes or brackets, 其它 written 其他 (one word, two spellings). */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/其它/g, '其他')
    .replace(/\s+/g, '')
    .replace(/[“”"'‘’《》<>]/g, '')
    .replace(/[()（）]/g, '')
    .replace(/[，,、。.；;：:]/g, '');
}

function core(name: string): string {
  return normalizeName(name)
    .replace(/^(机关|其中)/, '')
    .replace(/的/g, '')
    .replace(/(支出|费用|费)$/, '');
}

/** Length of the longest common subsequence of two names. */
export function lcs(a: string, b: string): number {
  const dp = new Array(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let prev = 0;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = a[i - 1] === b[j - 1] ? prev + 1 : Math.max(dp[j], dp[j - 1]);
      prev = tmp;
    }
  }
  return dp[b.length];
}

export type NameMatch = 'same' | 'near' | 'different';

/**
 * How a printed name compares with the official one: `same` (equal up to spacing, brackets,
 * a truncated cell, 机关/的/支出 wording), `near` (a former name or a few characters apart),
 * `different`.
 */
export function compareNames(official: string, shown: string, code?: string): NameMatch {
  const a = normalizeName(official);
  const b = normalizeName(shown);
  if (!b) return 'same';
  if (a === b) return 'same';
  if (b.length >= 4 && a.startsWith(b)) return 'same';
  const ca = core(official);
  const cb = core(shown);
  if (ca === cb || (cb.length >= 4 && ca.startsWith(cb)) || (ca.length >= 4 && cb.startsWith(ca))) return 'same';
  if (code && BY_CODE.get(code)?.editions.some((f) => normalizeName(f.name) === b)) return 'near';
  const common = lcs(ca, cb);
  if (common / Math.max(ca.length, cb.length) >= 0.6) return 'near';
  return 'different';
}

/** Codes whose official name is `name` (exact after normalisation), optionally of one system/level. */
export function findByName(name: string, system?: CodeSystem, level?: CodeLevel): ClassificationEntry[] {
  const n = normalizeName(name);
  if (!n) return [];
  return (BY_NAME.get(n) ?? []).filter((e) => (!system || e.system === system) && (!level || e.level === level));
}

/** The 类 a printed class name refers to: 卫生健康支出, 卫生健康, 社会保障和就业支出(类) … */
export function functionClassByName(name: string): ClassificationEntry | undefined {
  const n = normalizeName(name).replace(/类$/, '');
  if (n.length < 2) return undefined;
  const c = core(n);
  return CLASSES.find((x) => x.n === n || x.n === n + '支出' || x.c === c)?.e;
}

/** The class (3-digit prefix) a code belongs to. */
export function classOf(code: string): string {
  return code.slice(0, 3);
}

/**
 * Years a name may stand apart from the document's year and still be only a note (info). A budget
 * for year Y is drafted in the autumn of Y−1 against the Y−1 edition, and a 决算 template can lag
 * an edition behind, so a name one edition off is the normal transition, not a slip. A name two or
 * more years away from any year it was in force (医疗卫生与计划生育支出, last in 2018, in a 2024
 * document) is clearly of another era: a warning, because the reader of that year's document
 * looks it up in that year's classification and will not find it. Never an error: the code and
 * the name do belong together.
 */
export const ERA_TOLERANCE_YEARS = 1;

/** How a printed name compares with the names a code carried, judged for the document's year. */
export type NameJudgement =
  /** A name the code carried in the document's year (any year when the year is unknown). */
  | { kind: 'same'; edition: NameEdition }
  /** Exactly a name the code carried in another year; `gap` years from the nearest such year. */
  | { kind: 'other-year'; edition: NameEdition; official: NameEdition | null; gap: number; later: boolean }
  /** A few characters from one of its names (`official`: the one meant). */
  | { kind: 'near'; official: NameEdition; inForce: boolean }
  /** None of its names; `inForce` false when the code did not exist in the document's year. */
  | { kind: 'different'; official: NameEdition; inForce: boolean };

/** Judge the name printed beside `code` against the classification of `year` (null: every edition). */
export function judgeName(code: string, shown: string, year: number | null): NameJudgement | null {
  const entry = BY_CODE.get(code);
  if (!entry) return null;
  const current = year === null ? null : editionIn(entry, year);
  const candidates = year === null ? entry.editions : current ? [current] : [];
  for (const e of candidates) if (compareNames(e.name, shown) === 'same') return { kind: 'same', edition: e };
  if (year !== null) {
    const others = entry.editions
      .filter((e) => e !== current && compareNames(e.name, shown) === 'same')
      .map((e) => ({ e, gap: yearsApart(e, year) }))
      .sort((a, b) => a.gap - b.gap);
    if (others.length > 0) {
      const { e, gap } = others[0];
      return { kind: 'other-year', edition: e, official: current, gap, later: e.from !== null && e.from > year };
    }
  }
  // what the printed name was meant to be: the year's own name first, then the nearest edition
  const meant = current ?? (year === null ? editionIn(entry, null) : [...entry.editions].sort((a, b) => yearsApart(a, year) - yearsApart(b, year))[0]) ?? entry.editions[0];
  const inForceThen = year === null || current !== null;
  const near = [meant, ...entry.editions.filter((e) => e !== meant)].find((e) => compareNames(e.name, shown) === 'near');
  if (near) return { kind: 'near', official: near, inForce: inForceThen };
  return { kind: 'different', official: meant, inForce: inForceThen };
}

/** 2019年 / 2017—2018年 / 2018年起 / 2019年前: the years an edition was in force, for messages. */
export function yearsText(e: NameEdition): string {
  if (e.from !== null && e.to !== null) return e.from === e.to ? `${e.from}年` : `${e.from}—${e.to}年`;
  if (e.from !== null) return `${e.from}年起`;
  if (e.to !== null) return `${e.to}年及以前`;
  return '各年度';
}
