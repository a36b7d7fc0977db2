#!/usr/bin/env node
/**
 * A raw pdf.js pass over one file, as its own process: the yardstick `npm run bench` holds the
 * CLI against. One pdf.js document (legacy build, its own worker — in Node the in-thread one, as
 * the CLI uses), pages in order, getTextContent + getOperatorList of every page, nothing else.
 * Same getDocument options as src/pdf/load.ts. Usage: node bench/raw-pass.mjs file.pdf [more.pdf …]
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
// Several files: one after another, in this one process (the machine's yardstick in `npm run bench`, section 3).
for (const file of process.argv.slice(2)) {
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(readFileSync(file)),
    cMapUrl: join(root, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
    wasmUrl: join(root, 'wasm') + '/',
    iccUrl: join(root, 'iccs') + '/',
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
  process.stdout.write(`${doc.numPages}\n`);
  await doc.destroy();
}
