// The interface language, kept across starts.
import { useEffect, useState } from 'react';
import type { Lang } from '../../shared/i18n';
import { STRINGS } from './strings';

export function useLang() {
  const [lang, setLang] = useState<Lang>(() => (localStorage.getItem('yanshou-lang') === 'en' ? 'en' : 'zh'));
  const t = STRINGS[lang];
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = `${t.app} Yanshou`;
    localStorage.setItem('yanshou-lang', lang);
  }, [lang, t]);
  return { lang, setLang, t };
}
