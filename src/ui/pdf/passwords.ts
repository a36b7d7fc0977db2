/**
 * Passwords the reviewer typed for encrypted documents, by the bytes they open, so every page-side
 * pdf.js document opened on those bytes (pages, print crops) uses it. Memory only, never stored.
 * Kept apart from display.ts so the store can record one without loading pdf.js.
 */
const passwords = new WeakMap<Uint8Array, string>();

export function rememberPassword(bytes: Uint8Array, password: string): void {
  passwords.set(bytes, password);
}

export function passwordFor(bytes: Uint8Array): string | undefined {
  return passwords.get(bytes);
}
