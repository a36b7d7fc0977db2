/**
 * Parsing the numbers printed in disclosures into exact decimals, keeping the text as shown.
 * `1,767.85`, `90816893.00`, `0.00`, `-`, `—`, blank, `12.5%`, `-3.20`, `(3.20)`, full-width digits.
 */
import Decimal from 'decimal.js';

export type ValueKind = 'number' | 'percent' | 'blank' | 'dash' | 'text';

export interface ParsedValue {
  kind: ValueKind;
  /** The exact value; 0 for blank and dash cells, null for text. A percent keeps its number (12.5 for 12.5%). */
  value: Decimal | null;
  /** Decimal places as printed (2 for 1,767.85; 0 for 36). */
  decimals: number;
  /** The text as displayed in the document. */
  text: string;
}

const DASHES = /^[-－—–―‐‑‒━─一ー]+$/;
const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?$/;

/** NFKC folds full-width digits and punctuation (１２３，．％) that pdf.js leaves as printed. */
export function normalizeNumberText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').replace(/[−﹣]/g, '-');
}

export function parseValue(text: string): ParsedValue {
  const shown = text;
  let t = normalizeNumberText(text);
  if (t === '') return { kind: 'blank', value: new Decimal(0), decimals: 0, text: shown };
  if (DASHES.test(t)) return { kind: 'dash', value: new Decimal(0), decimals: 0, text: shown };
  let negative = false;
  let percent = false;
  if (t.startsWith('(') && t.endsWith(')')) {
    negative = true;
    t = t.slice(1, -1);
  }
  if (t.endsWith('%')) {
    percent = true;
    t = t.slice(0, -1);
  }
  const m = NUMBER.exec(t);
  if (!m || (m[2] === undefined && m[3] === undefined)) return { kind: 'text', value: null, decimals: 0, text: shown };
  const digits = `${m[2] ?? '0'}${m[3] !== undefined ? '.' + m[3] : ''}`.replace(/,/g, '');
  let value = new Decimal(digits);
  if (m[1] === '-') negative = !negative;
  if (negative) value = value.negated();
  return { kind: percent ? 'percent' : 'number', value, decimals: m[3]?.length ?? 0, text: shown };
}

/** True when the cell holds a figure the rules can use (numbers, blanks and dashes read as 0). */
export function isNumeric(v: ParsedValue): boolean {
  return v.kind === 'number' || v.kind === 'blank' || v.kind === 'dash';
}
