/**
 * Recognition as a stage of its own: from the layout to the recognised document — its tables
 * (types, header paths, rows and codes) with the reading each one proved (./reading), its
 * narrative statements and its document info. Rules read only this, and only the cells of
 * confirmed readings; a recogniser that fails yields less, never a broken document.
 */
import type { DocumentLayout, Table } from '../layout/types';
import { documentInfo, type DocumentInfo } from './document';
import { readNarrative, type NarrativeStatement } from './narrative';
import { recognizeTables, type RecognizedTable } from './tables';
import { confirmReading, unreadable, type TableReading } from './reading';
import { buildStatements, documentParts, projectNames, type DocumentPart, type Statement } from './statement';

export interface RecognizedDocument {
  layout: DocumentLayout;
  document: DocumentInfo;
  /** Every recognised table as first read (titles and types; a page's unjoined tail included). */
  tables: RecognizedTable[];
  /**
   * One reading per table that is not an unjoined tail, in table order: confirmed (its table in
   * the reading that proved itself, which rules read) or not (its evidence only).
   */
  readings: TableReading[];
  narrative: NarrativeStatement[];
  /** The narrative's figures as statements (subject, measure, basis, scope), and the document's 单位 parts. */
  statements: Statement[];
  parts: DocumentPart[];
}

/** A reading that could not be made is a table not confirmed, never a broken document. */
function safeReading(rt: RecognizedTable): TableReading {
  try {
    return confirmReading(rt);
  } catch (e) {
    return unreadable(rt, e instanceof Error ? e.message : String(e));
  }
}

const UNKNOWN: DocumentInfo = { title: '', department: '', year: null, kind: 'unknown' };

/**
 * Tables recognised before, with their readings, reused as they are: the streamed checks recognise
 * each table once it is final, and the whole document's recognition after them need not do it again.
 * (A table and its reading depend on that table alone.)
 */
export interface RecognitionCache {
  tables: WeakMap<Table, RecognizedTable>;
  readings: WeakMap<RecognizedTable, TableReading>;
}

export function recognitionCache(): RecognitionCache {
  return { tables: new WeakMap(), readings: new WeakMap() };
}

function recognizeAll(tables: Table[]): RecognizedTable[] {
  try {
    return recognizeTables(tables);
  } catch {
    return tables.map((table) => ({ table, type: null, unit: null, scale: null, headerRows: table.headerRows, columns: [], panes: [], aggregates: [] }));
  }
}

export function recognizeDocument(layout: DocumentLayout, cache?: RecognitionCache): RecognizedDocument {
  const fresh = cache ? layout.tables.filter((t) => !cache.tables.has(t)) : layout.tables;
  const recognized = new Map<Table, RecognizedTable>();
  recognizeAll(fresh).forEach((rt, i) => recognized.set(fresh[i], rt));
  const tables = layout.tables.map((t) => cache?.tables.get(t) ?? recognized.get(t)!);
  // A page's tail that could not be joined to its table has no header to name its cells by: not read.
  const readings = tables.filter((rt) => !rt.table.continues).map((rt) => cache?.readings.get(rt) ?? safeReading(rt));
  if (cache) {
    for (const rt of tables) cache.tables.set(rt.table, rt);
    tables.filter((rt) => !rt.table.continues).forEach((rt, i) => cache.readings.set(rt, readings[i]));
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
  let parts: DocumentPart[] = [];
  let statements: Statement[] = [];
  try {
    parts = documentParts(layout);
    statements = buildStatements(narrative, layout.paragraphs, { kind: document.kind, year: document.year, parts, projects: projectNames(tables) });
  } catch {
    parts = [];
    statements = [];
  }
  return { layout, document, tables, readings, narrative, statements, parts };
}
