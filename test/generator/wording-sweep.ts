/**
 * The wording sweep (issue 8): N documents × every phrasing of the 说明, each printed by one headless
 * Chromium and read by Gouji (analyzePdf, as the CLI does). Prints, per phrasing: the consistent
 * documents with loud findings of the narrative / classification / consistency / wording rules (the
 * one wording.unit habit finding of a 万-for-万元 document set aside), those findings by rule, and
 * the changed narrative numbers found / changed (recall).
 *
 *   npx tsx test/generator/wording-sweep.ts [N=30] [--phrasings 0,1,2] [--changes all|K]
 *                                           [--prefix wsweep] [--json FILE] [--only consistent|changes] [--from K]
 *
 * --changes all (default): every linkable narrative number of every document changed once, in
 *   batches of one number per paragraph per PDF (`changeBatches`; ~10–15 PDFs per document);
 * --changes K: K numbers per document, each alone in its PDF (a sample).
 * Documents alternate 预算/决算 and 万元/元 tables like the layout sweep.
 *
 * Each document × phrasing is printed and extracted once (~4–5 s); its changed copies are written
 * into the extracted text runs and only laid out and checked (~0.2 s each, wording-reread.ts). A
 * change that cannot be placed in one run is printed the slow way. --exact prints every changed
 * copy; --verify prints every changed copy too and compares its hits with the in-process ones.
 */
import { writeFileSync } from 'node:fs';
import { analyzePdf } from '../../src/core/analyze';
import { nodePdfEnvironment } from '../../src/pdf/node';
import type { Report } from '../../src/report/types';
import { describeFinding, sweepDocument } from './evaluate';
import { generateDisclosure, mutableTextSlots, PHRASINGS } from './index';
import { Rng } from './prng';
import { launchBrowser, renderPdf } from './pdf';
import { readOnce, reportOf, rereadWithChanges } from './wording-reread';
import { renderHtml } from './render';
import { changeBatches, changeHits, changeSlot, loudNarrativeFindings } from './wording-evaluate';
import type { Mutation } from './mutate';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const positional = process.argv.slice(2).find((a, i, all) => /^\d+$/.test(a) && !(all[i - 1] ?? '').startsWith('--'));
const docs = Number(positional ?? arg('docs') ?? 30);
const phrasings = (arg('phrasings')?.split(',').map(Number) ?? [...PHRASINGS]) as number[];
const changes = arg('changes') ?? 'all';
const prefix = arg('prefix') ?? 'wsweep';
const jsonOut = arg('json');
const only = arg('only');
const exact = process.argv.includes('--exact');
const verify = process.argv.includes('--verify');
const counts = { printed: 0, reread: 0, fallback: 0, verified: 0, disagreed: 0 };

interface Stats {
  documents: number;
  documentsWithLoud: number;
  loudByRule: Record<string, number>;
  changed: number;
  found: number;
  missedBySection: Record<string, number>;
}
const stats = new Map<number, Stats>(phrasings.map((p) => [p, { documents: 0, documentsWithLoud: 0, loudByRule: {}, changed: 0, found: 0, missedBySection: {} }]));
const details: { consistent: unknown[]; misses: unknown[] } = { consistent: [], misses: [] };

const browser = await launchBrowser();
const env = nodePdfEnvironment();
const started = Date.now();
const elapsed = () => `${Math.round((Date.now() - started) / 1000)}s`;
const read = async (html: string, name: string): Promise<Report> => {
  counts.printed++;
  return analyzePdf(await renderPdf(html, { browser }), { fileName: name, env });
};

try {
  for (let i = Number(arg('from') ?? 0); i < docs; i++) {
    const doc = sweepDocument(prefix, i);
    for (const p of phrasings) {
      const s = stats.get(p)!;
      const g = generateDisclosure(doc.seed, { ...doc.options, phrasing: p });
      const tag = `${doc.seed}-p${p}`;
      counts.printed++;
      const once = await readOnce(await renderPdf(g.html, { browser }), env, `${tag}.pdf`);
      if (only !== 'changes') {
        const report = reportOf(once.pages, `${tag}.pdf`);
        if (verify) {
          const printed = await read(g.html, `${tag}.pdf`);
          const key = (r: Report) => r.findings.map((f) => `${f.rule} ${f.message}`).join('\n');
          counts.verified++;
          if (key(printed) !== key(report)) {
            counts.disagreed++;
            console.log(`  verify ${tag}: the consistent report differs from analyzePdf's`);
          }
        }
        const loud = loudNarrativeFindings(report, g);
        s.documents++;
        if (loud.length) s.documentsWithLoud++;
        for (const f of loud) s.loudByRule[f.rule] = (s.loudByRule[f.rule] ?? 0) + 1;
        details.consistent.push({ doc: tag, options: { ...doc.options, phrasing: p }, bareWan: g.model.bareWan, loud: loud.map((f) => describeFinding(report, f)) });
        console.log(`[${elapsed()}] ${tag} (${g.model.kind}, ${g.model.unit}${g.model.bareWan ? ', 万' : ''}): ${loud.length} loud${loud.length ? ` — ${loud.map((f) => `${f.rule}: ${f.message}`).join(' | ').slice(0, 400)}` : ''}`);
      }
      if (only === 'consistent') continue;
      const runs: Array<{ mutations: Mutation[]; html: string }> =
        changes === 'all'
          ? changeBatches(g, `${tag}-change`)
          : (() => {
              const slots = mutableTextSlots(g.document);
              const rng = new Rng(`${tag}/sample`);
              const picked = new Set<string>();
              while (picked.size < Math.min(Number(changes), slots.length)) picked.add(rng.pick(slots).id);
              return [...picked].flatMap((id) => {
                try {
                  const m = changeSlot(g, id, `${tag}-change/${id}`);
                  return [{ mutations: [m], html: renderHtml(g.document, { [m.slotId]: m.newText }) }];
                } catch {
                  return [];
                }
              });
            })();
      let found = 0;
      let total = 0;
      for (const [j, run] of runs.entries()) {
        const name = `${tag}-c${j}.pdf`;
        const fast = exact ? undefined : rereadWithChanges(once, g.document, run.mutations, name);
        let report: Report;
        if (fast && 'report' in fast) {
          counts.reread++;
          report = fast.report;
          if (verify) {
            const printed = await read(run.html, name);
            counts.verified++;
            const a = run.mutations.map((m) => changeHits(report, m).length > 0).join();
            const b = run.mutations.map((m) => changeHits(printed, m).length > 0).join();
            if (a !== b) {
              counts.disagreed++;
              console.log(`  verify ${name}: in-process ${a} ≠ printed ${b}`);
            }
          }
        } else {
          if (fast) counts.fallback++;
          report = await read(run.html, name);
        }
        for (const m of run.mutations) {
          total++;
          s.changed++;
          if (changeHits(report, m).length) {
            s.found++;
            found++;
          } else {
            s.missedBySection[m.section ?? '?'] = (s.missedBySection[m.section ?? '?'] ?? 0) + 1;
            details.misses.push({ doc: tag, phrasing: p, kind: g.model.kind, unit: g.model.unit, slot: m.slotId, old: m.oldText, new: m.newText, section: m.section, sentence: m.sentence, newSentence: m.newSentence, loud: report.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `${f.rule}: ${f.message}`) });
          }
        }
      }
      console.log(`[${elapsed()}] ${tag}: changed numbers found ${found}/${total}`);
    }
  }
} finally {
  await browser.close();
}

const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)} %`);
console.log(`\nWording sweep: ${docs} documents × phrasings ${phrasings.join(', ')}, changes ${changes === 'all' ? 'every linkable narrative number (one per paragraph per PDF)' : `${changes} per document, one per PDF`} (prefix ${prefix}, ${elapsed()})\n`);
console.log(`PDFs printed ${counts.printed}; changed copies checked in-process ${counts.reread} (printed instead: ${counts.fallback})${verify ? `; verified ${counts.verified}, disagreed ${counts.disagreed}` : ''}\n`);
console.log('phrasing  consistent  with loud  loud findings  changed  found  recall');
for (const [p, s] of stats) {
  const loud = Object.values(s.loudByRule).reduce((a, b) => a + b, 0);
  console.log(`${String(p).padEnd(9)} ${String(s.documents).padStart(10)} ${String(s.documentsWithLoud).padStart(10)} ${String(loud).padStart(14)} ${String(s.changed).padStart(8)} ${String(s.found).padStart(6)}  ${pct(s.found, s.changed)}`);
}
console.log('\nLoud findings on consistent documents, by rule:');
for (const [p, s] of stats) {
  const rules = Object.entries(s.loudByRule).sort((a, b) => b[1] - a[1]);
  console.log(`  phrasing ${p}: ${rules.length ? rules.map(([r, n]) => `${r} ${n}`).join(', ') : 'none'}`);
}
console.log('\nMissed changed numbers, by section:');
for (const [p, s] of stats) {
  const secs = Object.entries(s.missedBySection).sort((a, b) => b[1] - a[1]);
  console.log(`  phrasing ${p}: ${secs.length ? secs.map(([r, n]) => `${r} ${n}`).join(', ') : 'none'}`);
}
if (jsonOut) {
  writeFileSync(jsonOut, JSON.stringify({ docs, phrasings, changes, prefix, stats: Object.fromEntries(stats), ...details }, null, 1));
  console.log(`\ndetails: ${jsonOut}`);
}
