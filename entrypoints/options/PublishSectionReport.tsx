import { parseAtUri } from '../../utils/api/bluesky-publish';
import { type ItemResult, type PublishReport, writesOf } from '../../utils/api/publish-team';
import { formatList, type MessageKey, plural, t } from '../../utils/i18n/index';

const countOf = (items: readonly ItemResult[], status: ItemResult['status']) =>
  items.filter((item) => item.status === status).length;

const ITEM_WORDS: Record<ItemResult['status'], MessageKey> = {
  added: 'options_publish_item_added',
  already: 'options_publish_item_already',
  'not-found': 'options_publish_item_notFound',
  failed: 'options_publish_item_failed',
};

const LIST_WORDS: Record<PublishReport['list'], MessageKey> = {
  created: 'options_publish_listCreated',
  updated: 'options_publish_listUpdated',
  unchanged: 'options_publish_listKept',
};

/** The bsky.app page of a list or starter pack record, for a link. */
function appUrl(uri: string): string | undefined {
  const parts = parseAtUri(uri);
  if (!parts) return undefined;
  return parts.collection === 'app.bsky.graph.starterpack'
    ? `https://bsky.app/starter-pack/${parts.repo}/${parts.rkey}`
    : `https://bsky.app/profile/${parts.repo}/lists/${parts.rkey}`;
}

/** One sentence on what a run did. */
export function summaryWords(report: PublishReport): string {
  const count = (status: ItemResult['status']) =>
    report.items.filter((item) => item.status === status).length;
  const head =
    writesOf(report) === 0
      ? t('options_publish_nothing')
      : t(report.starterPack === 'created' ? 'options_publish_headWithPack' : 'options_publish_head', {
          list: t(LIST_WORDS[report.list]),
        });
  const parts = [
    plural('options_publish_countAdded', count('added')),
    plural('options_publish_countAlready', count('already')),
  ];
  if (count('not-found')) parts.push(plural('options_publish_countNotFound', count('not-found')));
  if (count('failed')) parts.push(plural('options_publish_countFailed', count('failed')));
  return t('options_publish_summary', { head, parts: formatList(parts) });
}

interface PublishSectionReportProps {
  /** The teammates' results so far, as they come. */
  items: readonly ItemResult[];
  /** The finished run, or null while it runs (or before the first). */
  report: PublishReport | null;
}

/** What a publish run did: one line per teammate, then a sentence with links to the list and the starter pack. */
export function PublishSectionReport({ items, report }: PublishSectionReportProps) {
  const listLink = report && appUrl(report.listUri);
  const packLink = report?.starterPackUri && appUrl(report.starterPackUri);
  return (
    <>
      {items.length > 0 && (
        <ul class="problem-list" aria-label={t('options_publish_itemsLabel')}>
          {items.map((item) => (
            <li
              key={item.handle}
              data-testid="publish-item"
              data-handle={item.handle}
              data-status={item.status}
            >
              {t('options_publish_item', {
                name: item.name,
                handle: item.handle,
                status: t(ITEM_WORDS[item.status]),
              })}
              {item.error ? `: ${item.error}` : ''}
            </li>
          ))}
        </ul>
      )}
      <p class="notice" role="status">
        {report && (
          <span
            data-testid="publish-summary"
            data-list={report.list}
            data-added={countOf(report.items, 'added')}
            data-already={countOf(report.items, 'already')}
            data-writes={writesOf(report)}
          >
            {summaryWords(report)}
            {report.stopped ? ` ${report.stopped}` : ''}{' '}
            {listLink && (
              <a href={listLink} target="_blank" rel="noreferrer">
                {t('options_publish_openList')}
              </a>
            )}
            {packLink && (
              <>
                {' · '}
                <a href={packLink} target="_blank" rel="noreferrer">
                  {t('options_publish_openPack')}
                </a>
              </>
            )}
          </span>
        )}
      </p>
    </>
  );
}
