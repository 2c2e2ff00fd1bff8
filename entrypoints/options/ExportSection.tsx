import { sortMembers } from '../../components/roster-filter';
import { getDb, listMembers } from '../../utils/db';
import { errorText } from '../../utils/errors';
import { exportCsv, exportJson, exportMastodonCsv } from '../../utils/roster/export';
import { downloadText } from './download';

const EXPORTS = {
  json: { fileName: 'teamfollow-roster.json', type: 'application/json', write: exportJson },
  csv: { fileName: 'teamfollow-roster.csv', type: 'text/csv;charset=utf-8', write: exportCsv },
  mastodon: {
    fileName: 'teamfollow-mastodon-follows.csv',
    type: 'text/csv;charset=utf-8',
    write: exportMastodonCsv,
  },
} as const;

type ExportKind = keyof typeof EXPORTS;

interface ExportSectionProps {
  /** What the last export (or deleting all data) did. */
  notice: string;
  onNotice: (text: string) => void;
}

/** Downloads the roster as JSON, CSV, or Mastodon's follow-import list. */
export function ExportSection({ notice, onNotice }: ExportSectionProps) {
  async function exportAs(kind: ExportKind) {
    const { fileName, type, write } = EXPORTS[kind];
    try {
      const all = sortMembers(await listMembers(await getDb()));
      downloadText(fileName, write(all), type);
      onNotice(`Saved ${fileName}.`);
    } catch (error) {
      onNotice(`Could not export: ${errorText(error)}`);
    }
  }

  return (
    <section class="card" aria-labelledby="export-heading">
      <h2 id="export-heading">Export</h2>
      <p>Download the roster to keep a copy or to share it with a co-lead.</p>
      <div class="actions start">
        <button type="button" data-testid="export-json" onClick={() => exportAs('json')}>
          JSON
        </button>
        <button type="button" data-testid="export-csv" onClick={() => exportAs('csv')}>
          CSV
        </button>
        <button type="button" data-testid="export-mastodon" onClick={() => exportAs('mastodon')}>
          Mastodon follow list
        </button>
      </div>
      <p class="muted hint">
        The Mastodon file imports on your instance under Preferences → Import and export → Import, as a
        “Following list”.
      </p>
      <p class="notice" role="status">
        {notice}
      </p>
    </section>
  );
}
