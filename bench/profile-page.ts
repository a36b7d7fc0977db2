/**
 * The page both profilers start from: the app built unminified into dist-profile/ (names stay
 * readable; PROFILE_SKIP_BUILD=1 reuses it), served, opened in Chromium with the file to drop routed
 * in, and left a quiet moment after loading. Without a file: the generated 300-page document.
 */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { launch } from '../test/e2e/browser';
import { serveDir } from '../test/e2e/server';
import { ROOT } from '../test/e2e/harness';
import { plantedLongPdf } from '../test/e2e/parallel';

export async function openProfilePage(file: string | undefined) {
  const dist = join(ROOT, 'dist-profile');
  if (process.env.PROFILE_SKIP_BUILD !== '1') {
    const r = spawnSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--minify', 'false', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('vite build failed');
  }
  const bytes = file ? await readFile(file) : Buffer.from((await plantedLongPdf(300))!);
  const name = file ? basename(file) : 'generated-300p.pdf';
  const app = await serveDir(dist, '/bench/');
  const browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.route('**/__bench.pdf?*', (route) => route.fulfill({ status: 200, contentType: 'application/pdf', body: bytes }));
  // tsx (esbuild) names functions with a `__name` helper that the page does not have.
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  const page = await context.newPage();
  const close = async () => {
    await browser.close();
    await app.close();
  };
  try {
    await page.goto(app.url);
    await page.waitForSelector('[data-testid="file-input"]', { state: 'attached' });
    await page.waitForTimeout(1500);
  } catch (e) {
    await close();
    throw e;
  }
  return { browser, context, page, name, close };
}
