/**
 * The rendered document as data: blocks (headings, paragraphs, tables) whose every number is a
 * NumberSlot with its location (table title, row label/code, column header path, or the
 * narrative sentence). HTML is produced from this structure, optionally with some slots'
 * texts overridden — that is how mutations and planted errors reach the PDF.
 */
import type { Layout } from './model';

export type SlotKind = 'amount' | 'percent' | 'count';

export interface NumberSlot {
  id: string;
  text: string;
  kind: SlotKind;
  /** True when some identity, cross-table link or narrative check involves this number. */
  checkable: boolean;
  /**
   * A narrative number whose subject is deliberately vague (用于重点工作的经费…) or that nothing can
   * check (a rate without its base): no rule may link it, so it is never mutated for the recall
   * test — but a consistent document must still raise nothing about it.
   */
  unlinkable?: boolean;
  /**
   * A narrative rate (占x%, 增长y%, 完成z%): how far it may lie from the rate of the printed 万元
   * figures it is computed from (their ±0.005 rounding, plus its own) — a change within this is a
   * 尾差, not a typo any rule can see (decimal string).
   */
  tolerance?: string;
  where: 'table' | 'text';
  /** Table id and title (where = table). */
  tableId?: string;
  table?: string;
  /** Row label (科目名称 / 项目名称 / 本年收入合计 …) and its code if the row has one. */
  row?: string;
  code?: string;
  /** Column header path joined with ' › ' (e.g. 基本支出 › 人员经费). */
  column?: string;
  rowIndex?: number;
  colIndex?: number;
  /** Section heading and sentence (where = text); the sentence as originally rendered. */
  section?: string;
  sentence?: string;
}

export interface Cell {
  text?: string;
  slot?: string;
  colspan?: number;
  rowspan?: number;
  cls?: string;
}

export interface TableBlock {
  type: 'table';
  id: string;
  /** 表1 … */
  number: string;
  title: string;
  wide: boolean;
  department: string;
  unit: string;
  /** Label of the name line: 部门名称 (default) or 单位名称 for a unit-level copy. */
  entityLabel?: '部门名称' | '单位名称';
  /** 决算 tables: the period shown in the meta line (2023年度); the title then carries no year. */
  period?: string;
  header: Cell[][];
  body: Cell[][];
  /** Leaf column paths, one per body column. */
  columns: string[];
  /** Label and code of each body row (for two-sided tables: the left side's). */
  rows: Array<{ label: string; code?: string }>;
  note?: string;
}

export type Inline = string | { slot: string };

export interface ParagraphBlock {
  type: 'p';
  parts: Inline[];
  cls?: string;
}

export interface HeadingBlock {
  type: 'h1' | 'h2' | 'h3';
  text: string;
}

export interface CoverBlock {
  type: 'cover';
  title: string;
  subtitle?: string;
  date: string;
}

export interface TocBlock {
  type: 'toc';
  entries: Array<{ text: string; level: number }>;
}

export interface BreakBlock {
  type: 'break';
}

export type Block = TableBlock | ParagraphBlock | HeadingBlock | CoverBlock | TocBlock | BreakBlock;

export interface DisclosureDocument {
  title: string;
  department: string;
  year: number;
  blocks: Block[];
  slots: Record<string, NumberSlot>;
  /** Slot ids in document order. */
  order: string[];
  /** How the tables are drawn (layouts.ts); default 'ruled'. */
  layout?: Layout;
  /** wps-split-codes: 类/款 printed once per group. */
  codesOncePerGroup?: boolean;
}

export function tables(doc: DisclosureDocument): TableBlock[] {
  return doc.blocks.filter((b): b is TableBlock => b.type === 'table');
}

export function table(doc: DisclosureDocument, id: string): TableBlock {
  const t = tables(doc).find((x) => x.id === id);
  if (!t) throw new Error(`no table ${id}`);
  return t;
}

/** The text a cell shows, with overrides applied. */
export function cellText(doc: DisclosureDocument, cell: Cell, overrides: Record<string, string> = {}): string {
  if (cell.slot) return overrides[cell.slot] ?? doc.slots[cell.slot].text;
  return cell.text ?? '';
}

/** A paragraph's plain text, with overrides applied. */
export function paragraphText(doc: DisclosureDocument, p: ParagraphBlock, overrides: Record<string, string> = {}): string {
  return p.parts.map((x) => (typeof x === 'string' ? x : (overrides[x.slot] ?? doc.slots[x.slot].text))).join('');
}
