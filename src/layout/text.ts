/** Assembling text: runs → lines, with spaces only where the document has them. */
import type { BBox, TextRun } from '../pdf/types';
import { LAYOUT_SETTINGS as S } from './settings';
import type { TextLine } from './types';

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’、，。；：！？（）《》【】]/;

const CJK_SPACE = /([\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])/g;

/** Every character followed by one space: text drawn glyph by glyph with tracking ("1 , 7 6 7 . 8 5"). */
const LETTER_SPACED = /^\S(?: \S){2,}$/;

const HAS_SPACE = /\s/;

/** A run's text as read: letter-spaced characters and Chinese join, other spaces stay. */
export function runText(text: string): string {
  const t = text.trim();
  if (!HAS_SPACE.test(t)) return t;
  return LETTER_SPACED.test(t) ? t.replace(/ /g, '') : t.replace(CJK_SPACE, '$1');
}

/** Whether a run's spaces are only tracking between single characters (so it is one word). */
export function isLetterSpaced(text: string): boolean {
  return LETTER_SPACED.test(text.trim());
}

/** Estimated width of a text in ems: CJK and full-width take a full em, ASCII about half. */
export function textAdvance(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) < 0x80 ? 0.55 : 1;
  return w;
}

export function isCjk(ch: string | undefined): boolean {
  return !!ch && CJK.test(ch);
}

/** The separator between two pieces of text that sit side by side (gap in points). */
export function separator(left: string, right: string, gap: number, fontSize: number): string {
  const a = left[left.length - 1];
  const b = right[0];
  if (!a || !b || /\s/.test(a) || /\s/.test(b)) return '';
  if (isCjk(a) || isCjk(b)) return '';
  return gap > S.spaceGap * fontSize ? ' ' : '';
}

/** The separator between two lines of one cell or paragraph: nothing between Chinese, never inside a number. */
export function lineJoiner(upper: string, lower: string): string {
  const a = upper[upper.length - 1];
  const b = lower[0];
  if (!a || !b || isCjk(a) || isCjk(b)) return '';
  if (/[\d.,]/.test(a) && /[\d.,%]/.test(b)) return '';
  if (/[-/]/.test(a)) return '';
  return ' ';
}

export function unionBBox(boxes: BBox[]): BBox {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const b of boxes) {
    if (b[0] < x0) x0 = b[0];
    if (b[1] < y0) y0 = b[1];
    if (b[2] > x1) x1 = b[2];
    if (b[3] > y1) y1 = b[3];
  }
  return [x0, y0, x1, y1];
}

function verticalOverlap(a: BBox, b: BBox): number {
  const overlap = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  const h = Math.min(a[3] - a[1], b[3] - b[1]) || 1;
  return overlap / h;
}

/**
 * Group runs into lines (top to bottom), each line's runs left to right.
 * Runs join a line when they overlap its vertical band enough.
 */
export function groupRuns(runs: TextRun[]): TextRun[][] {
  const sorted = runs.filter((r) => !r.vertical).sort((a, b) => a.bbox[1] + a.bbox[3] - (b.bbox[1] + b.bbox[3]) || a.bbox[0] - b.bbox[0]);
  const groups: { runs: TextRun[]; band: BBox }[] = [];
  for (const run of sorted) {
    // Only the last few open lines can take this run, since runs come sorted by centre.
    let placed = false;
    for (let k = groups.length - 1; k >= 0 && k >= groups.length - 3; k--) {
      const g = groups[k];
      if (verticalOverlap(g.band, run.bbox) >= S.lineOverlap) {
        g.runs.push(run);
        g.band = unionBBox([g.band, run.bbox]);
        placed = true;
        break;
      }
    }
    if (!placed) groups.push({ runs: [run], band: run.bbox });
  }
  return groups.map((g) => g.runs);
}

export function groupLines(runs: TextRun[], page: number): TextLine[] {
  return groupRuns(runs).map((g) => makeLine(g, page));
}

/**
 * Which neighbours (i - 1, i) are characters of one spread word: single characters drawn one by
 * one at an even pitch ("2 0 2 3 年", distributed alignment), at least three in a row.
 */
function spreadPairs(ordered: TextRun[], texts: string[]): boolean[] {
  const single = texts.map((t) => t.length === 1 || (t.length === 2 && [...t].length === 1));
  const gap = ordered.map((r, i) => (i ? r.bbox[0] - ordered[i - 1].bbox[2] : NaN));
  const even = (i: number, j: number) => Math.abs(gap[i] - gap[j]) <= Math.max(1, 0.2 * Math.abs(gap[i]));
  const pair = (i: number) => i > 0 && i < ordered.length && single[i - 1] && single[i] && gap[i] <= S.spreadGap * Math.max(ordered[i].fontSize, ordered[i - 1].fontSize);
  return ordered.map((_, i) => pair(i) && ((pair(i - 1) && even(i, i - 1)) || (pair(i + 1) && even(i, i + 1))));
}

export function makeLine(runs: TextRun[], page: number): TextLine {
  const ordered = [...runs].sort((a, b) => a.bbox[0] - b.bbox[0]);
  const texts = ordered.map((r) => runText(r.text));
  const spread = ordered.length >= 3 ? spreadPairs(ordered, texts) : [];
  let text = '';
  const spans: TextLine['spans'] = [];
  let prev: TextRun | null = null;
  for (const [i, r] of ordered.entries()) {
    // Letter-spaced Chinese ("收 入") and glyph-by-glyph tracked text ("1 , 7 6 7") read as one word.
    const t = texts[i];
    if (!t) continue;
    if (prev && !(spread[i] && prev === ordered[i - 1])) text += separator(text, t, r.bbox[0] - prev.bbox[2], Math.max(r.fontSize, prev.fontSize));
    spans.push({ text: t, bbox: r.bbox, start: text.length });
    text += t;
    prev = r;
  }
  const fontSize = ordered.reduce((m, r) => Math.max(m, r.fontSize), 0);
  return { page, text, bbox: unionBBox(ordered.map((r) => r.bbox)), fontSize, spans };
}

/** Join lines (top to bottom) into one text, returning where each line starts in it. */
export function joinLines(lines: { text: string }[]): { text: string; starts: number[] } {
  let text = '';
  const starts: number[] = [];
  for (const l of lines) {
    if (text) text += lineJoiner(text, l.text);
    starts.push(text.length);
    text += l.text;
  }
  return { text, starts };
}
