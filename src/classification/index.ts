/**
 * Lookup in the 政府收支分类科目 (see data.ts): code → official name, name → codes, and how close
 * a printed name is to the official one (truncated cells and small wording drift are not errors).
 */
import { DEPARTMENT_ECONOMIC_CODES, FORMER_NAMES, FUNCTION_CODES, GOVERNMENT_ECONOMIC_CODES } from './data';

export { CLASSIFICATION_SOURCE, CLASSIFICATION_YEAR } from './data';

export type CodeSystem = 'function' | 'department-economic' | 'government-economic';
export type CodeLevel = 'class' | 'section' | 'item';

export interface ClassificationEntry {
  code: string;
  name: string;
  system: CodeSystem;
  level: CodeLevel;
  /** The 类 / 款 this code sits under (null for a 类). */
  parent: string | null;
}

function parse(text: string, system: CodeSystem): ClassificationEntry[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [code, ...rest] = l.split(/\s+/);
      const level: CodeLevel = code.length === 3 ? 'class' : code.length === 5 ? 'section' : 'item';
      return { code, name: rest.join(''), system, level, parent: code.length === 3 ? null : code.slice(0, code.length - 2) };
    });
}

const ENTRIES: ClassificationEntry[] = [
  ...parse(FUNCTION_CODES, 'function'),
  ...parse(DEPARTMENT_ECONOMIC_CODES, 'department-economic'),
  ...parse(GOVERNMENT_ECONOMIC_CODES, 'government-economic'),
];
const BY_CODE = new Map(ENTRIES.map((e) => [e.code, e]));
/** Normalised official name → entries (names repeat: 行政运行 …). */
const BY_NAME = new Map<string, ClassificationEntry[]>();
for (const e of ENTRIES) {
  const n = normalizeName(e.name);
  BY_NAME.set(n, [...(BY_NAME.get(n) ?? []), e]);
}
const CLASSES = ENTRIES.filter((e) => e.system === 'function' && e.level === 'class').map((e) => ({ e, n: normalizeName(e.name), c: core(e.name) }));

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

/** Names as compared: NFKC, no spaces, no quotes or brackets. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKC')
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
  if (code && FORMER_NAMES[code]?.some((f) => normalizeName(f) === b)) return 'near';
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
