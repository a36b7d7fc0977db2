import { createI18n } from 'vue-i18n';
import { en, zh } from './messages';

export type Locale = 'zh' | 'en';

export function makeI18n(locale: Locale = 'zh') {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: 'zh',
    messages: { zh, en },
  });
}

export { zh, en };

/** i18n key of a rule family: `cross-table` → `family.crossTable`. */
export function familyKey(family: string): string {
  return 'family.' + family.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** i18n key of a rule's name: `cross-table.same-quantity` → `rules.cross_table_same_quantity`. */
export function ruleKey(rule: string): string {
  return 'rules.' + rule.replace(/[.\-/:]/g, '_');
}
