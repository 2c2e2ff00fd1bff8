/** The message of an error, or the thrown value as text: what a person reads when something failed. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
