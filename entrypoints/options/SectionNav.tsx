import { type MessageKey, t } from '../../utils/i18n/index';

/** Each section of the options page by its heading's id, in page order, with its name in the navigation. */
export const SECTIONS: readonly (readonly [id: string, label: MessageKey])[] = [
  ['import-heading', 'a11y_section_import'],
  ['format-heading', 'a11y_section_format'],
  ['roster-source-heading', 'a11y_section_rosterSource'],
  ['group-import-heading', 'a11y_section_groupImport'],
  ['roster-heading', 'a11y_section_roster'],
  ['fill-in-heading', 'a11y_section_fillIn'],
  ['export-heading', 'a11y_section_export'],
  ['publish-heading', 'a11y_section_publish'],
  ['own-handles-heading', 'a11y_section_ownHandles'],
  ['connections-heading', 'a11y_section_connections'],
  ['instances-heading', 'a11y_section_instances'],
  ['history-heading', 'a11y_section_history'],
  ['delete-heading', 'a11y_section_deleteAll'],
];

/** The link that lets keyboard users pass the intro and the navigation; shown only while it has the focus. */
export function SkipLink() {
  return (
    <a class="skip-link" href="#main" data-testid="skip-link">
      {t('a11y_skipToMain')}
    </a>
  );
}

/** Links to every section, so that Export is a few Tab stops away rather than a hundred. */
export function SectionNav() {
  return (
    <nav class="section-nav" aria-label={t('a11y_sections')} data-testid="section-nav">
      <ul>
        {SECTIONS.map(([id, label]) => (
          <li key={id}>
            <a href={`#${id}`}>{t(label)}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
