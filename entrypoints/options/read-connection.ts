import type { Network } from './network-forms';
import type { Saved } from './saved-connection';

/** What is wrong in a connection form, per field. */
export interface ConnectionErrors {
  id?: string;
  secret?: string;
  pacing?: string;
}

/** A connection form as typed: the id, the secret field, and whether a saved secret stands for it. */
export interface ConnectionInput {
  idInput: string;
  secretInput: string;
  /** The saved secret is shown as "••••" and counts as given. */
  secretHidden: boolean;
  /** The person asked to replace the saved secret. */
  replacing: boolean;
  saved: Saved | undefined;
}

/** The form as a connection, or null with what is wrong in it. */
export function readConnection(
  network: Network,
  input: ConnectionInput,
): { form: Saved | null; errors: ConnectionErrors } {
  const id = network.parse(input.idInput);
  const secret = input.secretHidden ? input.saved?.secret : input.secretInput.trim() || undefined;
  const errors: ConnectionErrors = {};
  if (!id) errors.id = input.idInput.trim() ? network.invalid : network.idMissing;
  if (!secret && input.replacing) errors.secret = network.secretMissingNew;
  else if (!secret && network.secretRequired) errors.secret = network.secretMissing;
  return { form: id && !errors.secret ? { id, secret } : null, errors };
}
