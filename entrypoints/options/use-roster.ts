import { useEffect, useState } from 'preact/hooks';
import { getDb, listMembers } from '../../utils/db';
import { errorText } from '../../utils/errors';
import { t } from '../../utils/i18n/index';
import type { Member } from '../../utils/model';

/** The roster as the page shows it, and a way to read it again. */
export interface Roster {
  /** null until the first read. */
  members: Member[] | null;
  loadError: string;
  reload(): Promise<void>;
}

/** Reads the roster when the page opens, and again on `reload`. */
export function useRoster(): Roster {
  const [members, setMembers] = useState<Member[] | null>(null);
  const [loadError, setLoadError] = useState('');

  async function reload() {
    try {
      setMembers(await listMembers(await getDb()));
      setLoadError('');
    } catch (error) {
      setLoadError(t('options_roster_loadError', { error: errorText(error) }));
    }
  }

  useEffect(() => {
    void reload();
  }, []);

  return { members, loadError, reload };
}
