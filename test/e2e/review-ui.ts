/**
 * e2e checks of the review screens as a person uses them (issue 10): keyboard, phone widths,
 * accessibility (axe-core), highlight stacking and legibility, zoom, the page strip, Ctrl+wheel
 * and search in the document's text. Each takes a fresh page of the served app.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS } from './harness';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Report } from '../../src/report/types';

type Check = (name: string, fn: () => Promise<void>) => Promise<void>;

function assert(cond: unknown, msg: string): asserts cond {
  if (!cond) throw new Error(msg);
}

const RESULT_TIMEOUT = 180_000;

async function openSample(context: BrowserContext, base: string, lang: 'zh' | 'en' = 'zh'): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript((l) => localStorage.setItem('gouji.locale', l), lang);
  await page.goto(base);
  await page.click('[data-testid="sample-button"]');
  await page.waitForSelector('[data-testid="results"] .finding-list[data-complete]', { timeout: RESULT_TIMEOUT });
  await page.waitForSelector('[data-testid="page"][data-page="1"] .pdf-page-canvas.state-done', { timeout: 30_000 });
  return page;
}

/** The rectangle of an element relative to the viewport, or null. */
const rect = (page: Page, sel: string) =>
  page.evaluate((s) => {
    const el = document.querySelector(s);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };
  }, sel);

/** Whether a finding's anchor figure (its box at bbox × scale on its page) lies inside the page scroller's visible area. */
const anchorInView = (page: Page, f: Report['findings'][number]) =>
  page.evaluate(
    ([n, bb]) => {
      const sc = document.querySelector('[data-testid="page-scroller"]')!.getBoundingClientRect();
      const el = document.querySelector<HTMLElement>(`[data-testid="page"][data-page="${n}"]`)!;
      const p = el.getBoundingClientRect();
      const k = Number(el.dataset.scale);
      const b = { left: p.left + bb[0] * k, top: p.top + bb[1] * k, right: p.left + bb[2] * k, bottom: p.top + bb[3] * k };
      return b.right > sc.left && b.left < sc.right && b.bottom > sc.top && b.top < sc.bottom;
    },
    [(f.refs[f.anchor] ?? f.refs[0]).page, (f.refs[f.anchor] ?? f.refs[0]).bbox] as const,
  );

export async function checkKeyboard(check: Check, context: BrowserContext, base: string): Promise<void> {
  for (const key of ['Enter', 'Space']) {
    await check(`keyboard: ${key} on 试用示例 opens the sample, not the file picker`, async () => {
      const page = await context.newPage();
      await page.goto(base);
      let chooser = false;
      page.on('filechooser', () => (chooser = true));
      await page.focus('[data-testid="sample-button"]');
      await page.keyboard.press(key);
      await page.waitForSelector('[data-testid="results"] .finding-list[data-complete]', { timeout: RESULT_TIMEOUT });
      assert(!chooser, 'a file chooser opened');
      await page.close();
    });
  }
  await check('keyboard: the page strip is one Tab stop, arrows move inside it, pages named “第 n 页”', async () => {
    const page = await openSample(context, base);
    const stops = await page.$$eval('[data-testid="page-nav-item"]', (els) => els.filter((e) => (e as HTMLElement).tabIndex >= 0).length);
    assert(stops === 1, `${stops} Tab stops in the page strip`);
    await page.focus('[data-testid="page-nav-item"][tabindex="0"]');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    // The accessible name is the button's text: hidden words around the visible number.
    const focused = await page.evaluate(() => [document.activeElement?.getAttribute('data-page'), document.activeElement?.textContent?.trim()]);
    assert(focused[0] === '4', `focus on page ${focused[0]} after Home ↓↓↓`);
    assert(/^第 4 页/.test(focused[1] ?? ''), `page 4 is named “${focused[1]}”`);
    // The pages followed: page 4 is in view.
    await page.waitForFunction(() => {
      const p = document.querySelector('[data-testid="page"][data-page="4"]')!.getBoundingClientRect();
      const s = document.querySelector('[data-testid="page-scroller"]')!.getBoundingClientRect();
      return p.top < s.bottom && p.bottom > s.top;
    }, undefined, { timeout: 5000 });
    // Tab leaves the strip in one press (to the page scroller, itself reachable by keyboard).
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    assert(next === 'page-scroller', `Tab from the strip went to ${next}`);
    await page.close();
  });
}

/** Presses Tab (or Shift+Tab) until the focused element matches `sel`; the number of presses, or throws. */
async function tabTo(page: Page, sel: string, back = false, max = 60): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (await page.evaluate((s) => !!document.activeElement?.matches(s), sel)) return i;
  }
  throw new Error(`${max} presses of ${back ? 'Shift+Tab' : 'Tab'} never reached ${sel} (focus on ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120))})`);
}

/** The whole review by keyboard alone: the sample, a finding, its page, and back to the list. */
export async function checkKeyboardFlow(check: Check, context: BrowserContext, base: string, report: Report): Promise<void> {
  await check('keyboard only: Tab to 试用示例, Enter; Tab to the list, ↓ Enter shows the finding on its page; Tab to the pages, scroll; Shift+Tab back to the list', async () => {
    const page = await context.newPage();
    try {
      await page.goto(base);
      await page.waitForSelector('[data-testid="sample-button"]');
      await tabTo(page, '[data-testid="sample-button"]', false, 15);
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-testid="results"] .finding-list[data-complete]', { timeout: RESULT_TIMEOUT });
      await page.waitForSelector('[data-testid="page"][data-page="1"] .pdf-page-canvas.state-done', { timeout: 30_000 });
      await tabTo(page, '[data-testid="finding-list"]');
      const order = await page.$$eval('[data-testid="finding"]', (els) => els.map((e) => e.getAttribute('data-finding-id')!));
      // Down to the last finding: the one furthest into the document, so locating it must scroll.
      await page.keyboard.press('End');
      const id = await page.getAttribute('[data-testid="finding"].is-cursor', 'data-finding-id');
      assert(id === order.at(-1), `End put the cursor on ${id}, expected ${order.at(-1)}`);
      await page.keyboard.press('Enter');
      const f = report.findings.find((x) => x.id === id)!;
      await page.waitForFunction(
        (fid) => {
          const sc = document.querySelector('[data-testid="page-scroller"]')!.getBoundingClientRect();
          const b = document.querySelector(`[data-testid="highlight"][data-finding-id="${fid}"].hl-pulse`)?.getBoundingClientRect();
          return !!b && b.bottom > sc.top && b.top < sc.bottom;
        },
        id,
        { timeout: 5000 },
      );
      assert(await anchorInView(page, f), `${id}'s anchor figure is not in view after Enter`);
      // On to the pages, and scroll them with the keyboard.
      await tabTo(page, '[data-testid="page-scroller"]');
      const top0 = await page.$eval('[data-testid="page-scroller"]', (el) => el.scrollTop);
      await page.keyboard.press('PageUp');
      await page.waitForFunction((t) => document.querySelector('[data-testid="page-scroller"]')!.scrollTop < t, top0, { timeout: 3000 });
      // Back to the list: the cursor is where it was, and ↑ moves on from it.
      await tabTo(page, '[data-testid="finding-list"]', true);
      assert((await page.getAttribute('[data-testid="finding"].is-cursor', 'data-finding-id')) === id, 'the cursor moved while on the pages');
      await page.keyboard.press('ArrowUp');
      assert((await page.getAttribute('[data-testid="finding"].is-cursor', 'data-finding-id')) === order.at(-2), 'ArrowUp after coming back did not move the cursor');
      // The focused control is visibly marked (an outline or a ring), not only known to the browser.
      const ring = await page.$eval('[data-testid="finding-list"]', (el) => {
        const cs = getComputedStyle(el);
        return (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== 'none';
      });
      assert(ring, 'the focused finding list shows no focus ring');
    } finally {
      await page.close();
    }
  });
}

/** Chinese characters and Chinese punctuation (a full-width ＋ on a zoom button is a glyph, not a word). */
const CJK = /[\u3400-\u9fff\u3000-\u303f\uff01-\uff0a\uff0c\uff1a\uff1b\uff1f]/u;
/** A raw id shown to a person: a rule id (`sum.rows`, `cross-table.same-quantity`) or a table type (`GeneralBudgetExpenditure`). */
const RAW_ID = /\b[a-z]+(?:-[a-z]+)*\.[a-z]+(?:[-.][a-z]+)*\b|\b[A-Z][a-z]+(?:[A-Z][a-z]+){2,}\b/;

/** The app's own words on the result page in each language: no English inside the Chinese, no Chinese inside the English, no raw ids. */
export async function checkLanguages(check: Check, context: BrowserContext, base: string): Promise<void> {
  for (const lang of ['zh', 'en'] as const) {
    await check(`wording, ${lang}: the app's labels, findings, filters, tooltips and box names in ${lang === 'zh' ? 'Chinese' : 'English'} only, no raw ids`, async () => {
      const page = await openSample(context, base, lang);
      try {
        await page.click('[data-testid="finding"] >> nth=0');
        await page.waitForTimeout(300);
        // Text written by the app (document titles and table cells are the document's own words, so left out).
        // (No named inner functions here: the test's compiler would wrap them in a helper the page lacks.)
        const texts = await page.evaluate(() => {
          const out: string[] = [];
          for (const sel of ['.finding-msg', '.finding-math', '.finding-meta', '.finding-group-head', '.sev-badge', '.finding-list-head', '.summary .facts dt', '.summary .sev-bars', '.toolbar button', '.pane-tabs button', 'label', 'select option', '.legend']) {
            for (const e of document.querySelectorAll(sel)) out.push(`${sel}: ${(e.textContent ?? '').trim()}`);
          }
          // The document's title and file name (h1, the list's tooltip) are the document's own words.
          for (const e of document.querySelectorAll('[aria-label]:not(.doc-title), [title]:not(.doc-title):not(.doc-name), input[placeholder]')) {
            for (const a of ['aria-label', 'title', 'placeholder']) if (e.getAttribute(a)) out.push(`${e.tagName.toLowerCase()}[${a}]: ${e.getAttribute(a)}`);
          }
          return out;
        });
        // Names that are the document's own (table titles in the table filter, the file name) may be Chinese in English.
        // An English message quotes the document's Chinese row labels and table titles: only the Chinese messages are held to one language.
        const own = (t: string) => (/^select option: /.test(t) && /表|[\u3400-\u9fff]{4,}/u.test(t)) || /^\.finding-msg: |^div\[aria-label\]: (Error|Warning|Info), /.test(t);
        const bad = texts.filter((t) => {
          const body = t.replace(/^[^:]+: /, '');
          if (RAW_ID.test(body)) return true;
          if (lang === 'en') return CJK.test(body) && !own(t);
          // Chinese: no English words (figures, %, p12, units and the product name aside).
          return /\b(?!Gouji\b|PDF\b|CSV\b|JSON\b|Excel\b|xlsx\b|Enter\b|Tab\b|Esc\b|Ctrl\b)[A-Za-z]{3,}\b/.test(body);
        });
        assert(!bad.length, `${bad.length} mixed or raw labels:\n${[...new Set(bad)].slice(0, 12).join('\n')}`);
      } finally {
        await page.close();
      }
    });
  }
}

export async function checkNavigation(check: Check, context: BrowserContext, base: string, report: Report): Promise<void> {
  const page = await openSample(context, base);
  try {
    await check('navigation: the page strip follows scrolling', async () => {
      // A short window, so the strip cannot show every page at once.
      await page.setViewportSize({ width: 1440, height: 420 });
      const fits = await page.$eval('[data-testid="page-nav"]', (el) => el.scrollHeight <= el.clientHeight);
      assert(!fits, 'the page strip shows every page: this check would prove nothing');
      await page.$eval('[data-testid="page-scroller"]', (el) => (el.scrollTop = el.scrollHeight));
      const last = report.pages;
      await page.waitForFunction(
        (n) => {
          const item = document.querySelector(`[data-testid="page-nav-item"][data-page="${n}"]`)!;
          const nav = document.querySelector('[data-testid="page-nav"]')!.getBoundingClientRect();
          const r = item.getBoundingClientRect();
          return item.classList.contains('current') && r.top >= nav.top - 1 && r.bottom <= nav.bottom + 1;
        },
        last,
        { timeout: 5000 },
      );
      await page.setViewportSize({ width: 1440, height: 900 });
    });

    await check('navigation: at 100 % every page is as wide as the view, portrait narrative and landscape tables alike', async () => {
      const { widths, view, portrait, landscape } = await page.evaluate(() => {
        const pages = [...document.querySelectorAll<HTMLElement>('[data-testid="page"]')];
        const ws = pages.map((p) => p.getBoundingClientRect().width);
        const hs = pages.map((p) => p.getBoundingClientRect().height);
        return { widths: ws, view: document.querySelector('[data-testid="page-scroller"]')!.clientWidth, portrait: ws.filter((w, i) => hs[i] > w).length, landscape: ws.filter((w, i) => hs[i] < w).length };
      });
      assert(portrait > 0 && landscape > 0, `the sample mixes no orientations (${portrait} portrait, ${landscape} landscape): this check would prove nothing`);
      const off = widths.map((w, i) => [i + 1, w] as const).filter(([, w]) => Math.abs(w - (view - 32)) > 1.5);
      assert(!off.length, `pages not as wide as the view (${view - 32} px): ${off.slice(0, 5).map(([n, w]) => `p${n} ${w.toFixed(0)} px`).join(', ')}`);
    });

    // The finding whose figure stands furthest right: zooming in pushes it out of view unless the view follows it.
    const right = (x: Report['findings'][number]) => x.refs[x.anchor]?.bbox[2] ?? 0;
    const f = report.findings.reduce((a, b) => (right(b) > right(a) ? b : a));
    await check(`navigation: zoom in and out keeps the selected figure (${f.id}) in view`, async () => {
      await page.click(`[data-testid="finding"][data-finding-id="${f.id}"]`);
      await page.waitForTimeout(300);
      assert(await anchorInView(page, f), 'selected figure not in view after clicking it');
      for (let i = 0; i < 4; i++) {
        await page.click('.zoom .icon-btn >> nth=1');
        await page.waitForTimeout(150);
        assert(await anchorInView(page, f), `selected figure out of view after zooming in ${i + 1}×`);
      }
      await page.click('.zoom .icon-btn >> nth=0');
      await page.waitForTimeout(150);
      assert(await anchorInView(page, f), 'selected figure out of view after zooming out');
      await page.click('.zoom .btn'); // back to fit width
    });

    await check('navigation: Ctrl+wheel (a pinch in Chromium) zooms the pages', async () => {
      const before = Number(await page.getAttribute('[data-testid="page"][data-page="1"]', 'data-scale'));
      const box = (await rect(page, '[data-testid="page-scroller"]'))!;
      await page.mouse.move(box.left + box.width / 2, box.top + box.height / 2);
      await page.keyboard.down('Control');
      await page.mouse.wheel(0, -200);
      await page.keyboard.up('Control');
      await page.waitForFunction((b) => Number(document.querySelector('[data-testid="page"][data-page="1"]')!.getAttribute('data-scale')) > b, before, { timeout: 3000 });
      const zoomText = await page.textContent('.zoom .btn');
      assert(zoomText && zoomText.trim() !== '100%', `zoom label still ${zoomText}`);
      await page.click('.zoom .btn');
    });

    await check('search in the document text: hits counted and drawn on the page', async () => {
      const para = report.paragraphs.find((p) => /\d+\.\d+万元/.test(p.text))!;
      const q = /\d+\.\d+万元/.exec(para.text)![0];
      await page.fill('[data-testid="pdf-search"]', q);
      await page.waitForSelector('[data-testid="search-hit"]', { timeout: 5000 });
      const count = await page.textContent('[data-testid="pdf-search-count"]');
      assert(/^1\/\d+$/.test(count?.trim() ?? ''), `hit count reads “${count}”`);
      const hitPage = await page.getAttribute('[data-testid="search-hit"].current', 'data-page');
      const want = report.paragraphs.concat().filter((p) => p.text.replace(/[\s,]/g, '').includes(q)).map((p) => p.page);
      assert(hitPage && want.includes(Number(hitPage)), `current hit on page ${hitPage}, text on pages ${want}`);
      const hit = (await rect(page, '[data-testid="search-hit"].current'))!;
      const sc = (await rect(page, '[data-testid="page-scroller"]'))!;
      assert(hit.top < sc.bottom && hit.bottom > sc.top, 'the current hit is not scrolled into view');
      await page.fill('[data-testid="pdf-search"]', '');
    });

    await check('highlights: of findings stacked on one figure the selected one is on top and hoverable; light tint', async () => {
      // Findings sharing a figure: two findings with a ref on the same page and box.
      const key = (r: { page: number; bbox: number[] }) => `${r.page}:${r.bbox.map((v) => Math.round(v)).join(',')}`;
      const owners = new Map<string, string[]>();
      for (const x of report.findings) for (const r of x.refs) owners.set(key(r), [...new Set([...(owners.get(key(r)) ?? []), x.id])]);
      const shared = [...owners.entries()].find(([, ids]) => ids.length >= 2);
      assert(shared, 'the sample has no figure marked by two findings');
      const [where, ids] = shared;
      for (const id of ids) {
        await page.click(`[data-testid="finding"][data-finding-id="${id}"]`);
        await page.waitForTimeout(250);
        const [pg] = where.split(':');
        const x = report.findings.find((y) => y.id === id)!;
        const k = x.refs.findIndex((r) => key(r) === where);
        await page.waitForSelector(`[data-testid="page"][data-page="${pg}"] .highlight-layer`, { timeout: 5000 });
        const top = await page.evaluate(
          ([fid, p, bb]) => {
            const pageEl = document.querySelector(`[data-testid="page"][data-page="${p}"]`)!;
            const s = Number((pageEl as HTMLElement).dataset.scale);
            const pr = pageEl.getBoundingClientRect();
            const cx = pr.left + ((bb[0] + bb[2]) / 2) * s;
            const cy = pr.top + ((bb[1] + bb[3]) / 2) * s;
            const el = document.elementFromPoint(cx, cy)?.closest('[data-testid="highlight"]');
            return el?.getAttribute('data-finding-id') ?? `nothing (${document.elementFromPoint(cx, cy)?.className})`;
          },
          [id, pg, x.refs[k].bbox] as const,
        );
        assert(top === id, `selected ${id}, but the box under the pointer belongs to ${top}`);
      }
      const alpha = await page.$eval('[data-testid="highlight"].hl-primary', (el) => {
        const m = /rgba?\(([^)]+)\)/.exec(getComputedStyle(el).backgroundColor);
        return m ? Number(m[1].split(',')[3] ?? 1) : 1;
      });
      assert(alpha <= 0.1, `primary box fill alpha ${alpha} (digits under it must stay readable)`);
    });
  } finally {
    await page.close();
  }
}

export async function checkPhone(check: Check, browser: Browser, base: string, newContext: (b: Browser, o: { width: number; height: number }) => Promise<BrowserContext>): Promise<void> {
  for (const width of [360, 390, 430]) {
    await check(`phone ${width} px: no sideways scroll, list and pages switchable, pages readable, labels on one line`, async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      const ctx = await newContext(browser, { width, height: 800 });
      const page = await ctx.newPage();
      await page.goto(base);
      await page.waitForSelector('[data-testid="sample-button"]');
      const noSideways = () => page.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth);
      assert(await noSideways(), `start page scrolls sideways (${await page.evaluate(() => document.scrollingElement!.scrollWidth)} px)`);
      await page.click('[data-testid="sample-button"]');
      await page.waitForSelector('[data-testid="results"] .finding-list[data-complete]', { timeout: RESULT_TIMEOUT });
      assert(await noSideways(), `results scroll sideways (${await page.evaluate(() => document.scrollingElement!.scrollWidth)} px)`);
      const side = (await rect(page, '.side'))!;
      assert(side.width >= width - 2, `side panel ${side.width} px wide at ${width} px`);
      const list = (await rect(page, '[data-testid="finding-list"]'))!;
      assert(list.width >= width - 40, `finding list ${list.width} px wide`);
      // Switch to the pages: the viewer gets (almost) the whole width; the list is out of the way.
      const first = await page.getAttribute('[data-testid="finding"] >> nth=0', 'data-finding-id');
      await page.click('[data-testid="finding"] >> nth=0');
      await page.waitForSelector('[data-testid="page-scroller"]', { state: 'visible' });
      // Tapping a finding shows its figure on the page.
      await page.waitForFunction(
        (id) => {
          const sc = document.querySelector('[data-testid="page-scroller"]')!.getBoundingClientRect();
          const b = document.querySelector(`[data-testid="highlight"][data-finding-id="${id}"]`)?.getBoundingClientRect();
          return !!b && b.top >= sc.top && b.bottom <= sc.bottom && b.left >= sc.left && b.right <= sc.right;
        },
        first,
        { timeout: 5000 },
      );
      await page.$eval('[data-testid="page-scroller"]', (el) => (el.scrollTop = 0));
      await page.waitForSelector('[data-testid="page"][data-page="1"] .pdf-page-canvas.state-done', { timeout: 30_000 });
      const viewer = (await rect(page, '[data-testid="page-scroller"]'))!;
      assert(viewer.width >= width - 60, `page viewer ${viewer.width} px wide at ${width} px`);
      assert(!(await page.isVisible('[data-testid="finding-list"]')), 'finding list still visible over the pages');
      // The viewer scrolls inside itself (not the whole page), and a portrait page fits its width.
      const fit = await page.evaluate(() => {
        const sc = document.querySelector<HTMLElement>('[data-testid="page-scroller"]')!;
        const p = document.querySelector<HTMLElement>('[data-testid="page"][data-page="1"]')!.getBoundingClientRect();
        const s = sc.getBoundingClientRect();
        return { scrollerHeight: s.height, windowHeight: innerHeight, left: p.left - s.left, right: s.right - p.right, width: p.width };
      });
      assert(fit.scrollerHeight <= fit.windowHeight, `the page viewer is ${fit.scrollerHeight} px tall in a ${fit.windowHeight} px window (it does not scroll by itself)`);
      assert(fit.width >= width - 100 && fit.left >= 0 && fit.right >= 0, `page 1 is drawn ${fit.width} px wide at ${fit.left}..${fit.right} px from the viewer's edges`);
      assert(await noSideways(), 'pages view scrolls sideways');
      // Toolbar and tab labels on one line: no button taller than two lines of text.
      const tall = await page.$$eval('.toolbar button, .pane-tabs button', (els) => els.filter((e) => (e as HTMLElement).offsetParent && e.getBoundingClientRect().height > 44).map((e) => `${e.textContent?.trim()} ${e.getBoundingClientRect().height}px`));
      assert(!tall.length, `wrapped labels: ${tall.join('; ')}`);
      // The legend does not cover the list: back to the list, no legend over it.
      await page.click('[data-testid="pane-list"]');
      assert(await page.isVisible('[data-testid="finding-list"]'), 'the list tab does not show the list');
      const legendOverList = await page.evaluate(() => {
        const lg = document.querySelector('.legend-floating');
        const li = document.querySelector('[data-testid="finding-list"]');
        if (!lg || !li || !(lg as HTMLElement).offsetParent) return false;
        const a = lg.getBoundingClientRect();
        const b = li.getBoundingClientRect();
        return a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
      });
      assert(!legendOverList, 'the legend covers the finding list');
      await page.screenshot({ path: join(ARTIFACTS, `phone-${width}-list.png`) });
      await page.click('[data-testid="pane-pages"]');
      await page.screenshot({ path: join(ARTIFACTS, `phone-${width}-pages.png`) });
      await ctx.close();
    });
  }
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function axeSerious(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return results.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.join(' | ')}`);
}

export async function checkAccessibility(check: Check, browser: Browser, base: string, newContext: (b: Browser, o: { bypassCSP: boolean }) => Promise<BrowserContext>): Promise<void> {
  // axe is injected as an inline script, which the app's Content-Security-Policy rightly refuses: this context bypasses CSP.
  const ctx = await newContext(browser, { bypassCSP: true });
  try {
    for (const lang of ['zh', 'en'] as const) {
      await check(`accessibility (axe-core), start page, ${lang}: no serious or critical violations`, async () => {
        const page = await ctx.newPage();
        await page.addInitScript((l) => localStorage.setItem('gouji.locale', l), lang);
        await page.goto(base);
        await page.waitForSelector('[data-testid="sample-button"]');
        const v = await axeSerious(page);
        await page.close();
        assert(!v.length, v.join('\n'));
      });
      await check(`accessibility (axe-core), result page, ${lang}: no serious or critical violations`, async () => {
        const page = await openSample(ctx, base, lang);
        await page.click('[data-testid="finding"] >> nth=0');
        await page.waitForTimeout(300);
        const v = await axeSerious(page);
        await page.close();
        assert(!v.length, v.join('\n'));
      });
    }
  } finally {
    await ctx.close();
  }
}
