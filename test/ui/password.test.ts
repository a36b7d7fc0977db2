// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { mount } from '@vue/test-utils';
import { useDocumentsStore, type Analyzer } from '../../src/ui/stores/documents';
import { passwordFor } from '../../src/ui/pdf/passwords';
import { cancelledReport } from '../../src/worker/client';
import PasswordPrompt from '../../src/ui/components/PasswordPrompt.vue';
import { makeI18n } from '../../src/i18n';
import type { ErrorCode, Report } from '../../src/report/types';
import { sampleReport } from './fixtures';

const settle = async () => {
  for (let i = 0; i < 4; i++) await new Promise((ok) => setTimeout(ok, 0));
};

/** An analyzer that opens the document only with the password `user`. */
function lockedAnalyzer() {
  const passwords: (string | undefined)[] = [];
  const failure = (name: string, code: ErrorCode): Report => ({ ...cancelledReport(name), error: { code, message: code, messageEn: code } });
  const analyzer: Analyzer = (name, _bytes, _onProgress, password) => {
    passwords.push(password);
    const report = password === undefined ? failure(name, 'encrypted') : password === 'user' ? { ...sampleReport(), file: name } : failure(name, 'wrong-password');
    return { result: Promise.resolve(report), cancel: () => undefined };
  };
  return { analyzer, passwords };
}

describe('encrypted documents', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('analyses an encrypted document again with the password given, and keeps it for drawing its pages', async () => {
    const docs = useDocumentsStore();
    const m = lockedAnalyzer();
    docs.analyzer = m.analyzer;
    const [id] = docs.addFiles([new File(['%PDF-1.7 locked'], 'locked.pdf', { type: 'application/pdf' })]);
    await settle();
    expect(docs.active?.status).toBe('failed');
    expect(docs.active?.error?.code).toBe('encrypted');

    docs.openWithPassword(id, 'nope');
    await settle();
    expect(docs.active?.error?.code).toBe('wrong-password');

    docs.openWithPassword(id, 'user');
    await settle();
    expect(m.passwords).toEqual([undefined, 'nope', 'user']);
    expect(docs.active?.status).toBe('done');
    expect(docs.active?.error).toBeNull();
    expect(docs.active?.report?.findings).toHaveLength(3);
    // The page-side pdf.js opens these same bytes with it.
    expect(passwordFor(docs.active!.bytes!)).toBe('user');
    expect(new TextDecoder().decode(docs.active!.bytes!)).toBe('%PDF-1.7 locked');
  });

  it('does not re-run a document that is not waiting for a password', async () => {
    const docs = useDocumentsStore();
    const m = lockedAnalyzer();
    docs.analyzer = m.analyzer;
    const [id] = docs.addFiles([new File(['%PDF'], 'a.pdf')]);
    docs.openWithPassword(id, 'user'); // still queued
    await settle();
    expect(m.passwords).toEqual([undefined]);
  });
});

describe('PasswordPrompt', () => {
  const mountPrompt = (wrong: boolean, locale: 'zh' | 'en' = 'zh') =>
    mount(PasswordPrompt, { props: { wrong }, global: { plugins: [makeI18n(locale)] }, attachTo: document.body });

  it('hands up the password typed, labelled in Chinese, and nothing when empty', async () => {
    const w = mountPrompt(false);
    const input = w.get('[data-testid="password"]');
    expect(input.attributes('type')).toBe('password');
    expect(document.activeElement).toBe(input.element);
    expect(w.get(`label[for="${input.attributes('id')}"]`).text()).toBe('密码');
    expect(w.text()).toContain('已加密');
    await w.get('form').trigger('submit');
    expect(w.emitted('submit')).toBeUndefined();
    await input.setValue('user');
    await w.get('form').trigger('submit');
    expect(w.emitted('submit')).toEqual([['user']]);
    w.unmount();
  });

  it('says when the password was wrong, in both languages', () => {
    const zh = mountPrompt(true);
    expect(zh.text()).toContain('密码不正确');
    expect(zh.get('[data-testid="password"]').attributes('aria-invalid')).toBe('true');
    zh.unmount();
    const en = mountPrompt(true, 'en');
    expect(en.text()).toContain('The password is not correct');
    en.unmount();
  });
});
