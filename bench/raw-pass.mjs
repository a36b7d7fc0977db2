#!/usr/bin/env node
/**
 * A raw pdf.js pass over one file, as its own process: the yardstick `npm run bench` holds the
 * CLI against. One pdf.js document (legacy build, its own worker — in Node the in-thread one, as
 * the CLI uses), pages in order, getTextContent + getOperatorList of every page, nothing else.
 * Same getDocument options as src/pdf/load.ts. Usage: node bench/raw-pass.mjs file.pdf [more.pdf …]
 * (several files: one after another, in this one process — section 3's yardstick).
 */
import { readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * One raw pass over `data` with this pdf.js (`assets`: the folder holding its cmaps/, standard_fonts/,
 * wasm/ and iccs/, ending with '/'); the number of pages. bench.ts runs the same pass in-process.
 */
export async function rawPass(pdfjs, data, assets) {
  const doc = await pdfjs.getDocument({
    data,
    cMapUrl: assets + 'cmaps/',
    cMapPacked: true,
    standardFontDataUrl: assets + 'standard_fonts/',
    wasmUrl: assets + 'wasm/',
    iccUrl: assets + 'iccs/',
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  }).promise;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    await Promise.all([page.getTextContent(), page.getOperatorList()]);
    page.cleanup();
  }
  const pages = doc.numPages;
  await doc.destroy();
  return pages;
}

// Run as a script (not imported): Node gives the script's real path to import.meta.url, argv[1] as typed.
if (process.argv[1] && fileURLToPath(import.meta.url) === realpathSync(process.argv[1])) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const assets = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), '/');
  for (const file of process.argv.slice(2)) process.stdout.write(`${await rawPass(pdfjs, new Uint8Array(readFileSync(file)), assets)}\n`);
}
