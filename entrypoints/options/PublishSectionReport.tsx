import { parseAtUri } from '../../utils/api/bluesky-publish';
import { type ItemResult, type PublishReport, writesOf } from '../../utils/api/publish-team';

const countOf = (items: readonly ItemResult[], status: ItemResult['status']) =>
  items.filter((item) => item.status === status).length;

const ITEM_WORDS: Record<ItemResult['status'], string> = {
  added: 'added to the list',
  already: 'on the list already',
  'not-found': 'not found on Bluesky',
  failed: 'could not be added',
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
      ? 'Nothing to change.'
      : `List ${report.list === 'unchanged' ? 'kept' : report.list}${report.starterPack === 'created' ? ', starter pack created' : ''}.`;
  const parts = [`${count('added')} added`, `${count('already')} there already`];
  if (count('not-found')) parts.push(`${count('not-found')} not found on Bluesky`);
  if (count('failed')) parts.push(`${count('failed')} failed`);
  return `${head} ${parts.join(', ')}.`;
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
        <ul class="problem-list" aria-label="Teammates published">
          {items.map((item) => (
            <li
              key={item.handle}
              data-testid="publish-item"
              data-handle={item.handle}
              data-status={item.status}
            >
              {item.name} ({item.handle}): {ITEM_WORDS[item.status]}
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
                Open the list
              </a>
            )}
            {packLink && (
              <>
                {' · '}
                <a href={packLink} target="_blank" rel="noreferrer">
                  Open the starter pack
                </a>
              </>
            )}
          </span>
        )}
      </p>
    </>
  );
}
