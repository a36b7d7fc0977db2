/**
 * Scoring a Gouji report on a generated document for the 说明 (issue 8): the loud findings of the
 * narrative, classification, consistency and wording rules on a consistent document, and whether a
 * changed narrative number is found. Used by test/narrative/wording-variants.test.ts and the sweep
 * (wording-sweep.ts).
 */
import type { Finding, Report } from '../../src/report/types';
import type { GeneratedDisclosure } from './index';
import { Decimal, parseNumber } from './money';
import { renderHtml } from './render';
import { mutableTextSlots, chooseMutation, type Mutation } from './mutate';
import { Rng } from './prng';

/** The rule families a consistent document of any phrasing must keep silent (by rule id). */
export const NARRATIVE_RULES = /^(narrative|classification|consistency|wording)\./;

const isLoud = (f: Finding) => f.severity === 'error' || f.severity === 'warning';

/**
 * 万 for 万元 is one habit of the writer: wording.unit reports it once per document (a warning, every
 * place a ref). Expected on a `bareWan` document, so neither a false finding nor a typo's discovery.
 */
export function isBareWanHabit(f: Finding): boolean {
  return f.rule === 'wording.unit' && (f.actual === '万' || /^[\d.,]+万$/.test(f.actual ?? ''));
}

/** Loud findings of the narrative families, the bare-万 habit set aside when the document has it. */
export function loudNarrativeFindings(report: Report, g: GeneratedDisclosure): Finding[] {
  const loud = report.findings.filter((f) => isLoud(f) && NARRATIVE_RULES.test(f.rule));
  if (!g.model.bareWan) return loud;
  const habit = loud.filter(isBareWanHabit);
  // exactly one habit finding is right; a second one is a finding too many
  return habit.length === 1 ? loud.filter((f) => f !== habit[0]) : loud;
}

const squeeze = (s: string) => s.normalize('NFKC').replace(/[\s,]/g, '');

/** The ref text shows the changed number as a whole number (not a part of a longer one), outside tables. */
function showsNumber(refText: string, number: string): boolean {
  const t = squeeze(refText);
  const n = squeeze(number).replace(/\./g, '\\.');
  return new RegExp(`(?<![\\d.])${n}(?![\\d])`).test(t);
}

/**
 * The findings that find a changed narrative number: the number among the refs (a text ref), of a
 * loud finding — or of a 尾差 note when the change stays inside the rounding interval of the
 * figure (never the case for the generator's changes, which are ≥ 0.2 万元 / 0.05 %) — and not the
 * bare-万 habit, which lists every amount.
 */
export function changeHits(report: Report, mutation: Mutation): Finding[] {
  const old = parseNumber(mutation.oldText);
  const now = parseNumber(mutation.newText);
  const insideRounding = !!old && !!now && now.minus(old).abs().lte(new Decimal('0.01'));
  return report.findings.filter((f) => {
    if (isBareWanHabit(f)) return false;
    if (!isLoud(f) && !(insideRounding && /尾差/.test(f.message))) return false;
    return f.refs.some((r) => r.tableId === undefined && showsNumber(r.text, mutation.newText));
  });
}

/** One changed narrative number of a document: the mutation (typo) of a given slot. */
export function changeSlot(g: GeneratedDisclosure, slotId: string, seed: string): Mutation {
  return chooseMutation(g.document, seed, { where: 'text', slotId }, g.model.unit);
}

/**
 * Every linkable narrative number of a document changed once, in batches: batch j changes the j-th
 * changeable number of each paragraph (one number per paragraph per PDF, so the changes do not meet
 * in one statement). Returns the batches with their HTML.
 */
export function changeBatches(g: GeneratedDisclosure, seed: string): Array<{ mutations: Mutation[]; html: string }> {
  const slots = mutableTextSlots(g.document);
  const byParagraph = new Map<number, string[]>();
  g.document.blocks.forEach((b, i) => {
    if (b.type !== 'p') return;
    for (const x of b.parts) if (typeof x !== 'string' && slots.some((s) => s.id === x.slot)) (byParagraph.get(i) ?? byParagraph.set(i, []).get(i)!).push(x.slot);
  });
  const rounds = Math.max(0, ...[...byParagraph.values()].map((l) => l.length));
  const out: Array<{ mutations: Mutation[]; html: string }> = [];
  for (let j = 0; j < rounds; j++) {
    const mutations: Mutation[] = [];
    for (const ids of byParagraph.values()) {
      if (j >= ids.length) continue;
      try {
        mutations.push(changeSlot(g, ids[j], `${seed}/${ids[j]}`));
      } catch {
        /* a number no typo can change more than rounding (e.g. 1 → …): left out */
      }
    }
    const overrides = Object.fromEntries(mutations.map((m) => [m.slotId, m.newText]));
    out.push({ mutations, html: renderHtml(g.document, overrides) });
  }
  return out;
}

/**
 * n linkable narrative numbers of a document changed together, each in its own paragraph (drawn
 * from the seed): one PDF checks n changes.
 */
export function changeSample(g: GeneratedDisclosure, seed: string, n: number): { mutations: Mutation[]; html: string } {
  const slots = new Set(mutableTextSlots(g.document).map((s) => s.id));
  const paragraphs: string[][] = [];
  for (const b of g.document.blocks) {
    if (b.type !== 'p') continue;
    const ids = b.parts.flatMap((x) => (typeof x !== 'string' && slots.has(x.slot) ? [x.slot] : []));
    if (ids.length) paragraphs.push(ids);
  }
  const rng = new Rng(`${seed}/sample`);
  const mutations: Mutation[] = [];
  // Fisher–Yates on the seed's stream
  for (let i = paragraphs.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [paragraphs[i], paragraphs[j]] = [paragraphs[j], paragraphs[i]];
  }
  for (const ids of paragraphs) {
    if (mutations.length >= n) break;
    try {
      mutations.push(changeSlot(g, rng.pick(ids), `${seed}/${mutations.length}`));
    } catch {
      /* no typo moves this number beyond rounding: another paragraph */
    }
  }
  return { mutations, html: renderHtml(g.document, Object.fromEntries(mutations.map((m) => [m.slotId, m.newText]))) };
}
