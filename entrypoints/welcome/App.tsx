import { type MessageKey, t } from '../../utils/i18n/index';

/** The three first steps, each with the options section that takes it. */
export const STEPS: readonly { section: string; title: MessageKey; text: MessageKey; link: MessageKey }[] = [
  {
    section: 'import-heading',
    title: 'welcome_import_title',
    text: 'welcome_import_text',
    link: 'welcome_import_link',
  },
  {
    section: 'own-handles-heading',
    title: 'welcome_own_title',
    text: 'welcome_own_text',
    link: 'welcome_own_link',
  },
  {
    section: 'connections-heading',
    title: 'welcome_lists_title',
    text: 'welcome_lists_text',
    link: 'welcome_lists_link',
  },
];

/** The first-run page, opened once on install: what TeamFollow needs from you, in three steps. */
export function App() {
  return (
    <main class="welcome">
      <h1>{t('welcome_title')}</h1>
      <p class="lead">{t('welcome_intro')}</p>
      <ol class="steps">
        {STEPS.map((step, index) => (
          <li key={step.section} class="step" data-testid="welcome-step">
            <span class="step-number" aria-hidden="true">
              {index + 1}
            </span>
            <div>
              <h2>{t(step.title)}</h2>
              <p>{t(step.text)}</p>
              <a href={`options.html#${step.section}`} data-testid="welcome-link">
                {t(step.link)}
              </a>
            </div>
          </li>
        ))}
      </ol>
      <p class="muted">{t('welcome_then')}</p>
    </main>
  );
}
