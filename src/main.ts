import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './ui/App.vue';
import { makeI18n, type Locale } from './i18n';
import { registerOfflineSupport } from './ui/offline';
import { PRACTICE_DOCUMENT, prepareWorker, whenStandbyPractised } from './worker/client';
import './ui/styles.css';

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem('gouji.locale');
    if (saved === 'en' || saved === 'zh') return saved;
  } catch {
    /* storage unavailable */
  }
  return new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh';
}

const locale = initialLocale();
document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
createApp(App).use(createPinia()).use(makeI18n(locale)).mount('#app');
if (import.meta.env.PROD) registerOfflineSupport();
// Load pdf.js into a standby analysis worker while the reviewer looks at the start page.
setTimeout(() => prepareWorker(), 200);
// Then the drawing side practises too (see ui/pdf/display).
whenStandbyPractised(() => void import('./ui/pdf/display').then((d) => d.practiseDisplay(new URL(PRACTICE_DOCUMENT, document.baseURI).href)).catch(() => undefined));
