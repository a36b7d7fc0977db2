/**
 * A change to pdf.js's worker code, applied when the app and the CLI are built (vite.config.ts,
 * vite.cli.config.ts): where pdf.js only reads (an analysis worker, the CLI; see
 * `useStandInFontFace`), the embedded program of a font whose text pdf.js takes from the PDF alone
 * is not parsed.
 *
 * pdf.js parses and repairs every embedded font program it meets (`Font` → `checkAndRepair`), for
 * drawing glyphs: 3 % to a third of reading a real disclosure (9 % for the median one), paid again
 * by every worker that reads pages of it. For the fonts Chinese disclosures are printed with —
 * composite TrueType (CIDFontType2) fonts with a ToUnicode map — nothing of what the text layer
 * gives back comes from the program: the characters come from the ToUnicode map, the widths from
 * the PDF's /W array; of what the program sets, only the ascent/descent of the text styles (not
 * read here) and the glyph outlines (never drawn here). pdf.js then treats the font as not
 * embedded, which for such a font changes neither characters nor widths — except for a font named
 * as one of the standard 14 (pdf.js rebuilds its character map from the standard glyph list):
 * left alone, as are vertical fonts (without its program a vertical font gets presentation forms),
 * fonts with their own font matrix, and every other kind. The same holds for a simple TrueType
 * font with an encoding (/WinAnsiEncoding, Differences): its characters come from the encoding,
 * its widths from /Widths; pdf.js amends such a font's character map from its program only when
 * it has no encoding, or when the program turns out to be CFF (an OpenType file: left alone).
 *
 * The page's text and ruling lines are the same either way (test/pdf/text-only-fonts.test.ts runs
 * both over the fixtures, seeds and real disclosures). What runs from source with tsx (the tests,
 * `npm run gouji`) loads pdf.js as installed, which parses every font, as before.
 */

/** Set on `globalThis` in a realm whose pdf.js only reads (see pdf/fonts). */
export const TEXT_ONLY_FONTS_FLAG = 'goujiTextOnlyFonts';

/** The line of pdf.js's `translateFont` that makes the font (pdfjs-dist 5.x, both builds). */
const ANCHOR = '    return new Font(fontName.name, fontFile, newProperties, this.options);';

const TEXT_ONLY = `    if (globalThis.${TEXT_ONLY_FONTS_FLAG} === true && fontFile && newProperties.fontMatrix[0] === FONT_IDENTITY_MATRIX[0] && (composite ? type === "CIDFontType2" && !newProperties.vertical && newProperties.hasIncludedToUnicodeMap : type === "TrueType" && newProperties.hasEncoding && getFontFileType(fontFile, newProperties)[0] === "TrueType")) {
      const stdFonts = getStdFontMap(), nonStdFonts = getNonStdFontMap(), normalized = normalizeFontName(fontName.name);
      if (!stdFonts[normalized] && !(nonStdFonts[normalized] && stdFonts[nonStdFonts[normalized]])) {
        return new Font(fontName.name, null, newProperties, this.options);
      }
    }
`;

/** pdf.js's worker source with the change; throws when it no longer fits (a new pdf.js). */
export function textOnlyFontsPatch(source: string): string {
  const at = source.indexOf(ANCHOR);
  if (at < 0 || source.indexOf(ANCHOR, at + 1) >= 0) throw new Error('pdf.js worker: translateFont no longer has the line the text-only fonts change goes before');
  for (const name of ['FONT_IDENTITY_MATRIX', 'getStdFontMap', 'getNonStdFontMap', 'normalizeFontName', 'getFontFileType']) {
    if (!new RegExp(`(?:const|function) ${name}\\b`).test(source)) throw new Error(`pdf.js worker: ${name} is gone`);
  }
  return source.slice(0, at) + TEXT_ONLY + source.slice(at);
}

/** pdf.js's worker module itself (either build), not an import of it with a query (`?worker&url`). */
const PDFJS_WORKER_MODULE = /[\\/]pdfjs-dist[\\/](?:legacy[\\/])?build[\\/]pdf\.worker\.mjs$/;

/** The build step (a Vite plugin) that applies the change to pdf.js's worker module. */
export function textOnlyFontsPlugin(): { name: string; transform(code: string, id: string): { code: string; map: null } | null } {
  return {
    name: 'gouji-pdfjs-text-only-fonts',
    transform: (code, id) => (PDFJS_WORKER_MODULE.test(id) ? { code: textOnlyFontsPatch(code), map: null } : null),
  };
}
