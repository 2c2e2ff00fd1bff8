import { useCallback, useState } from 'preact/hooks';
import { t } from '../../utils/i18n/index';
import { accountKey } from '../../utils/model';
import { siteById } from '../../utils/sites/index';
import { send } from '../popup/send';
import type { MatrixCell } from './matrix';

/** A click on a cell that is on its way to the background, or refused by it. */
export type Pending = { kind: 'sending' } | { kind: 'error'; message: string };

/** Follow or check: the two one-click paths a cell offers. */
export type CellAction = 'follow' | 'check';

/**
 * Sends a cell's Follow or Check as the popup does (through a connected API, else the background opens the profile
 * in front); keeps what is on its way or refused per account, and a sentence for the page's live region.
 */
export function useCellActions(): {
  pending: ReadonlyMap<string, Pending>;
  announcement: string;
  act(type: CellAction, cell: MatrixCell, name: string): Promise<void>;
} {
  const [pending, setPending] = useState<ReadonlyMap<string, Pending>>(new Map());
  const [announcement, setAnnouncement] = useState('');

  const act = useCallback(async (type: CellAction, cell: MatrixCell, name: string) => {
    if (!cell.handle) return;
    const key = accountKey(cell.site, cell.handle);
    const siteName = siteById(cell.site).name;
    setPending((old) => new Map(old).set(key, { kind: 'sending' }));
    const { error, opened } = await send({ type, site: cell.site, handle: cell.handle });
    setPending((old) => {
      const next = new Map(old);
      if (error) next.set(key, { kind: 'error', message: error });
      else next.delete(key);
      return next;
    });
    const values = { name, site: siteName, error: error ?? '' };
    const follow = type === 'follow';
    if (error)
      setAnnouncement(t(follow ? 'team_announce_followFailed' : 'team_announce_checkFailed', values));
    else if (opened) setAnnouncement(t('team_announce_opened', values));
    else setAnnouncement(t(follow ? 'team_announce_followed' : 'team_announce_checked', values));
  }, []);

  return { pending, announcement, act };
}
