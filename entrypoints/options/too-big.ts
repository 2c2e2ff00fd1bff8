import { t } from '../../utils/i18n/index';
import { sizeLimitText } from '../../utils/roster/limits';
import { ROSTER_LIMITS } from '../../utils/roster/types';

/** Why a roster of `bytes` is refused before it is read (the file's name, or pasted text), or null when within the limit. */
export function tooBigMessage(bytes: number, fileName?: string): string | null {
  if (bytes <= ROSTER_LIMITS.maxBytes) return null;
  const limit = sizeLimitText();
  return fileName
    ? t('options_tooBig_file', { file: fileName, limit })
    : t('options_tooBig_pasted', { limit });
}
