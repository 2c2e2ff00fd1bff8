import { useEffect, useState } from 'preact/hooks';
import { Field } from '../../components/Field';
import { type ImportOutcome, ImportSummaryPanel } from '../../components/ImportSummary';
import { deleteMembers, getDb } from '../../utils/db';
import { errorText } from '../../utils/errors';
import { t } from '../../utils/i18n/index';
import { decodeRoster, type RosterEncoding } from '../../utils/roster/decode';
import { importRoster } from '../../utils/roster/import';
import { RosterFileError } from '../../utils/roster/types';
import { DropHint } from './DropHint';
import { FormatHelp } from './FormatHelp';
import { notifyChange } from './notify-change';
import { tooBigMessage } from './too-big';
import { useFileDrop } from './use-file-drop';

const ACCEPTED_FILES = '.csv,.tsv,.json,.txt,text/csv,text/tab-separated-values,application/json,text/plain';

/** Imports what `read` gives, turning whole-file errors into an outcome the summary shows (nothing is written then). */
async function importText(
  read: () => Promise<{ text: string; encoding?: RosterEncoding }>,
  fileName?: string,
): Promise<ImportOutcome> {
  const source = fileName;
  try {
    const { text, encoding } = await read();
    const summary = await importRoster(await getDb(), text, fileName);
    notifyChange();
    return { kind: 'done', summary, source, encoding };
  } catch (error) {
    const message =
      error instanceof RosterFileError
        ? error.message
        : t('options_import_failed', { error: errorText(error) });
    return { kind: 'failed', message, source };
  }
}

interface ImportCardProps {
  /** Called after an import or a removal of leavers changed the roster. */
  onImported: () => Promise<void>;
  /** Bumped when all data was deleted: the last summary no longer holds. */
  resets: number;
}

/** Import a roster from a chosen file or pasted text, with the summary of what landed. */
export function ImportCard({ onImported, resets }: ImportCardProps) {
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [importing, setImporting] = useState(false);
  const [pasted, setPasted] = useState('');

  useEffect(() => setOutcome(null), [resets]);

  async function runImport(load: () => Promise<ImportOutcome>) {
    // Clear the previous summary first, so the new one appears as a fresh announcement.
    setOutcome(null);
    setImporting(true);
    try {
      const result = await load();
      setOutcome(result);
      if (result.kind === 'done') await onImported();
      return result;
    } finally {
      setImporting(false);
    }
  }

  async function onFileChosen(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    await importFile(file);
    // Let the same file be chosen again after fixing it.
    input.value = '';
  }

  // A file dropped anywhere on the card is imported as if chosen in the file input.
  const drop = useFileDrop((file) => void importFile(file));

  async function importFile(file: File) {
    await runImport(async () => {
      const tooBig = tooBigMessage(file.size, file.name);
      if (tooBig) return { kind: 'failed', message: tooBig, source: file.name };
      // Bytes, not file.text(): a Windows-1252 or Shift_JIS file would turn into replacement characters.
      return importText(
        async () => decodeRoster(new Uint8Array(await file.arrayBuffer()), file.name),
        file.name,
      );
    });
  }

  // The user's word on the leavers: they leave the roster, and nobody is unfollowed.
  async function removeLeavers(ids: string[]) {
    await deleteMembers(await getDb(), ids);
    notifyChange();
    await onImported();
  }

  async function onPasteImport() {
    const text = pasted;
    if (!text.trim()) return;
    const result = await runImport(async () => {
      const tooBig = tooBigMessage(new Blob([text]).size);
      if (tooBig) return { kind: 'failed', message: tooBig, source: t('options_import_pastedSource') };
      return importText(async () => ({ text }));
    });
    if (result.kind === 'done') setPasted('');
  }

  return (
    <section class={`card drop-${drop.state}`} aria-labelledby="import-heading" {...drop.handlers}>
      <h2 id="import-heading">{t('options_import_heading')}</h2>
      <DropHint state={drop.state} />
      <div class="import-grid">
        <div class="import-controls">
          <Field id="roster-file" label={t('options_import_fileLabel')} help={t('options_import_fileHelp')}>
            {(control) => (
              <input
                {...control}
                type="file"
                accept={ACCEPTED_FILES}
                data-testid="roster-file"
                onChange={onFileChosen}
              />
            )}
          </Field>
          <Field id="roster-paste" label={t('options_import_pasteLabel')}>
            {(control) => (
              <>
                <textarea
                  {...control}
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
                    {t('options_import_pasteButton')}
                  </button>
                </div>
              </>
            )}
          </Field>
          {importing && (
            <p class="muted" role="status">
              {t('options_import_importing')}
            </p>
          )}
          {outcome && <ImportSummaryPanel outcome={outcome} onRemoveLeavers={removeLeavers} />}
        </div>
        <FormatHelp />
      </div>
    </section>
  );
}
