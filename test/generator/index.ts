/**
 * Gouji test generator — consistent 部门预算 disclosures, typo mutations and the bundled sample.
 *
 * API (for the rules engineers):
 *
 *   const g = generateDisclosure(seed, options?)
 *     → { model, document, html }
 *       model     DisclosureModel: the budget, every amount a Decimal in 元; deriveFigures(model) gives totals
 *       document  DisclosureDocument: blocks (tables, paragraphs) whose every number is a NumberSlot with its
 *                 location (table title/id, row label, code, column header path; or section + sentence)
 *       html      printable HTML (A4, wide tables on landscape pages); all identities hold exactly
 *   options: { kind?: '预算' | '决算', year?, unit?: '万元' | '元', bureau?, region?, carryOver?, otherIncome?,
 *              govFund?, thousands?, unitCopies?, layout?, phrasing? }
 *            phrasing: 0 | 1 | 2 — how the 说明 is worded (phrasing.ts; README “Wording variants”)
 *            layout: 'ruled' | 'hrules-wrapped' | 'indented-codes' | 'wps-split-codes' | 'whole-yuan' | 'filled-rules'
 *            (how the tables are drawn, see layouts.ts; mutate() keeps the layout)
 *            (GenerateOptions; kind '决算' renders the 公开01–09表 部门决算 with 年初预算/结转结余/完成率)
 *
 *   const bytes = await renderPdf(html, { browser? })          → Uint8Array (headless /usr/bin/chromium)
 *   const browser = await launchBrowser()                      → reuse for many PDFs, then browser.close()
 *
 *   const { html, mutation, overrides } = mutate(g, seed, { kinds?, where?: 'table' | 'text' | 'any', tableId? })
 *     exactly one number changed (transpose | digit | copy-next-row); mutation records
 *     { kind, where, table, tableId, row, code, column | section, sentence, newSentence, oldText, newText, delta }
 *
 *   await mutationPage(pdfBytes, g, mutation)                  → page of the changed number (pdf.js)
 *   buildSample() → { generated, html, overrides, planted }: the bundled public/sample.pdf's source
 *   See README.md beside this file for the document contents and the identities that hold.
 *
 * Usage in a rules test:
 *   const g = generateDisclosure(7, { unit: '万元' });
 *   const report = await analyzePdf(await renderPdf(g.html), …);   // expect no error/warning findings
 *   const m = mutate(g, 7);                                          // expect a finding whose refs include m.mutation.newText
 *
 * CLI: `npm run generate -- --out DIR --consistent N --mutated M [--seed S] [--unit 元] [--kind 预算|决算|mixed]`,
 *      `npm run generate -- --sample`.
 */
import type { DisclosureDocument } from './document';
import { FINAL_TABLE_TITLES, buildFinalDocument } from './final';
import { findPages } from './locate';
import { buildModel, type DisclosureModel, type GenerateOptions } from './model';
import { applyMutation, chooseMutation, type MutateOptions, type Mutation, type MutationResult } from './mutate';
import { TABLE_TITLES, buildDocument, renderHtml, unitTitle } from './render';

export interface GeneratedDisclosure {
  seed: number | string;
  options: GenerateOptions;
  model: DisclosureModel;
  document: DisclosureDocument;
  html: string;
}

export function generateDisclosure(seed: number | string, options: GenerateOptions = {}): GeneratedDisclosure {
  const model = buildModel(seed, options);
  const document = model.kind === '决算' ? buildFinalDocument(model) : buildDocument(model);
  return { seed, options, model, document, html: renderHtml(document) };
}

export function mutate(generated: GeneratedDisclosure, seed: number | string, options: MutateOptions = {}): MutationResult {
  const mutation = chooseMutation(generated.document, seed, options, generated.model.unit);
  return applyMutation(generated.document, mutation);
}

/** The titles of a document's tables as printed (预算: with the year; 决算: template titles). */
export function tableTitles(g: GeneratedDisclosure): string[] {
  if (g.model.kind === '决算') return FINAL_TABLE_TITLES.map(([, t]) => t);
  const names = TABLE_TITLES.map(([, t]) => t);
  return [...names, ...(g.model.unitCopies ? names.map(unitTitle) : [])].map((t) => `${g.model.year}年${t}`);
}

/** The 1-based page of the mutated PDF on which the changed number is printed (null if not found). */
export async function mutationPage(pdf: Uint8Array, g: GeneratedDisclosure, mutation: Mutation): Promise<number | null> {
  const before = mutation.newSentence ? mutation.newSentence.slice(0, mutation.newSentence.indexOf(mutation.newText)).slice(-6) : undefined;
  const [page] = await findPages(pdf, [mutation.where === 'table' ? { table: mutation.table, text: mutation.newText } : { text: mutation.newText, before }], tableTitles(g));
  return page;
}

export { renderPdf, launchBrowser } from './pdf';
export { buildSample, type PlantedError } from './sample';
export { deriveFigures, buildModel, LAYOUTS, PHRASINGS, type DisclosureModel, type GenerateOptions, type Figures, type Layout } from './model';
export { buildDocument, renderHtml, TABLE_TITLES } from './render';
export { buildFinalDocument, finalFigures, FINAL_TABLE_TITLES } from './final';
export { chooseMutation, applyMutation, mutableTextSlots, type Mutation, type MutationKind, type MutateOptions, type MutationResult } from './mutate';
export { tables, table, cellText, paragraphText, type DisclosureDocument, type NumberSlot, type TableBlock } from './document';
export { findPages } from './locate';
