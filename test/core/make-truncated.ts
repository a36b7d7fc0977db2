/**
 * Builds `test/fixtures/bad/truncated.pdf`: a seven-page fixture (tables continued over pages) cut short, as a download that
 * stopped early. It is laid out as linearized files are (the trailer near the start, so a reader
 * finds the catalog without the xref table at the end) and cut just before the last page's
 * dictionary: pdf.js rebuilds the xref, reads pages 1–4, and cannot find page 5
 * (it stops counting there).
 * Run: `npx tsx test/core/make-truncated.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';

const here = import.meta.dirname;
const SOURCE = join(here, '../fixtures/pdf/continued.pdf');
const OUT = join(here, '../fixtures/bad/truncated.pdf');

/** `pagesKept`: how many pages stay whole (the cut falls just before the next page's dictionary). */
export async function makeTruncated(pagesKept = 4): Promise<Uint8Array> {
  const src = await PDFDocument.load(readFileSync(SOURCE));
  const out = await PDFDocument.create();
  // Fixed metadata, so the fixture is rebuilt byte for byte.
  const when = new Date('2024-01-01T00:00:00Z');
  out.setCreationDate(when);
  out.setModificationDate(when);
  out.setProducer('Gouji test/core/make-truncated.ts');
  // One page at a time, so each page's objects are numbered (and written) after the previous page's.
  for (let i = 0; i < src.getPageCount(); i++) {
    const [page] = await out.copyPages(src, [i]);
    out.addPage(page);
  }
  const whole = Buffer.from(await out.save({ useObjectStreams: false })).toString('latin1');
  const root = /\/Root (\d+ \d+ R)/.exec(whole.slice(whole.lastIndexOf('trailer')))?.[1];
  const cutPage = out.getPages()[pagesKept].ref.objectNumber;
  const cut = whole.indexOf(`\n${cutPage} 0 obj`);
  if (!root || cut < 0) throw new Error('unexpected pdf-lib output');
  const headerEnd = whole.indexOf('\n', whole.indexOf('%PDF-')) + 1;
  const text = whole.slice(0, headerEnd) + `trailer\n<< /Root ${root} /Size ${cutPage} >>\n` + whole.slice(headerEnd, cut + 1);
  return Uint8Array.from(Buffer.from(text, 'latin1'));
}

if (process.argv[1]?.endsWith('make-truncated.ts')) {
  const bytes = await makeTruncated();
  writeFileSync(OUT, bytes);
  console.log(`${OUT}: ${bytes.length} bytes`);
}
