/** bench/raw-pass.mjs: one raw pdf.js pass (see there). */
export function rawPass(pdfjs: unknown, data: Uint8Array, assets: string): Promise<number>;
