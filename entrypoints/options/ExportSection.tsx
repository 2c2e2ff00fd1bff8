import { useEffect, useState } from 'preact/hooks';
import { sortMembers } from '../../components/roster-filter';
import { getDb, listMembers } from '../../utils/db';
import { errorText } from '../../utils/errors';
import { t } from '../../utils/i18n/index';
import type { Member } from '../../utils/model';
import {
  exportCsv,
  exportJson,
  exportMastodonCsv,
  exportMastodonListsCsv,
  exportTeamCsv,
  exportTeamMarkdown,
  membersByTeam,
  teamFileName,
} from '../../utils/roster/export';
import { downloadText } from './download';

const CSV = 'text/csv;charset=utf-8';

const EXPORTS = {
  json: { fileName: 'teamfollow-roster.json', type: 'application/json', write: exportJson },
  csv: { fileName: 'teamfollow-roster.csv', type: CSV, write: exportCsv },
  mastodon: { fileName: 'teamfollow-mastodon-follows.csv', type: CSV, write: exportMastodonCsv },
  'mastodon-lists': { fileName: 'teamfollow-mastodon-lists.csv', type: CSV, write: exportMastodonListsCsv },
} as const;

const TABLES = {
  markdown: { extension: 'md', type: 'text/markdown;charset=utf-8', write: exportTeamMarkdown },
  'team-csv': { extension: 'csv', type: CSV, write: exportTeamCsv },
} as const;

type ExportKind = keyof typeof EXPORTS;
type TableKind = keyof typeof TABLES;

// The select's value for every team at once; a team is chosen by its stored name after a prefix.
const ALL_TEAMS = '';
const teamValue = (key: string) => `team:${key}`;

interface ExportSectionProps {
  /** What the last export (or deleting all data) did. */
  notice: string;
  onNotice: (text: string) => void;
}

/** Downloads the roster as JSON, CSV, Mastodon's follow or lists import, or as team tables in Markdown and CSV. */
export function ExportSection({ notice, onNotice }: ExportSectionProps) {
  const [teams, setTeams] = useState<{ team: string; key: string }[]>([]);
  const [chosen, setChosen] = useState(ALL_TEAMS);

  const readAll = async (): Promise<Member[]> => sortMembers(await listMembers(await getDb()));
  // The teams are read when the page opens and again when the picker is opened, after an import on this page.
  async function readTeams() {
    try {
      setTeams(membersByTeam(await readAll()).map(({ team, key }) => ({ team, key })));
    } catch {
      // The export buttons say what went wrong when pressed.
    }
  }
  useEffect(() => {
    void readTeams();
  }, []);

  async function exportAs(kind: ExportKind) {
    const { fileName, type, write } = EXPORTS[kind];
    try {
      downloadText(fileName, write(await readAll()), type);
      onNotice(t('options_savedFile', { file: fileName }));
    } catch (error) {
      onNotice(t('options_couldNotExport', { error: errorText(error) }));
    }
  }

  async function exportTable(kind: TableKind) {
    const { extension, type, write } = TABLES[kind];
    try {
      const all = await readAll();
      const group = membersByTeam(all).find(({ key }) => teamValue(key) === chosen);
      if (chosen !== ALL_TEAMS && !group) {
        onNotice(t('options_export_teamGone'));
        return;
      }
      const fileName = `${teamFileName(group?.team)}.${extension}`;
      downloadText(fileName, write(group ? group.members : all), type);
      onNotice(t('options_savedFile', { file: fileName }));
    } catch (error) {
      onNotice(t('options_couldNotExport', { error: errorText(error) }));
    }
  }

  return (
    <section class="card" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('options_export_heading')}</h2>
      <p>{t('options_export_what')}</p>
      <div class="actions start">
        <button type="button" data-testid="export-json" onClick={() => exportAs('json')}>
          JSON
        </button>
        <button type="button" data-testid="export-csv" onClick={() => exportAs('csv')}>
          CSV
        </button>
        <button type="button" data-testid="export-mastodon" onClick={() => exportAs('mastodon')}>
          {t('options_export_mastodon')}
        </button>
        <button type="button" data-testid="export-mastodon-lists" onClick={() => exportAs('mastodon-lists')}>
          {t('options_export_mastodonLists')}
        </button>
      </div>
      <p class="muted hint">{t('options_export_mastodonHelp')}</p>
      <h3>{t('options_export_tablesHeading')}</h3>
      <p>{t('options_export_tablesWhat')}</p>
      <div class="actions start">
        <label for="export-team">{t('options_table_team')}</label>
        <select
          id="export-team"
          data-testid="export-team"
          value={chosen}
          onFocus={() => void readTeams()}
          onChange={(event) => setChosen(event.currentTarget.value)}
        >
          <option value={ALL_TEAMS}>{t('options_export_allTeams')}</option>
          {teams.map(({ team, key }) => (
            <option key={key} value={teamValue(key)}>
              {/* The export files keep their own heading for teammates without a team; the picker speaks the UI's language. */}
              {key ? team : t('options_export_noTeam')}
            </option>
          ))}
        </select>
        <button type="button" data-testid="export-markdown" onClick={() => exportTable('markdown')}>
          {t('options_export_markdown')}
        </button>
        <button type="button" data-testid="export-team-csv" onClick={() => exportTable('team-csv')}>
          {t('options_export_csvTable')}
        </button>
      </div>
      <p class="notice" role="status">
        {notice}
      </p>
    </section>
  );
}
