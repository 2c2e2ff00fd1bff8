import sampleRoster from '../../examples/roster.csv?raw';
import { formatList, t } from '../../utils/i18n/index';
import { sites } from '../../utils/sites/index';
import { downloadText } from './download';
import { withParts } from './rich';

// Column names are the file format: they stay as written, in every language.
const code = (name: string) => <code>{name}</code>;

/** What a roster file holds, with a sample to download. */
export function FormatHelp() {
  return (
    <section class="format-help" aria-labelledby="format-heading">
      <h3 id="format-heading">{t('options_format_heading')}</h3>
      <p>{t('options_format_what')}</p>
      <ul>
        <li>
          {withParts(t('options_format_nameColumns'), {
            name: code('name'),
            team: code('team'),
            email: code('email'),
          })}
        </li>
        <li>
          {withParts(t('options_format_siteColumns'), {
            sites: formatList(sites.map((site) => site.id)),
            twitter: code('twitter'),
            bsky: code('bsky'),
          })}
        </li>
        <li>{withParts(t('options_format_linksColumn'), { links: code('links') })}</li>
      </ul>
      <p class="muted">{withParts(t('options_format_mastodon'), { example: code('ada@mastodon.social') })}</p>
      <button
        type="button"
        class="link-button"
        data-testid="download-sample"
        onClick={() => downloadText('teamfollow-sample-roster.csv', sampleRoster, 'text/csv;charset=utf-8')}
      >
        {t('options_format_sample')}
      </button>
    </section>
  );
}
