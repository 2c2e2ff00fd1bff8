/** What testing a connection answered. */
export interface TestResult {
  ok: boolean;
  text: string;
}

/** The answer of a connection test: a status when it worked, an alert when it did not. */
export function ConnectionResult({ result }: { result: TestResult }) {
  return (
    <p
      class={`connection-result ${result.ok ? 'is-ok' : 'is-error'}`}
      role={result.ok ? 'status' : 'alert'}
      data-testid="connection-result"
      data-ok={String(result.ok)}
    >
      {result.text}
    </p>
  );
}
