import sampleRoster from '../../examples/roster.csv?raw';
import { sites } from '../../utils/sites/index';
import { downloadText } from './download';

/** What a roster file holds, with a sample to download. */
export function FormatHelp() {
  return (
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
          <code>links</code>: any number of profile links separated by spaces, commas or semicolons; each goes
          to its site
        </li>
      </ul>
      <p class="muted">
        Mastodon handles need their instance: <code>ada@mastodon.social</code>. Invalid cells are left out and
        listed; the rest of the row still imports.
      </p>
      <button
        type="button"
        class="link-button"
        data-testid="download-sample"
        onClick={() => downloadText('teamfollow-sample-roster.csv', sampleRoster, 'text/csv;charset=utf-8')}
      >
        Download a sample roster (CSV)
      </button>
    </section>
  );
}
