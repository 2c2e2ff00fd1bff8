import type { ComponentChildren } from 'preact';

/** The attributes that tie a field's control to its label, error and help. */
export interface FieldControl {
  id: string;
  'aria-invalid': 'true' | undefined;
  'aria-describedby': string | undefined;
}

/** The attributes of a text input for handles, hosts and names: no autofill, no spelling marks. */
export const PLAIN_TEXT = { type: 'text', autocomplete: 'off', spellcheck: false } as const;

interface FieldProps {
  /** The control's id; the error and the help take `<id>-error` and `<id>-help`. */
  id: string;
  label: ComponentChildren;
  /** Shown under the control and announced with it; the control is marked invalid while there is one. */
  error?: string;
  help?: ComponentChildren;
  errorTestId?: string;
  /** `alert` for an error that answers a button press rather than typing. */
  errorRole?: 'alert';
  /** The field shows a value instead of a control (a saved secret): the label names it without pointing at one. */
  plain?: boolean;
  /** Draws the control (and anything beside it) with the wiring it is handed. */
  children: (control: FieldControl) => ComponentChildren;
}

/** One form field: label, control, error and help text, wired together with ids and aria-describedby. */
export function Field({
  id,
  label,
  error,
  help,
  errorTestId = 'field-error',
  errorRole,
  plain = false,
  children,
}: FieldProps) {
  const errorId = `${id}-error`;
  const helpId = `${id}-help`;
  const describedBy = [help === undefined ? '' : helpId, error ? errorId : ''].filter(Boolean).join(' ');
  const control: FieldControl = {
    id,
    'aria-invalid': error ? 'true' : undefined,
    'aria-describedby': describedBy || undefined,
  };
  return (
    <div class="field">
      {plain ? <span class="field-label">{label}</span> : <label for={id}>{label}</label>}
      {children(control)}
      {error && (
        <p id={errorId} class="field-error" role={errorRole} data-testid={errorTestId}>
          {error}
        </p>
      )}
      {help !== undefined && (
        <p id={helpId} class="muted hint">
          {help}
        </p>
      )}
    </div>
  );
}
