/**
 * Typo mutations: one number of a consistent document changed the way typos happen —
 * adjacent digits transposed, one digit changed, or a table value copied from the next row.
 * The mutation is an override of one slot's text, so the rendered HTML/PDF shows the typo, and
 * the record says exactly which number changed and where.
 */
import { cellText, type DisclosureDocument, type NumberSlot } from './document';
import { Decimal, decimalsOf, parseNumber } from './money';
import { Rng } from './prng';
import { renderHtml } from './render';

export type MutationKind = 'transpose' | 'digit' | 'copy-next-row';

export interface Mutation {
  kind: MutationKind;
  slotId: string;
  where: 'table' | 'text';
  /** Table id and title, row label, row code, column header path (where = table). */
  tableId?: string;
  table?: string;
  row?: string;
  code?: string;
  column?: string;
  rowIndex?: number;
  colIndex?: number;
  /** Section, original sentence and sentence with the typo (where = text). */
  section?: string;
  sentence?: string;
  newSentence?: string;
  /** amount / percent / count. */
  valueKind: NumberSlot['kind'];
  oldText: string;
  newText: string;
  /** new − old, as a decimal string. */
  delta: string;
}

export interface MutateOptions {
  kinds?: MutationKind[];
  where?: 'table' | 'text' | 'any';
  /** Restrict to slots of one table. */
  tableId?: string;
  /** Change this slot (it must be mutable: checkable, linkable, not zero). */
  slotId?: string;
}

export interface MutationResult {
  mutation: Mutation;
  overrides: Record<string, string>;
  html: string;
}

/** The smallest change that is surely more than rounding, per kind of number and unit. */
function minDelta(slot: NumberSlot, doc: DisclosureDocument, tableUnit: string): Decimal {
  if (slot.kind === 'count') return new Decimal(1);
  // a rate moved within the rounding of the figures it is computed from is a 尾差, not a typo
  if (slot.kind === 'percent') return Decimal.max(new Decimal('0.05'), slot.tolerance ? new Decimal(slot.tolerance).plus('0.01') : 0);
  if (slot.where === 'table' && tableUnit === '元') return new Decimal(100);
  void doc;
  return new Decimal('0.2');
}

/**
 * A number text is plausible: digits with an optional fraction, no superfluous leading zero, and
 * when the original used thousands separators, correctly grouped ones.
 */
export function plausibleNumber(text: string, like?: string): boolean {
  if (like?.includes(',')) return /^[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/.test(text) || /^(0|[1-9]\d{0,2})(\.\d+)?$/.test(text);
  return /^(0|[1-9]\d*)(\.\d+)?$/.test(text);
}

function transpose(text: string, rng: Rng): string | null {
  const positions: number[] = [];
  for (let i = 0; i + 1 < text.length; i++) {
    if (/\d/.test(text[i]) && /\d/.test(text[i + 1]) && text[i] !== text[i + 1]) positions.push(i);
  }
  if (positions.length === 0) return null;
  const i = rng.pick(positions);
  return text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2);
}

function changeDigit(text: string, rng: Rng): string | null {
  const positions = [...text].map((c, i) => (/\d/.test(c) ? i : -1)).filter((i) => i >= 0);
  if (positions.length === 0) return null;
  const i = rng.pick(positions);
  const digits = '0123456789'.split('').filter((d) => d !== text[i]);
  return text.slice(0, i) + rng.pick(digits) + text.slice(i + 1);
}

function nextRowText(doc: DisclosureDocument, slot: NumberSlot): string | null {
  if (slot.where !== 'table' || slot.rowIndex === undefined || slot.colIndex === undefined) return null;
  const t = doc.blocks.find((b) => b.type === 'table' && b.id === slot.tableId);
  if (!t || t.type !== 'table') return null;
  const next = t.body[slot.rowIndex + 1];
  if (!next) return null;
  const cell = next[slot.colIndex];
  if (!cell) return null;
  const text = cellText(doc, cell);
  return text === '' ? null : text;
}

/**
 * Choose a number and a typo, deterministically per seed. Only numbers that some check involves
 * and that are not zero are changed; the change keeps the number's format (same decimals, no
 * leading zero) and is larger than any rounding tolerance.
 */
export function chooseMutation(doc: DisclosureDocument, seed: number | string, options: MutateOptions = {}, tableUnit = '万元'): Mutation {
  const rng = new Rng(`${seed}/mutate`);
  const kinds = options.kinds ?? ['transpose', 'digit', 'copy-next-row'];
  const where = options.where ?? 'any';
  const candidates = doc.order
    .map((id) => doc.slots[id])
    .filter((s) => s.checkable && !s.unlinkable && (where === 'any' || s.where === where) && (!options.tableId || s.tableId === options.tableId) && (!options.slotId || s.id === options.slotId))
    .filter((s) => {
      const v = parseNumber(s.text);
      return v !== null && !v.isZero();
    });
  if (candidates.length === 0) throw new Error('no number to mutate');
  for (let attempt = 0; attempt < 500; attempt++) {
    const slot = rng.pick(candidates);
    const kind = rng.pick(kinds);
    let text: string | null = null;
    if (kind === 'transpose') text = transpose(slot.text, rng);
    else if (kind === 'digit') text = changeDigit(slot.text, rng);
    else text = nextRowText(doc, slot);
    if (text === null || text === slot.text || !plausibleNumber(text, slot.text)) continue;
    if (decimalsOf(text) !== decimalsOf(slot.text)) continue;
    const oldValue = parseNumber(slot.text)!;
    const newValue = parseNumber(text)!;
    if (newValue.minus(oldValue).abs().lt(minDelta(slot, doc, tableUnit))) continue;
    if (slot.kind === 'percent' && slot.sentence?.includes('占') && newValue.gt(100)) continue;
    const mutation: Mutation = {
      kind,
      slotId: slot.id,
      where: slot.where,
      valueKind: slot.kind,
      oldText: slot.text,
      newText: text,
      delta: newValue.minus(oldValue).toString(),
    };
    if (slot.where === 'table') {
      Object.assign(mutation, { tableId: slot.tableId, table: slot.table, row: slot.row, code: slot.code, column: slot.column, rowIndex: slot.rowIndex, colIndex: slot.colIndex });
    } else {
      mutation.section = slot.section;
      mutation.sentence = slot.sentence;
      mutation.newSentence = sentenceWith(doc, slot.id, text);
    }
    return mutation;
  }
  throw new Error('could not find a mutation');
}

/** The narrative numbers a recall test may change: checkable, linkable, not zero (document order). */
export function mutableTextSlots(doc: DisclosureDocument): NumberSlot[] {
  return doc.order
    .map((id) => doc.slots[id])
    .filter((s) => s.where === 'text' && s.checkable && !s.unlinkable)
    .filter((s) => {
      const v = parseNumber(s.text);
      return v !== null && !v.isZero();
    });
}

/** The sentence of a narrative slot with the slot's text replaced. */
export function sentenceWith(doc: DisclosureDocument, slotId: string, text: string): string | undefined {
  for (const b of doc.blocks) {
    if (b.type !== 'p') continue;
    const k = b.parts.findIndex((x) => typeof x !== 'string' && x.slot === slotId);
    if (k < 0) continue;
    const before = b.parts
      .slice(0, k)
      .map((x) => (typeof x === 'string' ? x : doc.slots[x.slot].text))
      .join('');
    const after = b.parts
      .slice(k + 1)
      .map((x) => (typeof x === 'string' ? x : doc.slots[x.slot].text))
      .join('');
    const start = Math.max(before.lastIndexOf('。'), before.lastIndexOf('；')) + 1;
    const ends = ['。', '；'].map((c) => after.indexOf(c)).filter((i) => i >= 0);
    const end = ends.length ? Math.min(...ends) + 1 : after.length;
    return before.slice(start) + text + after.slice(0, end);
  }
  return undefined;
}

export function applyMutation(doc: DisclosureDocument, mutation: Mutation): MutationResult {
  const overrides = { [mutation.slotId]: mutation.newText };
  return { mutation, overrides, html: renderHtml(doc, overrides) };
}
