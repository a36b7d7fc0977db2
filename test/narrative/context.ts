/** Test helper: a CheckContext made of narrative paragraphs (and optionally tables). */
import type { DocumentLayout, Table } from '../../src/layout/types';
import { readNarrative } from '../../src/recognize/narrative';
import { recognizeTables } from '../../src/recognize/tables';
import type { DocumentInfo } from '../../src/report/build';
import type { CheckContext, DraftFinding, Rule } from '../../src/rules/types';
import { paragraph } from './seed-text';

export function contextOf(texts: string[], doc: Partial<DocumentInfo> = {}, tables: Table[] = []): CheckContext {
  const layout: DocumentLayout = { pages: [{ page: 1, width: 595, height: 842 }], tables, paragraphs: texts.map((t) => paragraph(t)) };
  const document: DocumentInfo = { title: doc.title ?? '', department: doc.department ?? '', year: doc.year ?? 2022, kind: doc.kind ?? 'budget' };
  return { layout, document, tables: recognizeTables(tables), readings: [], narrative: readNarrative(layout.paragraphs, { year: document.year, kind: document.kind }) };
}

export function run(rule: Rule, texts: string[], doc: Partial<DocumentInfo> = {}, tables: Table[] = []): DraftFinding[] {
  return rule.check(contextOf(texts, doc, tables));
}

export function severities(findings: DraftFinding[]): string[] {
  return findings.map((f) => f.severity);
}
