/**
 * What extraction hands to layout: one record per page, everything in PDF points with the
 * origin at the top-left of the page as displayed (rotation and crop box already applied).
 */

/** [x0, y0, x1, y1] with x0 < x1 and y0 < y1, top-left origin. */
export type BBox = [number, number, number, number];

/** A run of text as pdf.js reports it (one text item; not one glyph). */
export interface TextRun {
  text: string;
  bbox: BBox;
  fontSize: number;
  fontName: string;
  /** True when the run is not horizontal (rotated text); layout ignores such runs for tables. */
  vertical: boolean;
}

/** An axis-parallel ruling line: a stroked segment, a rectangle edge or a thin filled rectangle. */
export interface RuleLine {
  orientation: 'h' | 'v';
  /** For 'h': y of the line; for 'v': x. */
  at: number;
  /** Extent along the line: x0..x1 for 'h', y0..y1 for 'v'. */
  from: number;
  to: number;
  width: number;
}

export interface PageContent {
  /** 1-based page number. */
  page: number;
  width: number;
  height: number;
  runs: TextRun[];
  rules: RuleLine[];
}
