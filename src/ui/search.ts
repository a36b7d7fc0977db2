/**
 * Search in the document's own text: the report's paragraphs and table cells carry the printed
 * text with its page and box, so a hit can be drawn where it is printed. Matching ignores
 * full/half-width differences, spaces, thousands separators and case (NFKC), so “1,178.59”,
 * “１１７８.５９” and “1178.59” all find each other.
 */
import type { BBox } from '../pdf/types';
import type { Report } from '../report/types';

export interface SearchHit {
  page: number;
  bbox: BBox;
  text: string;
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\s,]/g, '');

export function searchDocument(report: Pick<Report, 'paragraphs' | 'tables'>, query: string): SearchHit[] {
  const q = fold(query);
  if (!q) return [];
  const hits: SearchHit[] = [];
  for (const p of report.paragraphs) if (fold(p.text).includes(q)) hits.push({ page: p.page, bbox: p.bbox, text: p.text });
  for (const t of report.tables)
    for (const row of t.rows) for (const c of row) if (c && c.text && fold(c.text).includes(q)) hits.push({ page: c.page, bbox: c.bbox, text: c.text });
  // Reading order: page, then top to bottom, then left to right.
  return hits.sort((a, b) => a.page - b.page || a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0]);
}
