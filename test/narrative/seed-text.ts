/**
 * Test helpers: the seeds' extracted text (../shared/seeds/txt) turned into the paragraphs and
 * tables the layout engine would give, so the narrative rules can be tested before (and beside)
 * the PDF pipeline. Narrative lines are joined into paragraphs the way they read; tab-separated
 * blocks become tables titled by the line above them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentLayout, Paragraph, Table, TableCell } from '../../src/layout/types';
import { systemOf } from '../../src/classification';

export const SHARED = fileURLToPath(new URL('../../../shared', import.meta.url));
export const SEEDS_TXT = resolve(SHARED, 'seeds/txt');
export const hasShared = existsSync(SEEDS_TXT);

export const SEED_FILES = ['000_8273a81b5d7a2812', '001_4cd56771f99f2713', '002_acf73162fca111cf', '003_de9632e190c788f1', '004_ead4dcb7dad5d379'];

export function paragraph(text: string, page = 1): Paragraph {
  return { page, bbox: [0, 0, 100, 10], text, lines: [], starts: [] };
}

const MARKER = /^\s*(#+\s*|第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[、．]|\d{1,2}\.(?!\d)|-\s)/;

export function narrativeParagraphs(lines: string[]): Paragraph[] {
  const out: string[] = [];
  let cur = '';
  const flush = () => {
    if (cur.trim()) out.push(cur.trim());
    cur = '';
  };
  for (const raw of lines) {
    const line = raw.replace(/^#+\s*/, '').replace(/^-\s+/, '').trimEnd();
    if (!line.trim()) continue;
    const heading = MARKER.test(raw) && line.length <= 40 && !/[。]/.test(line) && !/万元/.test(line);
    if (MARKER.test(raw) || heading) flush();
    cur += (cur && /[A-Za-z0-9]$/.test(cur) && /^[A-Za-z0-9]/.test(line.trim()) ? ' ' : '') + line.trim();
    if (/[。：:！？]$/.test(line) || heading) flush();
  }
  flush();
  return out.map((t) => paragraph(t));
}

/** A ruled table from rows of cell texts (the first rows up to the first number are headers). */
export function tableOf(title: string, unit: string | null, rows: string[][], id = 't1'): Table {
  return tableFrom(title, unit, rows, id);
}

function tableFrom(title: string, unit: string | null, rows: string[][], id: string): Table {
  const width = Math.max(...rows.map((r) => r.length));
  const cells: (TableCell | null)[][] = rows.map((r) => Array.from({ length: width }, (_, i) => ({ text: (r[i] ?? '').replace(/<\/?b>/g, '').trim(), page: 1, bbox: [0, 0, 10, 10], rowSpan: 1, colSpan: 1 })));
  const headerRows = Math.max(1, rows.findIndex((r) => r.some((c) => /^-?[\d,]+\.\d+$/.test(c.trim()))));
  const columnHeaders = Array.from({ length: width }, (_, i) => rows.slice(0, headerRows).map((r) => (r[i] ?? '').trim()).filter(Boolean));
  return { id, title, unit, pages: [1], headerRows: headerRows < 0 ? 1 : headerRows, rows: cells, columnHeaders, ruled: true };
}

/** Narrative paragraphs and tab-separated tables of one seed. */
export function seedLayout(name: string): DocumentLayout {
  const text = readFileSync(resolve(SEEDS_TXT, `${name}.txt`), 'utf8');
  const lines = text.split('\n');
  const narrative: string[] = [];
  const tables: Table[] = [];
  let block: string[][] = [];
  let lastText: string[] = [];
  let unit: string | null = null;
  const endBlock = () => {
    if (block.length >= 2) {
      const title = [...lastText].reverse().find((l) => /表|预算|决算|经费/.test(l) && !/单位[:：]/.test(l)) ?? '';
      tables.push(tableFrom(title.replace(/^#+\s*/, ''), unit, block, `t${tables.length + 1}`));
    }
    block = [];
  };
  for (const line of lines) {
    if (line.includes('\t') && line.split('\t').filter((c) => c.trim()).length >= 2) {
      block.push(line.split('\t'));
      continue;
    }
    if (/^[-\s|]+$/.test(line) && line.includes('-')) continue;
    if (block.length) endBlock();
    if (!line.trim()) continue;
    const u = /单位[:：]\s*(万元|元)/.exec(line);
    if (u) unit = u[1];
    lastText = [...lastText.slice(-4), line.trim()];
    if (!line.startsWith('\t')) narrative.push(line);
  }
  endBlock();
  return { pages: [{ page: 1, width: 595, height: 842 }], tables, paragraphs: narrativeParagraphs(narrative) };
}

const CODE = /^(2\d{2}(?:\d{2}){0,2}|3\d{2}(?:\d{2})?|5\d{2}(?:\d{2})?)$/;

/** Every (code, printed name) pair in the table rows of a seed's text. */
export function codesInSeed(text: string): { code: string; name: string }[] {
  const out: { code: string; name: string }[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (line.includes('\t')) {
      const cells = line.split('\t').map((c) => c.trim());
      const filled = cells.filter(Boolean);
      // one cell per line (seed 003): a code line followed by its name line
      if (filled.length === 1 && CODE.test(filled[0])) {
        const next = lines.slice(i + 1).map((l) => l.trim()).find(Boolean) ?? '';
        if (next && !/^[\d.,]+$/.test(next)) out.push({ code: filled[0], name: next });
        return;
      }
      for (let k = 0; k < cells.length; k++) {
        // 类/款/项 over three columns: 208 | 05 | 05
        if (/^2\d{2}$/.test(cells[k]) && /^\d{2}$/.test(cells[k + 1] ?? '') && /^\d{2}$/.test(cells[k + 2] ?? '')) {
          const name = cells.slice(k + 3).find((c) => c && !/^[\d.,]+$/.test(c)) ?? '';
          out.push({ code: cells[k] + cells[k + 1] + cells[k + 2], name });
          k += 2;
          continue;
        }
        if (CODE.test(cells[k])) {
          const name = cells[k + 1] ?? '';
          if (name && !/^[\d.,]+$/.test(name)) out.push({ code: cells[k], name });
        }
      }
      return;
    }
    // space-separated rows (seed 004): “2080505   机关事业单位基本养老保险缴费支出 47.92 …”, several blocks per line
    for (const m of line.matchAll(/(?:^|\s)(2\d{2}(?:\d{2}){0,2}|3\d{2}(?:\d{2})?|5\d{2}(?:\d{2})?)\s+([^\d\s][^\s]*)/g)) {
      if (/^(万元|元|人|个|年|月|日|号)/.test(m[2])) continue;
      out.push({ code: m[1], name: m[2] });
    }
  });
  return out.filter((c) => systemOf(c.code) !== null);
}

