import { useEffect, useRef, useState } from 'preact/hooks';
import { Field, PLAIN_TEXT } from '../../components/Field';
import { sortMembers } from '../../components/roster-filter';
import { createBlueskyPublisher } from '../../utils/api/bluesky-publish';
import type { Fetch } from '../../utils/api/http';
import { abortableSleep, pacingMs } from '../../utils/api/pacing';
import {
  blueskyTeammates,
  type ItemResult,
  type PublishReport,
  publishTeam,
} from '../../utils/api/publish-team';
import { getDb, listMembers } from '../../utils/db';
import { plural, t } from '../../utils/i18n/index';
import {
  type BlueskyPublished,
  blueskyPublishedItem,
  type Connections,
  connectionsItem,
  pacingItem,
} from '../../utils/settings';
import { failureText } from './failure-text';
import { PublishSectionReport } from './PublishSectionReport';
import { formatSeconds } from './pacing-input';

// Lexicon limits: app.bsky.graph.list name 1–64 characters, description 300 graphemes; starterpack name 50 graphemes.
const LIST_NAME_MAX = 64;
const DESCRIPTION_MAX = 300;
const PACK_NAME_MAX = 50;

interface Loaded {
  connections: Connections;
  published: BlueskyPublished;
  pacing: Awaited<ReturnType<typeof pacingItem.getValue>>;
  teammates: number;
}

interface PublishSectionProps {
  /** Injected in tests; the page's own fetch otherwise. */
  fetch?: Fetch;
  sleep?: typeof abortableSleep;
}

/** Publishes the roster's Bluesky teammates as a curate list (and a starter pack) on the connected account. */
export function PublishSection({
  fetch = (input, init) => globalThis.fetch(input, init),
  sleep = abortableSleep,
}: PublishSectionProps) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [name, setName] = useState(() => t('options_publish_defaultName'));
  const [description, setDescription] = useState('');
  const [withPack, setWithPack] = useState(false);
  const [packName, setPackName] = useState('');
  const [agreed, setAgreed] = useState(false);
  const [running, setRunning] = useState(false);
  const [items, setItems] = useState<ItemResult[]>([]);
  const [report, setReport] = useState<PublishReport | null>(null);
  const [problem, setProblem] = useState('');
  const stop = useRef<AbortController | null>(null);

  async function load() {
    const [connections, published, pacing, members] = await Promise.all([
      connectionsItem.getValue(),
      blueskyPublishedItem.getValue(),
      pacingItem.getValue(),
      listMembers(await getDb()),
    ]);
    return { connections, published, pacing, teammates: blueskyTeammates(members).length };
  }

  useEffect(() => {
    let live = true;
    load().then(
      (found) => {
        if (!live) return;
        setLoaded(found);
        setName(found.published.list?.name ?? t('options_publish_defaultName'));
        setDescription(found.published.list?.description ?? '');
        setWithPack(Boolean(found.published.starterPackName));
        setPackName(found.published.starterPackName ?? '');
      },
      (error: unknown) => live && setProblem(t('options_publish_loadError', { error: failureText(error) })),
    );
    return () => {
      live = false;
      stop.current?.abort();
    };
  }, []);

  const trimmedName = name.trim();
  const trimmedPack = (packName.trim() || trimmedName).slice(0, PACK_NAME_MAX);
  const nameError =
    trimmedName === ''
      ? t('options_publish_nameMissing')
      : trimmedName.length > LIST_NAME_MAX
        ? t('options_publish_tooLong', { max: LIST_NAME_MAX })
        : undefined;
  const descriptionError =
    [...description.trim()].length > DESCRIPTION_MAX
      ? t('options_publish_tooLong', { max: DESCRIPTION_MAX })
      : undefined;
  const bluesky = loaded?.connections.bluesky;

  async function publish() {
    setProblem('');
    setItems([]);
    setReport(null);
    const controller = new AbortController();
    stop.current = controller;
    setRunning(true);
    try {
      // Read again: the roster or the connection may have changed since the page opened.
      const fresh = await load();
      setLoaded(fresh);
      const account = fresh.connections.bluesky;
      if (!account?.appPassword) throw new Error(t('options_publish_connectFirst'));
      const list = { name: trimmedName, ...(description.trim() ? { description: description.trim() } : {}) };
      const done = await publishTeam(
        // Teammates in the order people read the roster: the report lists them so.
        sortMembers(await listMembers(await getDb())),
        { list, ...(withPack ? { starterPack: { name: trimmedPack } } : {}) },
        {
          api: createBlueskyPublisher({ handle: account.handle, appPassword: account.appPassword, fetch }),
          saved: fresh.published,
          save: async (refs) => {
            const current = await blueskyPublishedItem.getValue();
            await blueskyPublishedItem.setValue({ ...current, ...refs });
          },
          intervalMs: pacingMs('bluesky', fresh.pacing),
          sleep,
          signal: controller.signal,
          onItem: (item) => setItems((old) => [...old, item]),
        },
      );
      // The words are remembered after the run, so that the form opens with them next time.
      const current = await blueskyPublishedItem.getValue();
      const { starterPackName: _old, ...rest } = current;
      await blueskyPublishedItem.setValue({
        ...rest,
        list,
        ...(withPack ? { starterPackName: trimmedPack } : {}),
      });
      setReport(done);
    } catch (error) {
      setProblem(t('options_publish_failed', { error: failureText(error) }));
    } finally {
      stop.current = null;
      setRunning(false);
    }
  }

  return (
    <section class="card" aria-labelledby="publish-heading" data-testid="publish-section">
      <h2 id="publish-heading">{t('options_publish_heading')}</h2>
      <p>{t('options_publish_what')}</p>
      {loaded === null ? (
        problem ? (
          <p class="error" role="alert">
            {problem}
          </p>
        ) : (
          <p class="muted">{t('options_loading')}</p>
        )
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!running && !nameError && !descriptionError && agreed && bluesky?.appPassword) void publish();
          }}
        >
          {!bluesky?.appPassword && (
            <p class="muted" data-testid="publish-needs-connection">
              {t('options_publish_needsConnection')}
            </p>
          )}
          <p class="muted" data-testid="publish-teammates" data-count={loaded.teammates}>
            {plural('options_publish_teammates', loaded.teammates)}
          </p>
          <Field id="publish-list-name" label={t('options_publish_listName')} error={nameError}>
            {(control) => (
              <input
                {...control}
                {...PLAIN_TEXT}
                maxLength={LIST_NAME_MAX}
                data-testid="publish-list-name"
                value={name}
                onInput={(event) => setName(event.currentTarget.value)}
              />
            )}
          </Field>
          <Field id="publish-description" label={t('options_publish_description')} error={descriptionError}>
            {(control) => (
              <textarea
                {...control}
                rows={2}
                data-testid="publish-description"
                value={description}
                onInput={(event) => setDescription(event.currentTarget.value)}
              />
            )}
          </Field>
          <p>
            <label>
              <input
                type="checkbox"
                data-testid="publish-starter-pack"
                checked={withPack}
                onChange={(event) => setWithPack(event.currentTarget.checked)}
              />{' '}
              {t('options_publish_withPack')}
            </label>
          </p>
          {withPack && (
            <Field
              id="publish-pack-name"
              label={t('options_publish_packName')}
              help={t('options_publish_packHelp')}
            >
              {(control) => (
                <input
                  {...control}
                  {...PLAIN_TEXT}
                  maxLength={PACK_NAME_MAX}
                  placeholder={trimmedName.slice(0, PACK_NAME_MAX)}
                  data-testid="publish-pack-name"
                  value={packName}
                  onInput={(event) => setPackName(event.currentTarget.value)}
                />
              )}
            </Field>
          )}
          <p>
            <label>
              <input
                type="checkbox"
                data-testid="publish-consent"
                checked={agreed}
                onChange={(event) => setAgreed(event.currentTarget.checked)}
              />{' '}
              {t('options_publish_consent')}
            </label>
          </p>
          <div class="actions start">
            <button
              type="submit"
              data-testid="publish-run"
              disabled={running || !agreed || !bluesky?.appPassword || loaded.teammates === 0}
            >
              {running
                ? t('options_publish_running')
                : report
                  ? t('options_publish_again')
                  : t('options_publish_run')}
            </button>
            {running && (
              <button type="button" data-testid="publish-stop" onClick={() => stop.current?.abort()}>
                {t('options_stop')}
              </button>
            )}
            <span class="muted hint">
              {t('options_publish_pacing', {
                seconds: formatSeconds(pacingMs('bluesky', loaded.pacing) / 1000),
              })}
            </span>
          </div>
        </form>
      )}
      {loaded !== null && problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      <PublishSectionReport items={items} report={report} />
    </section>
  );
}
