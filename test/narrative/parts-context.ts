/**
 * Test helper: a CheckContext of a 部门 document with 单位 parts — each part a heading of its own
 * line (…部门预算 / …单位预算) on its page, then its paragraphs. The parts are found by the
 * recognizer (documentParts), not given.
 */
import type { DocumentLayout, Paragraph } from '../../src/layout/types';
import { readNarrative } from '../../src/recognize/narrative';
import type { DocumentInfo } from '../../src/report/build';
import type { CheckContext } from '../../src/rules/types';
import { paragraph } from './seed-text';

export function partsContext(parts: { heading: string; texts: string[] }[], doc: Partial<DocumentInfo> = {}): CheckContext {
  const paragraphs: Paragraph[] = [];
  parts.forEach((p, i) => {
    const page = 2 * i + 1;
    paragraphs.push({ ...paragraph(p.heading, page), bbox: [0, 40, 100, 50] });
    p.texts.forEach((t, k) => paragraphs.push({ ...paragraph(t, page), bbox: [0, 60 + 20 * k, 100, 70 + 20 * k] }));
  });
  const layout: DocumentLayout = { pages: parts.flatMap((_, i) => [{ page: 2 * i + 1, width: 595, height: 842 }]), tables: [], paragraphs };
  const document: DocumentInfo = { title: doc.title ?? '', department: doc.department ?? '', year: doc.year ?? 2024, kind: doc.kind ?? 'budget' };
  return { layout, document, tables: [], readings: [], narrative: readNarrative(layout.paragraphs, { year: document.year, kind: document.kind }) };
}
