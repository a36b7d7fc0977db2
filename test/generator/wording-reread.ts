/**
 * The wording sweep without a Chromium print per changed copy (issue 8). Printing and extracting a
 * generated PDF costs ~4–5 s here; laying it out and checking it ~0.2 s. A changed narrative
 * number changes one run of text and nothing else, so the consistent document is printed and
 * extracted once, and each batch of changes is written into a copy of its text runs (the number
 * replaced inside the run that holds it, the run's box kept) and laid out and checked in-process.
 *
 * A number is placed by its paragraph context (the text around it, whitespace ignored), which must
 * occur exactly once in the document's runs, and the number must lie inside one run; a number that
 * cannot be placed so (a context across a page break, a number broken over two runs) is reported
 * back and its batch is printed the slow way by the caller. `--verify` in wording-sweep.ts compares
 * both ways on a sample.
 */
import { assembleReport, extractDocument, type PageOutcome } from '../../src/core/analyze';
import { layoutPage, portablePageLayout } from '../../src/layout';
import type { PdfEnvironment } from '../../src/pdf/load';
import type { PageContent } from '../../src/pdf/types';
import type { Report } from '../../src/report/types';
import type { DisclosureDocument } from './document';
import type { Mutation } from './mutate';

/** Where one character of the document's squeezed text comes from. */
interface CharAt {
  page: number;
  run: number;
  offset: number;
}

/** The consistent document's pages, read once, and its squeezed text with each character's run. */
export interface ReadDocument {
  pages: PageContent[];
  text: string;
  at: CharAt[];
}

const isSpace = (c: string) => /\s/.test(c);

export async function readOnce(bytes: Uint8Array, env: PdfEnvironment, fileName: string): Promise<ReadDocument> {
  const pages = await extractDocument(bytes, { fileName, env });
  let text = '';
  const at: CharAt[] = [];
  pages.forEach((p, page) =>
    p.runs.forEach((r, run) => {
      for (let offset = 0; offset < r.text.length; offset++) {
        if (isSpace(r.text[offset])) continue;
        text += r.text[offset];
        at.push({ page, run, offset });
      }
    }),
  );
  return { pages, text, at };
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

/** The paragraph text before and after a narrative slot (as printed, other slots unchanged). */
function around(doc: DisclosureDocument, slotId: string): { before: string; after: string } | undefined {
  for (const b of doc.blocks) {
    if (b.type !== 'p') continue;
    const k = b.parts.findIndex((x) => typeof x !== 'string' && x.slot === slotId);
    if (k < 0) continue;
    const show = (x: (typeof b.parts)[number]) => (typeof x === 'string' ? x : doc.slots[x.slot].text);
    return { before: squeeze(b.parts.slice(0, k).map(show).join('')), after: squeeze(b.parts.slice(k + 1).map(show).join('')) };
  }
  return undefined;
}

function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** The place of a narrative number in the read document: page, run and offset of its first character. */
function place(read: ReadDocument, doc: DisclosureDocument, m: Mutation): CharAt | undefined {
  const ctx = around(doc, m.slotId);
  if (!ctx) return undefined;
  const old = squeeze(m.oldText);
  // widest context first; a narrower one when the paragraph crosses a page (footer in between)
  for (const [b, a] of [[30, 10], [12, 6], [12, 0], [0, 12], [6, 0], [0, 6]]) {
    const before = ctx.before.slice(Math.max(0, ctx.before.length - b));
    const after = ctx.after.slice(0, a);
    if (before.length < Math.min(b, 4) && after.length < Math.min(a, 4)) continue;
    const hits = occurrences(read.text, before + old + after);
    if (hits.length !== 1) continue;
    const start = hits[0] + before.length;
    const first = read.at[start];
    const last = read.at[start + old.length - 1];
    // the number must lie in one run (its characters consecutive there)
    if (first.page !== last.page || first.run !== last.run) return undefined;
    const runText = read.pages[first.page].runs[first.run].text;
    if (runText.slice(first.offset, first.offset + m.oldText.length) !== m.oldText) return undefined;
    return first;
  }
  return undefined;
}

/**
 * The report of the read document with these changes written into its runs, or the changes that
 * could not be placed (the caller prints that batch instead).
 */
export function rereadWithChanges(read: ReadDocument, doc: DisclosureDocument, mutations: Mutation[], fileName: string): { report: Report } | { unplaced: Mutation[] } {
  const placed = mutations.map((m) => ({ m, at: place(read, doc, m) }));
  const unplaced = placed.filter((p) => !p.at).map((p) => p.m);
  if (unplaced.length) return { unplaced };
  const pages = read.pages.map((p) => ({ ...p, runs: p.runs.slice() }));
  // right to left within a run, so earlier offsets stay valid
  for (const { m, at } of placed.sort((x, y) => y.at!.offset - x.at!.offset)) {
    const runs = pages[at!.page].runs;
    const r = runs[at!.run];
    runs[at!.run] = { ...r, text: r.text.slice(0, at!.offset) + m.newText + r.text.slice(at!.offset + m.oldText.length) };
  }
  return { report: reportOf(pages, fileName) };
}

/** Layout, recognition and checks of extracted pages (analyzePdf after its pdf.js stage). */
export function reportOf(pages: PageContent[], fileName: string): Report {
  const started = Date.now();
  const outcomes: PageOutcome[] = pages.map((p) => ({ page: p.page, layout: portablePageLayout(layoutPage(p)), hasText: true }));
  return assembleReport(fileName, pages.length, outcomes, started);
}
