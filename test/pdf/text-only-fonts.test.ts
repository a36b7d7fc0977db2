/**
 * The app's build changes pdf.js's worker so that, where pdf.js only reads, the program of a
 * TrueType font whose text comes from the PDF alone is not parsed (src/pdf/text-only-fonts): a
 * composite one with a ToUnicode map, a simple one with an encoding. Here pdf.js
 * runs with that change (this file's own copy of the worker module, changed as the build does)
 * and every page is extracted with it switched on and off: the text runs and ruling lines must be
 * the same, over the fixtures, the seeds and the real disclosures when they are present — and the
 * change must have left fonts of both kinds unparsed, or the comparison would prove nothing.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandInputs } from '../../src/cli/inputs';
import { TEXT_ONLY_FONTS_FLAG, textOnlyFontsPatch } from '../../src/pdf/text-only-fonts';

const require = createRequire(import.meta.url);
const PDFJS = resolve(require.resolve('pdfjs-dist/package.json'), '..');
const SHARED = resolve(__dirname, '../../../shared');

/**
 * Each font's kind by its name, from the PDF's font dictionaries: 'composite' (Type0 and its
 * descendant), or the simple font's Subtype (TrueType …). A name two kinds share (subset fonts
 * whose names were lost, ABCDEE+????) is left out.
 */
async function fontKinds(bytes: Uint8Array): Promise<Map<string, string>> {
  const kinds = new Map<string, Set<string>>();
  const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Type')) !== PDFName.of('Font')) continue;
    const [name, subtype] = [obj.get(PDFName.of('BaseFont')), obj.get(PDFName.of('Subtype'))];
    if (!(name instanceof PDFName) || !(subtype instanceof PDFName)) continue;
    const kind = /^(?:Type0|CIDFontType[02])$/.test(subtype.decodeText()) ? 'composite' : subtype.decodeText();
    kinds.set(name.decodeText(), (kinds.get(name.decodeText()) ?? new Set()).add(kind));
  }
  return new Map([...kinds].filter(([, k]) => k.size === 1).map(([name, k]) => [name, [...k][0]]));
}

describe('text-only fonts change to pdf.js', () => {
  it('fits both pdf.js builds once, and refuses a source without its anchor', () => {
    for (const build of ['build', 'legacy/build']) {
      const source = readFileSync(join(PDFJS, build, 'pdf.worker.mjs'), 'utf8');
      const patched = textOnlyFontsPatch(source);
      expect(patched.length).toBeGreaterThan(source.length);
      expect(patched.split(`globalThis.${TEXT_ONLY_FONTS_FLAG} === true`)).toHaveLength(2);
    }
    expect(() => textOnlyFontsPatch('export const x = 1;')).toThrow(/translateFont/);
  });

  describe('extraction with and without it', () => {
    let dir = '';
    /** The pages' extraction, and how many fonts the pages used came without their program, by kind. */
    let read: (bytes: Uint8Array, kinds: Map<string, string>) => Promise<{ pages: string[]; unparsed: Map<string, number> } | null>;
    const flags = globalThis as Record<string, unknown>;

    beforeAll(async () => {
      // The natives kept first, then the changed worker module (it installs pdf.js's polyfills),
      // then the app's Node environment, which runs pdf.js's worker from globalThis.pdfjsWorker
      // (read when the first document is opened).
      await import('../../src/pdf/native-builtins');
      dir = mkdtempSync(join(tmpdir(), 'gouji-pdfjs-'));
      const file = join(dir, 'pdf.worker.mjs');
      // (Without its source map comment: the map is not copied beside it.)
      writeFileSync(file, textOnlyFontsPatch(readFileSync(join(PDFJS, 'legacy/build/pdf.worker.mjs'), 'utf8')).replace(/^\/\/# sourceMappingURL=.*$/m, ''));
      const changed: unknown = await import(/* @vite-ignore */ pathToFileURL(file).href);
      const [{ nodePdfEnvironment }, { openPdf }, { extractPage }] = await Promise.all([import('../../src/pdf/node'), import('../../src/pdf/load'), import('../../src/pdf/extract')]);
      // Set after: loading pdf.js's own worker module (as pdf/node does) makes it globalThis.pdfjsWorker.
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = changed;
      const env = nodePdfEnvironment();
      read = async (bytes, kinds) => {
        let doc;
        try {
          doc = await openPdf(bytes.slice(), env);
        } catch {
          return null; // encrypted, damaged: nothing to compare
        }
        const pages: string[] = [];
        const unparsed = new Map<string, number>();
        try {
          for (let n = 1; n <= doc.numPages; n++) {
            try {
              const page = await doc.getPage(n);
              const content = await extractPage(env.pdfjs, page);
              // A font is named with its document's number (g_d3_f1): the same font, another document.
              pages.push(JSON.stringify(content).replace(/g_d\d+_/g, ''));
              // The fonts the page used, as pdf.js's document side got them: `missingFile` when no program was parsed.
              for (const name of new Set(content.runs.map((r) => r.fontName))) {
                const font = page.commonObjs.has(name) ? (page.commonObjs.get(name) as { missingFile?: boolean; name?: string }) : null;
                if (!font?.missingFile) continue;
                const kind = kinds.get(font.name ?? '') ?? 'unknown';
                unparsed.set(kind, (unparsed.get(kind) ?? 0) + 1);
              }
            } catch (e) {
              pages.push(`unread: ${String(e)}`);
            }
          }
        } finally {
          await doc.destroy();
        }
        return { pages, unparsed };
      };
    }, 120_000);
    afterAll(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
      flags[TEXT_ONLY_FONTS_FLAG] = true;
    });

    // Every PDF under these folders (as the CLI takes a folder), those present.
    const files = expandInputs([join(__dirname, '..', 'fixtures'), join(SHARED, 'seeds', 'pdf'), join(SHARED, 'real')].filter(existsSync)).files.map((f) => f.path);

    it(`gives every page the same text runs and ruling lines (${files.length} PDFs)`, async () => {
      let compared = 0;
      const unparsedFonts = new Map<string, number>();
      const parsedWithout = new Map<string, number>();
      const add = (to: Map<string, number>, from: Map<string, number>) => from.forEach((n, kind) => to.set(kind, (to.get(kind) ?? 0) + n));
      for (const file of files) {
        const bytes = new Uint8Array(readFileSync(file));
        const kinds = await fontKinds(bytes).catch(() => new Map<string, string>());
        flags[TEXT_ONLY_FONTS_FLAG] = false;
        const parsed = await read(bytes, kinds);
        flags[TEXT_ONLY_FONTS_FLAG] = true;
        const textOnly = await read(bytes, kinds);
        if (!parsed || !textOnly) continue;
        expect(textOnly.pages, file).toEqual(parsed.pages);
        compared++;
        add(unparsedFonts, textOnly.unparsed);
        add(parsedWithout, parsed.unparsed);
      }
      expect(compared).toBeGreaterThan(10);
      // Switched on, it left fonts of both kinds unparsed that pdf.js parses without it.
      for (const kind of ['composite', 'TrueType']) expect(unparsedFonts.get(kind) ?? 0, kind).toBeGreaterThan(parsedWithout.get(kind) ?? 0);
    }, 600_000);
  });
});
