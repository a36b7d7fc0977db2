/**
 * Names a reviewer reads instead of ids: rule families, rules and table types from the i18n
 * messages. A rule or type the messages do not know falls back to its family's name (or nothing),
 * never to the raw id.
 */
import { useI18n } from 'vue-i18n';
import { familyKey, ruleKey } from '../i18n';
import { ruleFamily } from '../export/describe';
import type { ReportError } from '../report/types';

export function useLabels() {
  const { t, te } = useI18n();
  const familyLabel = (fam: string) => (te(familyKey(fam)) ? t(familyKey(fam)) : t('findings.otherFamily'));
  const ruleName = (rule: string) => (te(ruleKey(rule)) ? t(ruleKey(rule)) : familyLabel(ruleFamily(rule)));
  const tableTypeName = (type: string | null | undefined) => (type && te(`tableType.${type}`) ? t(`tableType.${type}`) : '');
  return { familyLabel, ruleName, tableTypeName };
}

/**
 * A failure's message in the chosen language, apart from the technical detail the core appends in
 * brackets (pdf.js's own English words, e.g. `Invalid PDF structure.`): the message stays in one
 * language and the detail is shown on its own, folded away.
 */
export function errorParts(e: Pick<ReportError, 'message' | 'messageEn'>, lang: 'zh' | 'en'): { text: string; detail: string } {
  const m = lang === 'en' ? /^([\s\S]*?) \(([^()]+)\)$/.exec(e.messageEn) : /^([\s\S]*?)（([^（）]+)）$/.exec(e.message);
  // Only a detail in Latin letters is split off; a Chinese remark in brackets is part of the message.
  if (m && !/[\u3400-\u9fff]/u.test(m[2])) return { text: m[1], detail: m[2] };
  return { text: lang === 'en' ? e.messageEn : e.message, detail: '' };
}
