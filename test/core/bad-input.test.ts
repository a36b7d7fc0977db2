/**
 * Files Gouji cannot read get a specific error in the report, in Chinese and English — never a
 * throw, a hang or an empty success. The inputs are committed in test/fixtures/bad/ (see
 * test/fixtures/make-fixtures.ts for how each one was made).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzePdf } from '../../src/core/analyze';
import { nodePdfEnvironment } from '../../src/pdf/node';
import type { ErrorCode } from '../../src/report/types';

const BAD = join(__dirname, '..', 'fixtures', 'bad');

const CASES: [file: string, code: ErrorCode][] = [
  ['not-pdf.pdf', 'not-pdf'],
  ['empty.pdf', 'empty'],
  ['damaged.pdf', 'damaged'],
  ['encrypted.pdf', 'encrypted'],
  ['scanned.pdf', 'no-text'],
];

describe('bad input', () => {
  it.each(CASES)('%s → error %s', { timeout: 20_000 }, async (file, code) => {
    const bytes = new Uint8Array(readFileSync(join(BAD, file)));
    const report = await analyzePdf(bytes, { fileName: file, env: nodePdfEnvironment() });

    expect(report.schema).toBe('gouji-report/2');
    expect(report.file).toBe(file);
    expect(report.error?.code).toBe(code);
    // A readable message in both languages.
    expect(report.error!.message).toMatch(/[\u4e00-\u9fff]/);
    expect(report.error!.messageEn).toMatch(/^[\x20-\x7e]+$/);
    expect(report.error!.messageEn.length).toBeGreaterThan(10);
    // No partial success alongside the error.
    expect(report.tables).toEqual([]);
    expect(report.paragraphs).toEqual([]);
    expect(report.findings).toEqual([]);
  });

  it('keeps the caller’s bytes intact (pdf.js must not detach them)', async () => {
    const bytes = new Uint8Array(readFileSync(join(BAD, 'encrypted.pdf')));
    const length = bytes.length;
    await analyzePdf(bytes, { fileName: 'encrypted.pdf', env: nodePdfEnvironment() });
    expect(bytes.length).toBe(length);
    expect(new TextDecoder('latin1').decode(bytes.subarray(0, 5))).toBe('%PDF-');
  });

  it('an encrypted PDF opens with its password (qpdf user password "user"); a wrong one says so', { timeout: 20_000 }, async () => {
    const bytes = new Uint8Array(readFileSync(join(BAD, 'encrypted.pdf')));
    const opened = await analyzePdf(bytes, { fileName: 'encrypted.pdf', env: nodePdfEnvironment(), password: 'user' });
    expect(opened.error).toBeUndefined();
    expect(opened.pages).toBeGreaterThan(0);
    expect(opened.tables.length).toBeGreaterThan(0);
    const wrong = await analyzePdf(bytes, { fileName: 'encrypted.pdf', env: nodePdfEnvironment(), password: 'guess' });
    expect(wrong.error?.code).toBe('wrong-password');
    expect(wrong.error!.message).toContain('密码不正确');
  });

  it('a good fixture gives no error', async () => {
    const bytes = new Uint8Array(readFileSync(join(__dirname, '..', 'fixtures', 'pdf', 'ruled.pdf')));
    const report = await analyzePdf(bytes, { fileName: 'ruled.pdf', env: nodePdfEnvironment() });
    expect(report.error).toBeUndefined();
    expect(report.pages).toBe(1);
  });
});
