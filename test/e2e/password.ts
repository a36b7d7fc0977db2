/**
 * Encrypted PDFs in the browser: the document asks for its password, a wrong one says so and asks
 * again, the right one gives results with the pages drawn (the page-side pdf.js opens with it too).
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';

function assert(cond: unknown, msg: string): asserts cond {
  if (!cond) throw new Error(msg);
}

/** `openPage` opens the app on its start page; `encryptedPdf` has the user password `password`. */
export async function checkPassword(openPage: () => Promise<Page>, encryptedPdf: string, password = 'user'): Promise<void> {
  const page = await openPage();
  try {
    await page.setInputFiles('[data-testid="file-input"]', { name: 'locked.pdf', mimeType: 'application/pdf', buffer: await readFile(encryptedPdf) });
    await page.waitForSelector('[data-testid="error"][data-code="encrypted"]', { timeout: 60_000 });
    const input = page.locator('[data-testid="password"]');
    await input.waitFor({ timeout: 10_000 });
    assert((await input.getAttribute('type')) === 'password', 'the password field does not hide what is typed');
    assert(await input.evaluate((el) => el === document.activeElement), 'the password field is not focused');
    // Labelled in the page's language (an earlier check may have left the app in English).
    const lang = await page.evaluate(() => document.documentElement.lang);
    const label = await input.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? '');
    assert(label.includes(/^en/.test(lang) ? 'Password' : '密码'), `the password field's label is ${JSON.stringify(label)} (page language ${lang})`);

    // A wrong password: its own message, and the prompt again, empty.
    await input.fill('not-the-password');
    await input.press('Enter');
    await page.waitForSelector('[data-testid="error"][data-code="wrong-password"]', { timeout: 60_000 });
    const again = page.locator('[data-testid="password"]');
    await again.waitFor({ timeout: 10_000 });
    assert((await again.inputValue()) === '', 'the prompt after a wrong password is not empty');
    const wrongText = (await page.textContent('.error-card')) ?? '';
    assert(wrongText.includes(/^en/.test(lang) ? 'password is not correct' : '密码不正确'), `no wrong-password message: ${wrongText.slice(0, 120)}`);

    // The right one: results, and page 1 drawn without a render error.
    await again.fill(password);
    await page.click('[data-testid="password-submit"]');
    await page.waitForSelector('[data-testid="results"]', { timeout: 120_000 });
    await page.waitForSelector('[data-testid="page"][data-page="1"] .pdf-page-canvas.state-done', { timeout: 30_000 });
    const renderErrors = await page.$$eval('.render-error', (els) => els.map((e) => e.textContent));
    assert(!renderErrors.length, `pages not drawn: ${renderErrors.join('; ')}`);
    const status = await page.getAttribute('[data-testid="doc-item"]:has-text("locked.pdf")', 'data-status');
    assert(status === 'done', `document status ${status}`);
  } finally {
    await page.close();
  }
}
