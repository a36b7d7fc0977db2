/** Find on which page of a generated PDF a table or a narrative number appears (pdf.js legacy build). */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface PageTarget {
  /** Table title, when the number is in a table. */
  table?: string;
  /** The number's text as printed. */
  text: string;
  /** For narrative numbers: the text just before the number (a few characters). */
  before?: string;
}

export async function pageTexts(bytes: Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('pdfjs-dist/package.json'));
  const doc = await pdfjs.getDocument({ data: bytes.slice(), cMapUrl: join(root, 'cmaps') + '/', cMapPacked: true, standardFontDataUrl: join(root, 'standard_fonts') + '/', verbosity: 0 }).promise;
  const out: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    out.push(content.items.map((it) => ('str' in it ? it.str : '')).join('').replace(/\s+/g, ''));
  }
  await doc.destroy();
  return out;
}

/** 1-based page numbers (null when not found), one per target. */
export async function findPages(bytes: Uint8Array, targets: PageTarget[], allTitles: string[] = []): Promise<Array<number | null>> {
  const pages = await pageTexts(bytes);
  const strip = (s: string) => s.replace(/\s+/g, '');
  return targets.map((t) => {
    if (t.table) {
      const title = strip(t.table);
      const others = allTitles.map(strip).filter((x) => x !== title && !title.includes(x));
      // The title may also appear in the 目录; try every page that carries it.
      for (let start = 0; start < pages.length; start++) {
        if (!pages[start].includes(title)) continue;
        for (let i = start; i < pages.length; i++) {
          if (i > start && others.some((o) => pages[i].includes(o))) break;
          if (pages[i].includes(strip(t.text))) return i + 1;
        }
      }
      return null;
    }
    const needle = strip((t.before ?? '') + t.text);
    const i = pages.findIndex((p) => p.includes(needle));
    return i < 0 ? null : i + 1;
  });
}
