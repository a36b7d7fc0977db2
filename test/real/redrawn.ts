/**
 * The same documents as other producers would print them: every real PDF in ../shared/real
 * (provinces included) re-printed scaled — 0.7× (a sheet fitted onto A4), 0.85×, 1.25× (A4 on A3),
 * each page a form drawn scaled with pdf-lib, its /Rotate kept — and, where poppler's pdftocairo
 * is installed, re-drawn by cairo (text runs split where the font changes, figures set apart by
 * gaps, some glyphs drawn as outlines, clipped text dropped). A document's findings are facts
 * about its figures: every copy should give the original's, cell for cell. Prints, per variant,
 * the findings that differ (rule, severity, the cited texts by page) and the loud totals.
 *
 *   npx tsx test/real/redrawn.ts [--variants 0.7,1.25,cairo] [name-filter]
 *
 * Reads ../shared when present; prints a notice and exits 0 otherwise (nothing here is a test).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { analyzePdf } from '../../src/core/analyze';
import { nodePdfEnvironment } from '../../src/pdf/node';
import type { Finding } from '../../src/report/types';

const REAL = join(import.meta.dirname, '..', '..', '..', 'shared', 'real');

/** Every page drawn as a form scaled by k on a page k times its size, rotation kept. */
async function scaled(bytes: Uint8Array, k: number): Promise<Uint8Array> {
  const src = await PDFDocument.load(bytes, { ignoreEncryption: true });
  const out = await PDFDocument.create();
  const pages = await out.embedPdf(src, src.getPageIndices());
  pages.forEach((p, i) => {
    const page = out.addPage([p.width * k, p.height * k]);
    page.drawPage(p, { x: 0, y: 0, xScale: k, yScale: k });
    page.setRotation(src.getPage(i).getRotation());
  });
  return out.save();
}

function hasCairo(): boolean {
  try {
    execFileSync('pdftocairo', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function cairo(path: string, dir: string): Uint8Array {
  const out = join(dir, 'cairo.pdf');
  execFileSync('pdftocairo', ['-pdf', path, out], { stdio: 'ignore' });
  return new Uint8Array(readFileSync(out));
}

/** A finding as facts: rule, severity and the texts it cites by page (spaces aside). */
const facts = (f: Finding) => `${f.severity} ${f.rule} [${f.refs.map((r) => `${r.page}:${r.text.replace(/\s+/g, '')}`).sort().join(' ')}]`;
const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info').length;

async function findings(bytes: Uint8Array, name: string): Promise<Finding[]> {
  const report = await analyzePdf(bytes, { fileName: name, env: nodePdfEnvironment() });
  return report.error ? [] : report.findings;
}

async function main() {
  if (!existsSync(REAL)) {
    console.log('../shared/real is not here: nothing to re-draw.');
    return;
  }
  const args = process.argv.slice(2);
  const at = args.indexOf('--variants');
  const wanted = at >= 0 ? args.splice(at, 2)[1].split(',') : ['0.7', '0.85', '1.25', 'cairo'];
  const filter = args[0];
  const variants = wanted.filter((v) => v !== 'cairo' || hasCairo());
  if (wanted.includes('cairo') && !variants.includes('cairo')) console.log('(pdftocairo not installed: the cairo variant is left out)');
  const files = [...readdirSync(REAL).map((f) => join(REAL, f)), ...readdirSync(join(REAL, 'provinces')).map((f) => join(REAL, 'provinces', f))].filter((f) => f.endsWith('.pdf') && (!filter || f.includes(filter))).sort();
  const totals = new Map<string, { loud: number; differ: number }>([['original', { loud: 0, differ: 0 }], ...variants.map((v) => [v, { loud: 0, differ: 0 }] as [string, { loud: number; differ: number }])]);
  const dir = mkdtempSync(join(tmpdir(), 'gouji-redrawn-'));
  try {
    for (const path of files) {
      const name = basename(path);
      const bytes = new Uint8Array(readFileSync(path));
      const original = await findings(bytes, name);
      totals.get('original')!.loud += loud(original);
      const want = original.map(facts);
      for (const v of variants) {
        const copy = v === 'cairo' ? cairo(path, dir) : await scaled(bytes, Number(v));
        const got = await findings(copy, name);
        const t = totals.get(v)!;
        t.loud += loud(got);
        const have = got.map(facts);
        const gone = want.filter((x) => !have.includes(x));
        const added = have.filter((x) => !want.includes(x));
        if (!gone.length && !added.length) continue;
        t.differ++;
        console.log(`${name} at ${v}:`);
        for (const x of gone) console.log(`  - ${x.slice(0, 200)}`);
        for (const x of added) console.log(`  + ${x.slice(0, 200)}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\n${files.length} documents`);
  for (const [v, t] of totals) console.log(`${v.padEnd(9)} loud ${t.loud}${v === 'original' ? '' : `, documents whose findings differ: ${t.differ}`}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
