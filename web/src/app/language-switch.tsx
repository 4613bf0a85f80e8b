import { useTranslation } from 'react-i18next';
import { Button } from '@trussworks/react-uswds';
import { currentLanguage, type Language } from '../i18n/index.js';
import { useSession } from './session.js';

const nativeNames: Record<Language, string> = { en: 'English', 'zh-CN': '中文' };

/** One button that switches to the other language, labelled in that language. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { changeLanguage } = useSession();
  const other: Language = currentLanguage() === 'en' ? 'zh-CN' : 'en';
  return (
    <Button
      type="button"
      outline
      className="civitas-language-switch"
      lang={other}
      title={t('header.switchLanguage')}
      onClick={() => void changeLanguage(other)}
    >
      {nativeNames[other]}
    </Button>
  );
}
