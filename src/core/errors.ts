import type { ErrorCode, ReportError } from '../report/types';

const MESSAGES: Record<ErrorCode, [string, string]> = {
  unreadable: ['无法打开文件。', 'The file cannot be opened.'],
  'not-pdf': ['该文件不是 PDF 文件（文件头中没有 %PDF- 标记）。', 'This file is not a PDF (no %PDF- header).'],
  empty: ['文件为空（0 字节）。', 'The file is empty (0 bytes).'],
  damaged: ['PDF 文件已损坏，无法读取。', 'The PDF is damaged and cannot be read.'],
  encrypted: ['PDF 已加密，需要密码才能读取。请输入密码，或提供未加密的文件。', 'The PDF is encrypted; a password is needed to read it. Enter the password, or provide an unencrypted copy.'],
  'wrong-password': ['密码不正确，无法打开此 PDF。', 'The password is not correct; the PDF cannot be opened.'],
  'no-text': ['PDF 没有文字层（可能是扫描件），无法核对其中的数字。请提供可复制文字的 PDF。', 'The PDF has no text layer (probably scanned), so its numbers cannot be checked. Please provide a PDF with selectable text.'],
  'too-large': ['文件过大，超出浏览器可处理的范围。', 'The file is too large to process in the browser.'],
  cancelled: ['已取消。', 'Cancelled.'],
  internal: ['处理时发生内部错误。', 'An internal error occurred while processing.'],
};

/** A failure the user can act on: carries a code and a bilingual message for the report. */
export class GoujiError extends Error {
  readonly code: ErrorCode;
  readonly detail?: string;
  constructor(code: ErrorCode, detail?: string) {
    super(`${code}: ${MESSAGES[code][1]}${detail ? ` (${detail})` : ''}`);
    this.name = 'GoujiError';
    this.code = code;
    this.detail = detail;
  }
  toReportError(): ReportError {
    const [zh, en] = MESSAGES[this.code];
    return {
      code: this.code,
      message: this.detail ? `${zh}（${this.detail}）` : zh,
      messageEn: this.detail ? `${en} (${this.detail})` : en,
    };
  }
}

export function toGoujiError(e: unknown): GoujiError {
  if (e instanceof GoujiError) return e;
  return new GoujiError('internal', String((e as Error)?.message ?? e));
}
