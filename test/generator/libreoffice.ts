/**
 * LibreOffice output, rendered once and committed (CI does not install LibreOffice):
 * `npx tsx test/generator/libreoffice.ts [borders|noborder] [from]` writes test/fixtures/libreoffice/*.pdf and manifest.json.
 *
 * Each generated disclosure (its tables given HTML borders, which LibreOffice's HTML import keeps,
 * while it drops CSS borders) is converted by `soffice --headless --convert-to pdf` (Writer): the
 * PDF is LibreOffice's own drawing — its fonts (Noto CJK subsets), its rules as stroked paths, its
 * line breaking and page breaks, the header row repeated on continuation pages. Consistent
 * documents and copies with one table typo; the manifest keeps each typo's mutation so the test
 * (libreoffice.test.ts) can tell whether Gouji found it.
 *
 * Needs `soffice` (Debian: libreoffice-writer-nogui) and fonts-noto-cjk.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sweepDocument } from './evaluate';
import { generateDisclosure, mutate } from './index';
import type { Mutation } from './mutate';

export const LIBREOFFICE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'libreoffice');

export interface LibreOfficeFixture {
  file: string;
  seed: string;
  kind: '预算' | '决算';
  unit: '万元' | '元';
  /** Absent on a consistent document. */
  mutation?: Mutation;
  /**
   * False: the tables drawn without any border (the HTML as it is: Writer's import drops CSS
   * borders) — tables without rules, names wrapped and centred in narrow cells, header words of
   * neighbouring columns set close together, rows broken over pages. Absent: with borders.
   */
  borders?: false;
}

/** Borders as HTML attributes: the one table styling LibreOffice's HTML import keeps. */
function withHtmlBorders(html: string): string {
  return html.replace(/<table(?=[\s>])/g, '<table border="1" cellspacing="0" cellpadding="2"');
}

function convert(html: string, name: string, work: string, borders: boolean): Buffer {
  const src = join(work, `${name}.html`);
  writeFileSync(src, borders ? withHtmlBorders(html) : html);
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf:writer_pdf_Export', '--infilter=HTML (StarWriter)', src, '--outdir', work], { stdio: 'ignore' });
  return readFileSync(join(work, `${name}.pdf`));
}

/** Documents per family: with borders, and without (two more drawn later, in session 6, unseen then). */
const DOCUMENTS = { borders: 4, noborder: 6 };
const TYPOS_PER_DOCUMENT = 3;

if (process.argv[1] && /libreoffice\.ts$/.test(process.argv[1])) {
  const work = mkdtempSync(join(tmpdir(), 'gouji-lo-'));
  // `… libreoffice.ts noborder` (or `borders`) redraws one family and keeps the other's entries.
  const only = process.argv[2];
  const redraw = (borders: boolean) => !only || only === (borders ? 'borders' : 'noborder');
  // `… libreoffice.ts noborder 4` draws that family's documents from the fifth on, keeping the others.
  const from = Number(process.argv[3] ?? 0);
  const previous: LibreOfficeFixture[] = only ? JSON.parse(readFileSync(join(LIBREOFFICE_DIR, 'manifest.json'), 'utf8')) : [];
  const index = (f: LibreOfficeFixture) => Number(/-(\d+)$/.exec(f.seed)?.[1] ?? 0);
  const manifest: LibreOfficeFixture[] = previous.filter((f) => !redraw(f.borders !== false) || index(f) < from);
  try {
    for (const borders of [true, false].filter(redraw)) {
      for (let i = from; i < DOCUMENTS[borders ? 'borders' : 'noborder']; i++) {
        const doc = sweepDocument(borders ? 'libreoffice' : 'libreoffice-noborder', i);
        const g = generateDisclosure(doc.seed, { ...doc.options, layout: 'ruled' });
        const base = { seed: doc.seed, kind: doc.options.kind!, unit: doc.options.unit!, ...(borders ? {} : { borders: false as const }) };
        const file = `${doc.seed}.pdf`;
        writeFileSync(join(LIBREOFFICE_DIR, file), convert(g.html, doc.seed, work, borders));
        manifest.push({ file, ...base });
        for (let j = 0; j < TYPOS_PER_DOCUMENT; j++) {
          const m = mutate(g, `${doc.seed}-typo-${j}`, { where: 'table' });
          const name = `${doc.seed}-typo-${j}`;
          writeFileSync(join(LIBREOFFICE_DIR, `${name}.pdf`), convert(m.html, name, work, borders));
          manifest.push({ file: `${name}.pdf`, ...base, mutation: m.mutation });
        }
        console.log(`${doc.seed}: 1 consistent + ${TYPOS_PER_DOCUMENT} typos`);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  writeFileSync(join(LIBREOFFICE_DIR, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
  console.log(`${manifest.length} PDFs in ${LIBREOFFICE_DIR}`);
}
