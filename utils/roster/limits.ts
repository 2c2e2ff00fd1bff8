import { t, uiLanguage } from '../i18n/index';
import type { SiteId } from '../sites/index';
import { refusedForHost } from '../sites/storable';
import { ROSTER_LIMITS } from './types';

// The import's limits as a person reads them, in the UI language.

/** The size limit of a roster ("5 MB", "5 Mo"), in the UI language. */
export function sizeLimitText(): string {
  const megabytes = ROSTER_LIMITS.maxBytes / (1024 * 1024);
  return new Intl.NumberFormat(uiLanguage(), {
    style: 'unit',
    unit: 'megabyte',
    maximumFractionDigits: 1,
  }).format(megabytes);
}

/** How a roster's messages name it: its file name in quotes, or "The file". */
export function fileLabel(fileName: string | undefined): string {
  return fileName ? t('roster_fileNamed', { name: fileName }) : t('roster_theFile');
}

/** Why `token` reads as a handle of `site` yet is refused for its host (`a@x.com`), in the import's and the editor's
 * words; else null. */
export function hostRefusal(site: SiteId, token: string): string | null {
  return refusedForHost(site, token) ? t('roster_problem_otherNetworkHost') : null;
}
