/**
 * Print generated HTML to PDF with headless Debian Chromium (playwright-core), then repair the
 * fonts' ToUnicode maps so CJK text extracts as typed (see tounicode.ts).
 */
import { chromium, type Browser } from 'playwright-core';
import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { fixToUnicode } from './tounicode';

export const CHROMIUM_PATH = process.env.GOUJI_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}

const FOOTER = '<div style="width:100%;text-align:center;font-size:9px;font-family:\'Noto Sans CJK SC\',sans-serif;">- <span class="pageNumber"></span> -</div>';

/**
 * Render HTML to PDF bytes. Pass a browser to reuse it across many documents (much faster);
 * otherwise one is launched and closed for this call.
 */
export async function renderPdf(html: string, options: { browser?: Browser; pageNumbers?: boolean } = {}): Promise<Uint8Array> {
  const browser = options.browser ?? (await launchBrowser());
  try {
    const page = await browser.newPage();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const bytes = await page.pdf({
        preferCSSPageSize: true,
        printBackground: true,
        displayHeaderFooter: options.pageNumbers ?? true,
        headerTemplate: '<span></span>',
        footerTemplate: FOOTER,
      });
      return await fixToUnicode(new Uint8Array(bytes));
    } finally {
      await page.close();
    }
  } finally {
    if (!options.browser) await browser.close();
  }
}

/** The kinds of the fonts a PDF's pages use, as Subtype (and the descendant's, for Type0): '/Type0//CIDFontType2', '/Type3' … */
export async function fontKinds(pdf: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(pdf);
  const kinds = new Set<string>();
  for (const page of doc.getPages()) {
    const fonts = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
    for (const ref of fonts?.values() ?? []) {
      const font = doc.context.lookup(ref, PDFDict);
      const descendant = font.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray)?.lookupMaybe(0, PDFDict);
      kinds.add(`${font.get(PDFName.of('Subtype'))}${descendant ? `/${descendant.get(PDFName.of('Subtype'))}` : ''}`);
    }
  }
  return [...kinds].sort();
}
