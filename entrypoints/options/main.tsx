import { render } from 'preact';
import { t, uiLanguage } from '../../utils/i18n/index';
import { App } from './App';
import '../../components/theme.css';
import './style.css';

// The page speaks the messages' language: screen readers and hyphenation follow it.
document.documentElement.lang = uiLanguage();
document.title = t('options_title');
const root = document.getElementById('app');
if (root) render(<App />, root);
// A link to a section (from the first-run page) arrives before the section is drawn: scroll to it once it is.
if (location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
