export * from './describe';
export { reportJson } from './json';
export { findingsCsv, parseCsv, CSV_HEADER } from './csv';
export { tablesXlsx, sheetNames, columnName } from './xlsx';
export { annotatedPdf, noteText, displayToUser, ANNOTATION_AUTHOR } from './annotated-pdf';
export { downloadBlob } from './download';
