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
