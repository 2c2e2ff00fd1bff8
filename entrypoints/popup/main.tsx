import { render } from 'preact';
import { uiLanguage } from '../../utils/i18n/index';
import { App } from './App';
import '../../components/theme.css';
import './style.css';

// The page speaks the messages' language: screen readers, hyphenation and fonts follow `lang`.
document.documentElement.lang = uiLanguage();
const root = document.getElementById('app');
if (root) render(<App />, root);
