import { describe, expect, it } from 'vitest';
import { pdfjsAssetBase } from './env';

describe('pdfjsAssetBase', () => {
  it('finds the app folder from a built worker under assets/, at any sub-path', () => {
    expect(pdfjsAssetBase('https://h.example/assets/analyze.worker-abc.js')).toBe('https://h.example/pdfjs/');
    expect(pdfjsAssetBase('https://h.example/a/b/gouji/assets/analyze.worker-abc.js')).toBe('https://h.example/a/b/gouji/pdfjs/');
  });
  it('finds it from the dev server worker under src/', () => {
    expect(pdfjsAssetBase('http://127.0.0.1:5173/src/worker/analyze.worker.ts?worker_file&type=module')).toBe('http://127.0.0.1:5173/pdfjs/');
  });
  it('falls back to the worker folder', () => {
    expect(pdfjsAssetBase('https://h.example/x/w.js')).toBe('https://h.example/x/pdfjs/');
  });
});
