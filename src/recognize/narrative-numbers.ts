/**
 * Numbers printed in the narrative (说明): amounts with their unit (万元 / 元 / 亿元), percentages,
 * counts (个, 人, 辆 …), measures (平方米, 公里, 吨 …), with the character offsets of each, so a finding can point at the digits.
 * Full-width digits and punctuation are read as their ASCII forms (NFKC); offsets stay in the
 * original text.
 */
import Decimal from 'decimal.js';
import { normalizeNumberText } from '../values/parse';

/** `count`: things counted, exact (人, 辆, 个); `measure`: a physical quantity, printed rounded (平方米, 吨). */
export type NumberUnit = '万元' | '元' | '亿元' | '万' | '%' | 'count' | 'measure' | 'none';

export interface NarrativeNumber {
  /** The value as printed (in its own unit; 12.5 for 12.5%). */
  value: Decimal;
  /** Decimal places as printed. */
  decimals: number;
  unit: NumberUnit;
  /** The unit word as printed (万元, 元, %, 个, 人 …). */
  unitText: string;
  /** The amount in 万元 for money (万元 / 元 / 亿元 / 万), else null. */
  wan: Decimal | null;
  /** Offsets of the digits in the paragraph text. */
  start: number;
  end: number;
  /** Offset just past the unit (== end when there is none). */
  unitEnd: number;
  /** The digits as printed. */
  text: string;
}

const DIGITS = '0-9０-９';
const NUMBER_SOURCE = `[${DIGITS}]+(?:,[${DIGITS}]{3})*(?:[.．][${DIGITS}]+)?`;
// (longest first: 平方米 before 米)
const MEASURE_UNITS = ['万平方米', '平方公里', '平方米', '平米', '立方米', '公顷', '亩', '公里', '千米', '米', '万吨', '吨'];
const COUNT_UNITS = ['人次', '批次', '台（套）', '台(套)', '个', '人', '辆', '台', '套', '项', '家', '批', '次', '名', '所', '处', '户', '份'];
// 万 alone is a unit before punctuation or the words that follow an amount (x万用于…, x万，占…)
const UNIT_SOURCE = `万元|亿元|元|万(?=[（(，,。；;、\\s]|$|用于|主要|左右|占|较|比|同比|与|和|及)|%|％|${MEASURE_UNITS.join('|')}|${COUNT_UNITS.map((u) => u.replace(/[()（）]/g, '\\$&')).join('|')}`;
const TOKEN = new RegExp(`(${NUMBER_SOURCE})(\\s*)(${UNIT_SOURCE})?`, 'g');

/** Every number in `text` with its unit, skipping years, dates, codes and list numbers. */
export function findNumbers(text: string): NarrativeNumber[] {
  const out: NarrativeNumber[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text))) {
    const digits = m[1];
    const start = m.index;
    const end = start + digits.length;
    const prev = text[start - 1] ?? '';
    // part of a longer alphanumeric run (e.g. DRG2, 41088222…)
    if (/[A-Za-z]/.test(prev)) continue;
    const unitText = m[3] ?? '';
    // the digits of a 类/款/项 level printed in its bracket (204类, 06款, 01项) are a code, not a count
    if (/[（(]\s*$/.test(text.slice(Math.max(0, start - 2), start)) && /^\s*(类|款|项)\s*[）)]/.test(text.slice(end))) continue;
    if (!unitText) {
      // years, dates, list numbers, codes: no unit → not a quantity (rates without % are found separately)
      if (/^\s*[年月日号届期批]/.test(text.slice(end))) continue;
    }
    const norm = normalizeNumberText(digits).replace(/,/g, '');
    let value: Decimal;
    try {
      value = new Decimal(norm);
    } catch {
      continue;
    }
    const decimals = norm.includes('.') ? norm.split('.')[1].length : 0;
    let unit: NumberUnit = 'none';
    let wan: Decimal | null = null;
    if (unitText === '万元' || unitText === '万') {
      unit = unitText;
      wan = value;
    } else if (unitText === '元') {
      unit = '元';
      wan = value.div(10000);
    } else if (unitText === '亿元') {
      unit = '亿元';
      wan = value.mul(10000);
    } else if (unitText === '%' || unitText === '％') unit = '%';
    else if (MEASURE_UNITS.includes(unitText)) unit = 'measure';
    else if (unitText) unit = 'count';
    out.push({ value, decimals, unit, unitText, wan, start, end, unitEnd: end + (unitText ? m[2].length + unitText.length : 0), text: digits });
  }
  return out;
}

/** Code in parentheses right around a position: （2080505） / (301). */
export const CODE_IN_PARENS = /[（(]\s*(\d{3}|\d{5}|\d{7})\s*[）)]/g;

export function parseDecimal(text: string): Decimal | null {
  const norm = normalizeNumberText(text).replace(/,/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(norm)) return null;
  return new Decimal(norm);
}
