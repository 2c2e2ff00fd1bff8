import { render } from 'preact';
import { t, uiLanguage } from '../../utils/i18n/index';
import { App } from './App';
import '../../components/theme.css';
import './style.css';

document.documentElement.lang = uiLanguage();
document.title = `TeamFollow · ${t('welcome_title')}`;
const root = document.getElementById('app');
if (root) render(<App />, root);
