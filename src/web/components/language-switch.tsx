import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n';

/** One button showing the other language's own name: "English" in the Chinese UI, "中文" in the English one. */
export const LanguageSwitch = ({ type = 'text' }: { type?: 'text' | 'default' | 'link' }) => {
  const { i18n } = useTranslation();
  const isEn = i18n.language.startsWith('en');
  return (
    <Button
      type={type}
      icon={<GlobalOutlined />}
      lang={isEn ? 'zh-CN' : 'en'}
      onClick={() => setLanguage(isEn ? 'zh-CN' : 'en')}
      data-testid="language-switch"
    >
      {isEn ? '中文' : 'English'}
    </Button>
  );
};
