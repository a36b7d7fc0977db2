/**
 * Recognition as a stage of its own: from the layout to the recognised document — its tables
 * (types, header paths, rows and codes), its narrative statements and its document info. Rules
 * read only this; a recogniser that fails yields less, never a broken document.
 */
import type { DocumentLayout } from '../layout/types';
import { documentInfo, type DocumentInfo } from './document';
import { readNarrative, type NarrativeStatement } from './narrative';
import { recognizeTables, type RecognizedTable } from './tables';

export interface RecognizedDocument {
  layout: DocumentLayout;
  document: DocumentInfo;
  tables: RecognizedTable[];
  narrative: NarrativeStatement[];
}

const UNKNOWN: DocumentInfo = { title: '', department: '', year: null, kind: 'unknown' };

export function recognizeDocument(layout: DocumentLayout): RecognizedDocument {
  let tables: RecognizedTable[];
  try {
    tables = recognizeTables(layout.tables);
  } catch {
    tables = layout.tables.map((table) => ({ table, type: null, unit: null, scale: null, headerRows: table.headerRows, columns: [], panes: [], aggregates: [] }));
  }
  let document = UNKNOWN;
  try {
    document = documentInfo(layout);
  } catch {
    // The rules run without the document's year and kind.
  }
  let narrative: NarrativeStatement[] = [];
  try {
    // The year and kind read from the whole document (cover and table titles), not guessed from the text alone.
    narrative = readNarrative(layout.paragraphs, { year: document.year, kind: document.kind });
  } catch {
    narrative = [];
  }
  return { layout, document, tables, narrative };
}
