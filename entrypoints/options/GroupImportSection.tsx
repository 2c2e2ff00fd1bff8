import { useEffect, useState } from 'preact/hooks';
import { type ImportOutcome, ImportSummaryPanel } from '../../components/ImportSummary';
import { type GroupMember, groupRoster } from '../../utils/api/group-members';
import { blueskyGroupMembers, parseBlueskyGroupUrl } from '../../utils/api/group-members-bluesky';
import { githubOrgMembers } from '../../utils/api/group-members-github';
import {
  type MastodonList,
  mastodonListMembers,
  mastodonLists,
} from '../../utils/api/group-members-mastodon';
import type { Fetch } from '../../utils/api/http';
import { getDb, listMembers } from '../../utils/db';
import { t } from '../../utils/i18n/index';
import { accountKey } from '../../utils/model';
import { importRoster } from '../../utils/roster/import';
import { type Connections, connectionsItem } from '../../utils/settings';
import { failureText } from './failure-text';
import { GroupImportSectionPreview } from './GroupImportSectionPreview';
import { GroupImportSectionSource, type SourceChoice, type SourceKind } from './GroupImportSectionSource';
import { notifyChange } from './notify-change';

interface Preview {
  label: string;
  members: GroupMember[];
  /** The roster's names by account key: a teammate already there keeps the name the roster gives them. */
  known: Map<string, string>;
}

interface GroupImportSectionProps {
  /** Called after an import changed the roster. */
  onImported: () => Promise<void>;
  /** Injected in tests; the page's own fetch otherwise. */
  fetch?: Fetch;
}

/** Import the people of a group (GitHub organisation, Bluesky list or starter pack, Mastodon list), previewed first. */
export function GroupImportSection({
  onImported,
  fetch = (input, init) => globalThis.fetch(input, init),
}: GroupImportSectionProps) {
  const [connections, setConnections] = useState<Connections>({});
  const [choice, setChoice] = useState<SourceChoice>({ kind: 'github', org: '', blueskyUrl: '', listId: '' });
  const [lists, setLists] = useState<MastodonList[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);

  useEffect(() => {
    connectionsItem.getValue().then(setConnections, () => undefined);
  }, []);

  const mastodon = connections.mastodon;

  // The connected account's lists, asked for when the user picks Mastodon.
  useEffect(() => {
    if (choice.kind !== 'mastodon' || !mastodon || lists) return;
    let live = true;
    mastodonLists({ ...mastodon, fetch }).then(
      (found) => {
        if (!live) return;
        setLists(found);
        setChoice((current) => ({ ...current, listId: current.listId || (found[0]?.id ?? '') }));
      },
      (error: unknown) => live && setProblem(t('options_group_listsError', { error: failureText(error) })),
    );
    return () => {
      live = false;
    };
  }, [choice.kind, mastodon, lists]);

  function choose(next: SourceKind) {
    setChoice((current) => ({ ...current, kind: next }));
    setProblem('');
    setPreview(null);
  }

  /** The members of the chosen group and how to name it, or a reason it cannot be read. */
  async function readGroup(): Promise<{ label: string; members: GroupMember[] } | string> {
    const { kind, org, blueskyUrl, listId } = choice;
    if (kind === 'github') {
      if (!org.trim()) return t('options_group_orgMissing');
      const members = await githubOrgMembers(org, { fetch, token: connections.github?.token });
      return { label: t('options_group_githubLabel', { org: org.trim() }), members };
    }
    if (kind === 'bluesky') {
      const ref = parseBlueskyGroupUrl(blueskyUrl);
      if (!ref)
        return t('options_group_blueskyInvalid', {
          list: 'https://bsky.app/profile/…/lists/…',
          pack: 'https://bsky.app/starter-pack/…',
        });
      const members = await blueskyGroupMembers(ref, { fetch });
      const label = t(
        ref.kind === 'list' ? 'options_group_blueskyListLabel' : 'options_group_blueskyPackLabel',
        {
          actor: ref.actor,
        },
      );
      return { label, members };
    }
    if (!mastodon) return t('options_group_mastodonFirst');
    const list = lists?.find((found) => found.id === listId);
    if (!list) return t('options_group_pickList');
    const members = await mastodonListMembers(list.id, { ...mastodon, fetch });
    return { label: t('options_group_mastodonListLabel', { title: list.title }), members };
  }

  async function showPreview() {
    setProblem('');
    setPreview(null);
    setOutcome(null);
    setBusy(true);
    try {
      const group = await readGroup();
      if (typeof group === 'string') {
        setProblem(group);
        return;
      }
      const roster = await listMembers(await getDb());
      const known = new Map(
        roster.flatMap((member) => member.accountKeys.map((key) => [key, member.name] as const)),
      );
      setPreview({ ...group, known });
    } catch (error) {
      setProblem(failureText(error));
    } finally {
      setBusy(false);
    }
  }

  async function runImport() {
    if (!preview) return;
    setBusy(true);
    try {
      const members = preview.members.map((member) => ({
        ...member,
        name: preview.known.get(accountKey(member.site, member.handle)) ?? member.name,
      }));
      const summary = await importRoster(await getDb(), JSON.stringify(groupRoster(members)));
      notifyChange();
      // A group is not the whole roster: teammates it does not list are not leavers.
      setOutcome({ kind: 'done', summary: { ...summary, leavers: [] }, source: preview.label });
      setPreview(null);
      await onImported();
    } catch (error) {
      setOutcome({
        kind: 'failed',
        message: t('options_import_failed', { error: failureText(error) }),
        source: preview.label,
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card" aria-labelledby="group-import-heading">
      <h2 id="group-import-heading">{t('options_group_heading')}</h2>
      <GroupImportSectionSource
        choice={choice}
        onChange={setChoice}
        onKind={choose}
        mastodonInstance={mastodon?.instance}
        lists={lists}
      />
      <div class="actions start">
        <button type="button" data-testid="group-preview-button" disabled={busy} onClick={showPreview}>
          {t('options_group_previewButton')}
        </button>
      </div>
      {busy && (
        <p class="muted" role="status">
          {t('options_group_reading')}
        </p>
      )}
      {problem && (
        <p class="error" role="alert" data-testid="group-error">
          {problem}
        </p>
      )}
      {preview && <GroupImportSectionPreview {...preview} importing={busy} onImport={runImport} />}
      {outcome && <ImportSummaryPanel outcome={outcome} testId="group-import-summary" />}
    </section>
  );
}
