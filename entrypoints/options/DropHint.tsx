import { t } from '../../utils/i18n/index';
import type { DropState } from './use-file-drop';

/** What the import card says about dropping a file: that it can take one, that it will, or that it took none. */
export function DropHint({ state }: { state: DropState }) {
  return (
    <p class={`drop-hint drop-${state}`} data-testid="drop-hint">
      {state === 'over' ? t('a11y_dropNow') : state === 'many' ? t('a11y_dropOne') : t('a11y_dropHint')}
    </p>
  );
}
