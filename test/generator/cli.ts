/**
 * npm run generate -- [--out DIR] [--consistent N] [--mutated M] [--seed S] [--unit 万元|元] [--kind 预算|决算|mixed] [--layout L] [--html]
 *   writes N consistent PDFs, M mutated PDFs and manifest.json into DIR (default: a new temp dir)
 * npm run generate -- --sample
 *   writes public/sample.pdf and public/sample-manifest.json (the app's bundled sample)
 * npm run generate -- --practice
 *   writes public/practice.pdf: the sample printed in TrueType fonts (see `practice`)
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDisclosure, mutate, mutationPage } from './index';
import { findPages } from './locate';
import { LAYOUTS, type GenerateOptions, type Layout, type TableUnit } from './model';
import { fontKinds, launchBrowser, renderPdf } from './pdf';
import { TABLE_TITLES } from './render';
import { buildSample } from './sample';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function arg(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

function guardOut(dir: string): string {
  const abs = resolve(dir);
  const shared = resolve(ROOT, '../shared');
  if (abs === shared || abs.startsWith(shared + '/')) throw new Error('refusing to write into ../shared');
  return abs;
}

async function sample(): Promise<void> {
  const s = buildSample();
  const pdf = await renderPdf(s.html);
  const m = s.generated.model;
  const titles = TABLE_TITLES.map(([, t]) => `${m.year}年${t}`);
  const pages = await findPages(
    pdf,
    s.planted.map((p) => {
      if (p.where === 'table') return { table: p.table, text: p.found };
      const before = p.sentence ? p.sentence.slice(0, p.sentence.indexOf(p.expected)).slice(-6) : '';
      return { text: p.found, before };
    }),
    titles,
  );
  s.planted.forEach((p, i) => (p.page = pages[i]));
  const pageCount = (await import('./locate')).pageTexts(pdf).then((t) => t.length);
  const manifest = {
    file: 'sample.pdf',
    title: s.generated.document.title,
    department: m.department,
    year: m.year,
    kind: '部门预算',
    unit: m.unit,
    pages: await pageCount,
    generator: { seed: s.generated.seed, options: s.generated.options, command: 'npm run generate -- --sample' },
    note: 'All other figures are consistent: every identity, cross-table link and narrative statement holds exactly.',
    planted: s.planted,
  };
  mkdirSync(join(ROOT, 'public'), { recursive: true });
  writeFileSync(join(ROOT, 'public/sample.pdf'), pdf);
  writeFileSync(join(ROOT, 'public/sample-manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  process.stdout.write(`public/sample.pdf (${manifest.pages} pages, ${pdf.length} bytes), ${s.planted.length} planted errors\n`);
  for (const p of s.planted) process.stdout.write(`  ${p.id} ${p.kind} p${p.page} ${p.table ?? p.section} ${p.row ?? ''} ${p.column ?? ''} ${p.expected} → ${p.found}\n`);
}

/** The TrueType CJK fonts the practice document is printed in (Debian fonts-wqy-zenhei, fonts-arphic-uming). */
const PRACTICE_FONTS = ['/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', '/usr/share/fonts/truetype/arphic/uming.ttc'];
/** Body text in a serif, tables and headings in a sans, nothing bold (a synthesised bold is printed as Type 3). */
const PRACTICE_CSS = `<style>* { font-weight: normal !important; font-synthesis: none !important; }
html, p, li { font-family: "AR PL UMing CN", serif !important; }
h1, h2, table, .ttitle { font-family: "WenQuanYi Zen Hei", sans-serif !important; }</style>`;

/**
 * The analysis workers' practice document (see `practise` in src/worker/analyze.worker.ts): the
 * sample printed with TrueType CJK fonts only, which Chromium embeds as CID TrueType (Identity-H)
 * — the kind most real disclosures use. The sample itself is printed in Noto CJK, OpenType/CFF,
 * which Chromium embeds as Type 3 glyph programs: practising on it leaves pdf.js's font code
 * cold. Fontconfig is given the TrueType folders only, so nothing falls back to Noto.
 */
async function practice(): Promise<void> {
  const missing = PRACTICE_FONTS.filter((f) => !existsSync(f));
  if (missing.length) throw new Error(`--practice needs ${missing.join(', ')} (apt-get install fonts-wqy-zenhei fonts-arphic-uming)`);
  const conf = join(mkdtempSync(join(tmpdir(), 'gouji-fc-')), 'fonts.conf');
  writeFileSync(conf, `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>/usr/share/fonts/truetype</dir><cachedir>${dirname(conf)}</cachedir><include ignore_missing="yes">/etc/fonts/conf.d</include></fontconfig>\n`);
  process.env.FONTCONFIG_FILE = conf;
  const pdf = await renderPdf(buildSample().html.replace('</head>', `${PRACTICE_CSS}</head>`));
  // Every font a CID TrueType one: a Type 3 font means a glyph was printed in a font not meant here.
  const kinds = await fontKinds(pdf);
  if (kinds.some((k) => k !== '/Type0//CIDFontType2')) throw new Error(`practice.pdf: fonts of kinds ${kinds.join(', ')}; only CID TrueType (Type0/CIDFontType2) expected`);
  writeFileSync(join(ROOT, 'public/practice.pdf'), pdf);
  process.stdout.write(`public/practice.pdf (${pdf.length} bytes, fonts ${kinds.join(', ')})\n`);
}

async function corpus(argv: string[]): Promise<void> {
  const out = guardOut(arg(argv, 'out') ?? mkdtempSync(join(tmpdir(), 'gouji-gen-')));
  mkdirSync(out, { recursive: true });
  const n = Number(arg(argv, 'consistent') ?? 3);
  const mCount = Number(arg(argv, 'mutated') ?? 5);
  const base = arg(argv, 'seed') ?? '1';
  const unit = (arg(argv, 'unit') as TableUnit | undefined) ?? undefined;
  const html = argv.includes('--html');
  const kindArg = arg(argv, 'kind') ?? '预算';
  const layout = arg(argv, 'layout') as Layout | undefined;
  if (layout && !LAYOUTS.includes(layout)) throw new Error(`--layout: one of ${LAYOUTS.join(', ')}`);
  const optionsFor = (i: number): GenerateOptions => ({
    ...(unit ? { unit } : {}),
    ...(layout ? { layout } : {}),
    kind: kindArg === 'mixed' ? (i % 2 === 1 ? '决算' : '预算') : (kindArg as '预算' | '决算'),
  });
  const browser = await launchBrowser();
  const entries: unknown[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const seed = `${base}-${i}`;
      const g = generateDisclosure(seed, optionsFor(i));
      const file = `consistent-${String(i + 1).padStart(3, '0')}.pdf`;
      writeFileSync(join(out, file), await renderPdf(g.html, { browser }));
      if (html) writeFileSync(join(out, file.replace(/\.pdf$/, '.html')), g.html);
      entries.push({ file, seed, options: g.options, kind: g.model.kind, department: g.model.department, year: g.model.year, unit: g.model.unit, consistent: true });
    }
    for (let i = 0; i < mCount; i++) {
      const seed = `${base}-${i % Math.max(n, 1)}`;
      const g = generateDisclosure(seed, optionsFor(i % Math.max(n, 1)));
      const r = mutate(g, `${base}-m${i}`);
      const file = `mutated-${String(i + 1).padStart(3, '0')}.pdf`;
      const pdf = await renderPdf(r.html, { browser });
      const mu = r.mutation;
      const page = await mutationPage(pdf, g, mu);
      writeFileSync(join(out, file), pdf);
      if (html) writeFileSync(join(out, file.replace(/\.pdf$/, '.html')), r.html);
      entries.push({ file, seed, mutationSeed: `${base}-m${i}`, options: g.options, kind: g.model.kind, department: g.model.department, year: g.model.year, unit: g.model.unit, consistent: false, mutation: { ...mu, page } });
    }
  } finally {
    await browser.close();
  }
  writeFileSync(join(out, 'manifest.json'), JSON.stringify({ generator: 'gouji test/generator', documents: entries }, null, 2) + '\n');
  process.stdout.write(`${out}\n`);
}

const argv = process.argv.slice(2);
(argv.includes('--sample') ? sample() : argv.includes('--practice') ? practice() : corpus(argv)).then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`${(e as Error)?.stack ?? e}\n`);
    process.exit(1);
  },
);
