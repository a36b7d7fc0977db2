import type { BBox, PageContent } from '../pdf/types';

/** A line of text: runs on one baseline joined in reading order. */
export interface TextLine {
  page: number;
  text: string;
  bbox: BBox;
  fontSize: number;
  /** The runs' boxes, kept so a number inside the line can be located. */
  spans: { text: string; bbox: BBox; start: number }[];
}

export interface TableCell {
  text: string;
  page: number;
  bbox: BBox;
  rowSpan: number;
  colSpan: number;
}

/** A rebuilt table. `rows` is rectangular: covered positions of a spanning cell hold null. */
export interface Table {
  id: string;
  title: string;
  unit: string | null;
  pages: number[];
  headerRows: number;
  rows: (TableCell | null)[][];
  /** For each column, the header texts from the top header row down (spans repeated). */
  columnHeaders: string[][];
  /** True when the grid came from ruling lines; false when columns came from text alignment. */
  ruled: boolean;
  /**
   * Set on a page's first table when it goes on with the table of the page before (no title, no
   * header of its own) but its columns stand elsewhere, so its rows could not be joined: the id of
   * that table. Its cells cannot be named by a header, so nothing checks them.
   */
  continues?: string;
  /**
   * Not whole: the table runs to the foot of its page and the next page opens with an untitled part
   * of it that could not be joined (headerless, or repeating its header in other columns) — or it is
   * that part. Its rows go on in the other, so totals over its rows cannot be checked here.
   */
  cut?: boolean;
}

export interface Paragraph {
  page: number;
  bbox: BBox;
  text: string;
  lines: TextLine[];
  /** Where each of `lines` starts in `text`. */
  starts: number[];
}

export interface DocumentLayout {
  pages: { page: number; width: number; height: number }[];
  tables: Table[];
  paragraphs: Paragraph[];
}

export type { PageContent };
