/**
 * Names a reviewer reads instead of ids: rule families, rules and table types from the i18n
 * messages. A rule or type the messages do not know falls back to its family's name (or nothing),
 * never to the raw id.
 */
import { useI18n } from 'vue-i18n';
import { familyKey, ruleKey } from '../i18n';
import { ruleFamily } from '../export/describe';

export function useLabels() {
  const { t, te } = useI18n();
  const familyLabel = (fam: string) => (te(familyKey(fam)) ? t(familyKey(fam)) : t('findings.otherFamily'));
  const ruleName = (rule: string) => (te(ruleKey(rule)) ? t(ruleKey(rule)) : familyLabel(ruleFamily(rule)));
  const tableTypeName = (type: string | null | undefined) => (type && te(`tableType.${type}`) ? t(`tableType.${type}`) : '');
  return { familyLabel, ruleName, tableTypeName };
}
