import { Field } from '../../components/Field';
import { type ApiSite, NETWORKS } from '../../utils/api/networks';
import { defaultPacingS } from '../../utils/api/pacing';
import { t } from '../../utils/i18n/index';
import { formatSeconds, secondsInput } from './pacing-input';

interface PacingFieldProps {
  site: ApiSite;
  /** The network's published limit, in words. */
  limit: string;
  value: string;
  error?: string;
  onInput: (value: string) => void;
}

/** The seconds between follows of "Follow all" on one network; empty means the default. */
export function PacingField({ site, limit, value, error, onInput }: PacingFieldProps) {
  const fallback = formatSeconds(defaultPacingS(site));
  const floor = NETWORKS[site].minPacingS;
  return (
    <Field
      id={`${site}-pacing`}
      label={t('options_pacing_label')}
      error={error}
      errorTestId="connection-error"
      help={t('options_pacing_help', { fallback, floor: formatSeconds(floor), limit })}
    >
      {(control) => (
        <input
          {...control}
          class="pacing-input"
          type="number"
          inputMode="decimal"
          min={floor}
          step={0.1}
          placeholder={secondsInput(defaultPacingS(site))}
          value={value}
          data-testid="pacing"
          data-site={site}
          onInput={(event) => onInput(event.currentTarget.value)}
        />
      )}
    </Field>
  );
}
