import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Dialog } from '../../components/Dialog';
import { type ImportOutcome, ImportSummaryPanel } from '../../components/ImportSummary';
import { MemberEditor } from '../../components/MemberEditor';
import { emptyMember } from '../../components/member-form';
import { sortMembers } from '../../components/roster-filter';
import sampleRoster from '../../examples/roster.csv?raw';
import { announceChange } from '../../utils/changes';
import { clearAll, deleteMember, findMemberByAccount, getDb, listMembers, putMember } from '../../utils/db';
import { errorText } from '../../utils/errors';
import type { Member } from '../../utils/model';
import { exportCsv, exportJson, exportMastodonCsv } from '../../utils/roster/export';
import { importRoster } from '../../utils/roster/import';
import { ROSTER_LIMITS, RosterFileError } from '../../utils/roster/types';
import { siteById, sites } from '../../utils/sites/index';
import { ConnectionsSection } from './ConnectionsSection';
import { downloadText } from './download';
import { HistorySection } from './HistorySection';
import { MastodonInstancesSection } from './MastodonInstancesSection';
import { OwnHandlesSection } from './OwnHandlesSection';
import { RosterTable } from './RosterTable';
import { useChanges } from './use-changes';

const siteNames = new Intl.ListFormat('en', { type: 'conjunction' }).format(sites.map((site) => site.name));

const ACCEPTED_FILES = '.csv,.tsv,.json,.txt,text/csv,text/tab-separated-values,application/json,text/plain';

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

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;
}

function tooBigMessage(bytes: number, what: string): string | null {
  if (bytes <= ROSTER_LIMITS.maxBytes) return null;
  return `${what} is larger than the limit of ${megabytes(ROSTER_LIMITS.maxBytes)}. Split it into smaller files.`;
}

/** Tells open pages (on the channel) and the background, waking it if it sleeps, that the roster changed. */
function notifyChange(): void {
  announceChange('options');
  browser.runtime.sendMessage({ type: 'data-changed' }).catch(() => undefined);
}

/** Imports text, turning whole-file errors into an outcome the summary shows (the database is untouched then). */
async function importText(text: string, fileName?: string): Promise<ImportOutcome> {
  const source = fileName;
  try {
    const summary = await importRoster(await getDb(), text, fileName);
    notifyChange();
    return { kind: 'done', summary, source };
  } catch (error) {
    const message =
      error instanceof RosterFileError ? error.message : `The import failed: ${errorText(error)}`;
    return { kind: 'failed', message, source };
  }
}

export function App() {
  const [members, setMembers] = useState<Member[] | null>(null);
  const [loadError, setLoadError] = useState('');
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [importing, setImporting] = useState(false);
  const [pasted, setPasted] = useState('');
  const [editing, setEditing] = useState<{ member: Member; isNew: boolean } | null>(null);
  const [confirmingDeleteAll, setConfirmingDeleteAll] = useState(false);
  const [rosterNotice, setRosterNotice] = useState('');
  const [dataNotice, setDataNotice] = useState('');
  // Bumped whenever the data may have changed outside this page's own actions: sections reload on it.
  const [dataVersion, setDataVersion] = useState(0);
  // Bumped by "delete all data": remounts the settings sections so they show the emptied storage.
  const [resets, setResets] = useState(0);

  async function reload() {
    try {
      setMembers(await listMembers(await getDb()));
      setLoadError('');
    } catch (error) {
      setLoadError(`Could not open the roster: ${errorText(error)}`);
    }
  }

  useEffect(() => {
    void reload();
  }, []);

  // The background writes follows and history while this page is open.
  useChanges(() => {
    void reload();
    setDataVersion((version) => version + 1);
  });

  async function runImport(load: () => Promise<ImportOutcome>) {
    // Clear the previous summary first, so the new one appears as a fresh announcement.
    setOutcome(null);
    setImporting(true);
    try {
      const result = await load();
      setOutcome(result);
      if (result.kind === 'done') await reload();
      return result;
    } finally {
      setImporting(false);
    }
  }

  async function onFileChosen(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    await runImport(async () => {
      const tooBig = tooBigMessage(file.size, file.name);
      if (tooBig) return { kind: 'failed', message: tooBig, source: file.name };
      return importText(await file.text(), file.name);
    });
    // Let the same file be chosen again after fixing it.
    input.value = '';
  }

  async function onPasteImport() {
    const text = pasted;
    if (!text.trim()) return;
    const result = await runImport(async () => {
      const tooBig = tooBigMessage(new Blob([text]).size, 'The pasted text');
      if (tooBig) return { kind: 'failed', message: tooBig, source: 'Pasted text' };
      return importText(text);
    });
    if (result.kind === 'done') setPasted('');
  }

  async function saveMember(member: Member) {
    const db = await getDb();
    // One account, one teammate: the lookup from a profile to a teammate must stay unambiguous.
    for (const account of member.accounts) {
      const owner = await findMemberByAccount(db, account.site, account.handle);
      if (owner && owner.id !== member.id) {
        throw new Error(`${siteById(account.site).name} ${account.handle} already belongs to ${owner.name}.`);
      }
    }
    await putMember(db, member);
    notifyChange();
    setEditing(null);
    setRosterNotice(`Saved ${member.name}.`);
    await reload();
  }

  async function removeMember(member: Member) {
    await deleteMember(await getDb(), member.id);
    notifyChange();
    setRosterNotice(`Deleted ${member.name}.`);
    await reload();
  }

  async function exportAs(kind: ExportKind) {
    const { fileName, type, write } = EXPORTS[kind];
    try {
      const all = sortMembers(await listMembers(await getDb()));
      downloadText(fileName, write(all), type);
      setDataNotice(`Saved ${fileName}.`);
    } catch (error) {
      setDataNotice(`Could not export: ${errorText(error)}`);
    }
  }

  async function deleteAllData() {
    try {
      await clearAll(await getDb());
      // Settings too: your own accounts and other preferences in extension storage.
      await browser.storage.local.clear();
      notifyChange();
      setDataNotice('All TeamFollow data in this browser was deleted.');
    } catch (error) {
      setDataNotice(`Could not delete everything: ${errorText(error)}`);
    }
    setConfirmingDeleteAll(false);
    setOutcome(null);
    setResets((count) => count + 1);
    setDataVersion((version) => version + 1);
    await reload();
  }

  return (
    <div class="page">
      <header class="intro">
        <h1>TeamFollow</h1>
        <p>
          TeamFollow keeps your team’s roster: every teammate with their handles on {siteNames}. On each
          teammate’s profile it shows whether you follow them, flags the ones you don’t, and lets you follow
          them in one click, from the page or from the toolbar.
        </p>
        <p class="reassure">
          <strong>Your roster stays in this browser.</strong> Nothing is sent anywhere except the follows you
          ask for.
        </p>
      </header>

      <main>
        <section class="card" aria-labelledby="import-heading">
          <h2 id="import-heading">Import a roster</h2>
          <div class="import-grid">
            <div class="import-controls">
              <div class="field">
                <label for="roster-file">Roster file (CSV, TSV or JSON)</label>
                <input
                  id="roster-file"
                  type="file"
                  accept={ACCEPTED_FILES}
                  data-testid="roster-file"
                  onChange={onFileChosen}
                />
                <p class="muted hint">
                  Importing again merges: the same email or a shared account is the same person.
                </p>
              </div>
              <div class="field">
                <label for="roster-paste">Or paste a roster</label>
                <textarea
                  id="roster-paste"
                  data-testid="roster-paste"
                  rows={5}
                  spellcheck={false}
                  placeholder={'name,team,x,github\nAda Quill,Platform,@adaquill,adaquill'}
                  value={pasted}
                  onInput={(event) => setPasted(event.currentTarget.value)}
                />
                <div class="actions start">
                  <button
                    type="button"
                    class="primary"
                    data-testid="roster-paste-import"
                    disabled={importing}
                    onClick={onPasteImport}
                  >
                    Import pasted text
                  </button>
                </div>
              </div>
              {importing && (
                <p class="muted" role="status">
                  Importing…
                </p>
              )}
              {outcome && <ImportSummaryPanel outcome={outcome} />}
            </div>

            <section class="format-help" aria-labelledby="format-heading">
              <h3 id="format-heading">File format</h3>
              <p>
                A CSV or TSV file with a header row, or TeamFollow’s own JSON export. Column names are not
                case-sensitive:
              </p>
              <ul>
                <li>
                  <code>name</code> (required), <code>team</code>, <code>email</code>
                </li>
                <li>
                  one column per site: {sites.map((site) => site.id).join(', ')} (<code>twitter</code> and{' '}
                  <code>bsky</code> work too), each holding a handle or a profile link
                </li>
                <li>
                  <code>links</code>: any number of profile links separated by spaces, commas or semicolons;
                  each goes to its site
                </li>
              </ul>
              <p class="muted">
                Mastodon handles need their instance: <code>ada@mastodon.social</code>. Invalid cells are left
                out and listed; the rest of the row still imports.
              </p>
              <button
                type="button"
                class="link-button"
                data-testid="download-sample"
                onClick={() =>
                  downloadText('teamfollow-sample-roster.csv', sampleRoster, 'text/csv;charset=utf-8')
                }
              >
                Download a sample roster (CSV)
              </button>
            </section>
          </div>
        </section>

        <section class="card" aria-labelledby="roster-heading">
          <h2 id="roster-heading">
            Your team{' '}
            <span class="count">
              (<span data-testid="roster-count">{members?.length ?? 0}</span>{' '}
              {members?.length === 1 ? 'teammate' : 'teammates'})
            </span>
          </h2>
          {loadError && (
            <p class="error" role="alert">
              {loadError}
            </p>
          )}
          <p class="notice" role="status">
            {rosterNotice}
          </p>
          {members === null ? (
            !loadError && <p class="muted">Loading…</p>
          ) : (
            <RosterTable
              members={members}
              onAdd={() => setEditing({ member: emptyMember(crypto.randomUUID()), isNew: true })}
              onEdit={(member) => setEditing({ member, isNew: false })}
              onDelete={removeMember}
            />
          )}
        </section>

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
            {dataNotice}
          </p>
        </section>

        <OwnHandlesSection key={`own-${resets}`} />

        <ConnectionsSection key={`connections-${resets}`} />

        <MastodonInstancesSection />

        <HistorySection key={`history-${resets}`} version={dataVersion} />

        <section class="card danger-zone" aria-labelledby="delete-heading">
          <h2 id="delete-heading">Delete all data</h2>
          <p>
            Removes every teammate, every recorded follow state, the follow history, your accounts and
            TeamFollow’s other settings from this browser.
          </p>
          <button
            type="button"
            class="danger"
            data-testid="delete-all"
            onClick={() => setConfirmingDeleteAll(true)}
          >
            Delete all data…
          </button>
        </section>
      </main>

      {editing && (
        <Dialog
          title={editing.isNew ? 'Add a teammate' : `Edit ${editing.member.name}`}
          onClose={() => setEditing(null)}
          testId="member-dialog"
        >
          <MemberEditor member={editing.member} onSave={saveMember} onCancel={() => setEditing(null)} />
        </Dialog>
      )}

      {confirmingDeleteAll && (
        <Dialog
          title="Delete all data?"
          onClose={() => setConfirmingDeleteAll(false)}
          testId="delete-all-dialog"
        >
          <p data-testid="delete-all-text">
            This removes your roster ({members?.length ?? 0}{' '}
            {members?.length === 1 ? 'teammate' : 'teammates'}), every follow state TeamFollow recorded, the
            follow history, and TeamFollow’s settings in extension storage, including your accounts and the
            passwords and tokens of connected networks. It cannot be undone; export the roster first if you
            may need it again.
          </p>
          <p class="muted">
            Mastodon instances you added keep their permission until you remove them under Mastodon instances.
          </p>
          <div class="actions">
            <button type="button" onClick={() => setConfirmingDeleteAll(false)}>
              Cancel
            </button>
            <button type="button" class="danger" data-testid="delete-all-confirm" onClick={deleteAllData}>
              Delete everything
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
