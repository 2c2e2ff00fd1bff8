import { render } from 'preact';
import { t, uiLanguage } from '../../utils/i18n/index';
import { App } from './App';
import { preloadTeamData } from './use-team-data';
import '../../components/theme.css';
import './style.css';

// The page speaks the messages' language: screen readers, hyphenation and fonts follow `lang`.
document.documentElement.lang = uiLanguage();
document.title = t('team_pageTitle');
// The roster is read while the page's first frame draws.
preloadTeamData();
const root = document.getElementById('app');
if (root) render(<App />, root);
