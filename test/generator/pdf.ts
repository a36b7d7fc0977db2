/**
 * Print generated HTML to PDF with headless Debian Chromium (playwright-core), then repair the
 * fonts' ToUnicode maps so CJK text extracts as typed (see tounicode.ts).
 */
import { chromium, type Browser } from 'playwright-core';
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
