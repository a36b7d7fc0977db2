/**
 * pdf.js's legacy build (the one Node needs) installs core-js polyfills over some built-ins that
 * Node already has: `Array.prototype.push` (about 4× slower, for the whole process: pdf.js's own
 * operator lists, the layout, the rules), `JSON.stringify` and `JSON.parse`. This module is
 * imported before pdf.js to keep the native ones, and `restoreNativeBuiltins` puts them back once
 * pdf.js (and its worker module) are loaded. pdf.js does not rely on the polyfills' edge cases
 * (arrays longer than 2³²−1, JSON source text access).
 */
const nativePush = Array.prototype.push;
const nativeStringify = JSON.stringify;
const nativeParse = JSON.parse;

export function restoreNativeBuiltins(): void {
  Object.defineProperty(Array.prototype, 'push', { value: nativePush, writable: true, configurable: true, enumerable: false });
  JSON.stringify = nativeStringify;
  JSON.parse = nativeParse;
}
