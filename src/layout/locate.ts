/** Where a piece of a paragraph's text stands on the page: characters [start, end) → a box. */
import type { BBox } from '../pdf/types';
import { unionBBox } from './text';
import type { Paragraph } from './types';

/** Relative advance of a character: CJK and full-width take a full em, others about half. */
function advance(ch: string): number {
  return /[\x00-\x7f]/.test(ch) ? 0.55 : 1;
}

function spanSlice(span: { text: string; bbox: BBox }, from: number, to: number): BBox {
  const chars = [...span.text];
  const total = chars.reduce((w, c) => w + advance(c), 0) || 1;
  const before = chars.slice(0, from).reduce((w, c) => w + advance(c), 0);
  const inside = chars.slice(from, to).reduce((w, c) => w + advance(c), 0);
  const width = span.bbox[2] - span.bbox[0];
  const x0 = span.bbox[0] + (before / total) * width;
  return [x0, span.bbox[1], x0 + (inside / total) * width, span.bbox[3]];
}

export function locateText(paragraph: Paragraph, start: number, end: number): { page: number; bbox: BBox } | null {
  if (end <= start) return null;
  const boxes: BBox[] = [];
  paragraph.lines.forEach((line, i) => {
    const lineStart = paragraph.starts[i];
    for (const span of line.spans) {
      // Offsets are in UTF-16 units, as String.prototype.indexOf gives them.
      const s = lineStart + span.start;
      const e = s + span.text.length;
      const from = Math.max(start, s);
      const to = Math.min(end, e);
      if (from < to) {
        const cps = (a: number) => [...span.text.slice(0, a - s)].length;
        boxes.push(spanSlice(span, cps(from), cps(to)));
      }
    }
  });
  return boxes.length ? { page: paragraph.page, bbox: unionBBox(boxes) } : null;
}
