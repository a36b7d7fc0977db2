/** Text outside tables → paragraphs, split at indents, short last lines, gaps and size changes. */
import type { BBox } from '../pdf/types';
import { LAYOUT_SETTINGS as S } from './settings';
import { joinLines, unionBBox } from './text';
import type { Paragraph, TextLine } from './types';

/** Page-number text: `- 3 -`, `3`, `第3页`, `3页`, `第3页共10页`, `3/10`. */
const PAGE_NUMBER = /^(?:[-—–－\s]*(?:第\s*)?\d{1,4}\s*页?[-—–－\s]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)$/;

export function isPageNumberText(text: string): boolean {
  return PAGE_NUMBER.test(text.trim());
}

export function isPageNumberLine(line: TextLine, pageHeight: number): boolean {
  const band = Math.max(S.marginBand, S.marginBandShare * pageHeight);
  const nearEdge = line.bbox[1] > pageHeight - band || line.bbox[3] < band;
  return nearEdge && isPageNumberText(line.text);
}

/** `blockers`: boxes (tables) that a paragraph may not run across. */
export function buildParagraphs(lines: TextLine[], blockers: BBox[], pageWidth: number): Paragraph[] {
  const sorted = [...lines].sort((a, b) => a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0]);
  if (!sorted.length) return [];
  const left = Math.min(...sorted.map((l) => l.bbox[0]));
  const right = Math.max(...sorted.map((l) => l.bbox[2]));
  const groups: TextLine[][] = [];
  let cur: TextLine[] = [];
  for (const line of sorted) {
    const prev = cur[cur.length - 1];
    if (prev && !continues(prev, line, cur[0], left, right, blockers, pageWidth)) {
      groups.push(cur);
      cur = [];
    }
    cur.push(line);
  }
  if (cur.length) groups.push(cur);
  return groups.map((g) => {
    const { text, starts } = joinLines(g);
    return { page: g[0].page, bbox: unionBBox(g.map((l) => l.bbox)), text, lines: g, starts };
  });
}

function continues(prev: TextLine, line: TextLine, first: TextLine, left: number, right: number, blockers: BBox[], pageWidth: number): boolean {
  const size = Math.max(prev.fontSize, line.fontSize);
  if (Math.abs(prev.fontSize - line.fontSize) > 1) return false;
  const gap = line.bbox[1] - prev.bbox[3];
  // Beside each other (two columns of one row) is not one paragraph.
  if (line.bbox[1] < prev.bbox[3] - 0.5 * size) return false;
  // A line that stops well short of the right margin ended its paragraph, unless both are
  // centred lines of one heading (a cover title wrapped over two lines).
  const centre = (l: TextLine) => (l.bbox[0] + l.bbox[2]) / 2;
  const centred = Math.abs(centre(prev) - centre(line)) < size && Math.abs(centre(prev) - pageWidth / 2) < 2 * size && Math.min(prev.bbox[0], line.bbox[0]) > 0.2 * pageWidth;
  if (centred && gap <= 1.6 * size) return true;
  if (gap > S.paragraphGap * size) return false;
  if (prev.bbox[2] < right - 2 * size) return false;
  // A first-line indent starts a new paragraph.
  // (A block indented as a whole keeps going: its continuation lines share one indent.)
  const sameIndent = prev !== first && Math.abs(line.bbox[0] - prev.bbox[0]) < 0.5 * size;
  if (line.bbox[0] > left + 1.2 * size && !sameIndent) return false;
  const between: BBox = [Math.min(prev.bbox[0], line.bbox[0]), prev.bbox[3], Math.max(prev.bbox[2], line.bbox[2]), line.bbox[1]];
  return !blockers.some((b) => b[1] >= between[1] - 1 && b[3] <= between[3] + 1 && b[0] < between[2] && b[2] > between[0]);
}
