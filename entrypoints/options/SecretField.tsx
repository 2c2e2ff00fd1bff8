import type { ComponentChildren } from 'preact';
import { Field } from '../../components/Field';
import { t } from '../../utils/i18n/index';

interface SecretFieldProps {
  id: string;
  label: string;
  /** "Replace the token", "Delete the token": the buttons' accessible names. */
  replaceLabel: string;
  removeLabel: string;
  help: ComponentChildren;
  error?: string;
  /** A secret is saved and not being replaced: it shows as "••••", never as its value. */
  hidden: boolean;
  replacing: boolean;
  /** The saved secret may be deleted alone (networks where it is optional). */
  removable: boolean;
  value: string;
  onInput: (value: string) => void;
  onReplace: () => void;
  onKeep: () => void;
  onRemove: () => void;
}

/** A network's password or token: typed into a password input, or shown as saved with Replace and Delete. */
export function SecretField(props: SecretFieldProps) {
  return (
    <Field
      id={props.id}
      label={props.label}
      plain={props.hidden}
      error={props.error}
      errorTestId="connection-error"
      help={props.help}
    >
      {(control) =>
        props.hidden ? (
          <div class="secret-saved">
            <span data-testid="connection-secret-saved">
              <span aria-hidden="true">••••</span>
              <span class="visually-hidden">{t('options_secret_savedHidden')}</span>
            </span>
            <button
              type="button"
              data-testid="connection-secret-replace"
              aria-label={props.replaceLabel}
              onClick={props.onReplace}
            >
              {t('options_secret_replace')}
            </button>
            {props.removable && (
              <button
                type="button"
                data-testid="connection-secret-remove"
                aria-label={props.removeLabel}
                onClick={props.onRemove}
              >
                {t('options_delete')}
              </button>
            )}
          </div>
        ) : (
          <div class="inline-field">
            <input
              {...control}
              type="password"
              autocomplete="off"
              spellcheck={false}
              value={props.value}
              data-testid="connection-secret"
              onInput={(event) => props.onInput(event.currentTarget.value)}
            />
            {props.replacing && (
              <button type="button" onClick={props.onKeep}>
                {t('options_secret_keep')}
              </button>
            )}
          </div>
        )
      }
    </Field>
  );
}
