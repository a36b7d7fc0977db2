/**
 * `npx tsx test/core/compare-skip-rules.ts [dir …]`: analyses every PDF of ../shared/real (and its
 * provinces) twice, fetching every page's operator list and skipping it on pages without figures
 * (EXTRACTION_SETTINGS.skipRulesWithoutAmounts), and compares the JSON reports (elapsedMs aside).
 * Prints `same`/`DIFF` per file and exits 1 on any difference.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzePdf } from '../../src/core/analyze';
import { EXTRACTION_SETTINGS } from '../../src/pdf/extract';
import { nodePdfEnvironment } from '../../src/pdf/node';

const env = nodePdfEnvironment();
const REAL = resolve(import.meta.dirname, '../../../shared/real');
const dirs = process.argv.length > 2 ? process.argv.slice(2) : [REAL, join(REAL, 'provinces')];
const files = dirs.filter(existsSync).flatMap((d) => readdirSync(d).filter((f) => f.toLowerCase().endsWith('.pdf')).sort().map((f) => join(d, f)));

let differ = 0;
for (const file of files) {
  const bytes = new Uint8Array(readFileSync(file));
  const run = async (skip: boolean) => {
    EXTRACTION_SETTINGS.skipRulesWithoutAmounts = skip;
    const t0 = performance.now();
    const report = await analyzePdf(bytes, { fileName: file, env });
    return { json: JSON.stringify({ ...report, elapsedMs: 0 }), ms: performance.now() - t0, pages: report.pages };
  };
  const all = await run(false);
  const skipping = await run(true);
  const same = all.json === skipping.json;
  if (!same) differ++;
  console.log(same ? 'same' : 'DIFF', String(all.pages).padStart(4), `${Math.round(all.ms)} → ${Math.round(skipping.ms)} ms`, file);
}
console.log(`${files.length} files, ${differ} differ`);
process.exit(differ ? 1 : 0);
