/** Where a piece of a paragraph's text stands on the page: characters [start, end) → a box. */
import type { BBox } from '../pdf/types';
import { textAdvance, unionBBox } from './text';
import type { Paragraph } from './types';

function spanSlice(span: { text: string; bbox: BBox }, from: number, to: number): BBox {
  const chars = [...span.text];
  const total = textAdvance(span.text) || 1;
  const before = textAdvance(chars.slice(0, from).join(''));
  const inside = textAdvance(chars.slice(from, to).join(''));
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
