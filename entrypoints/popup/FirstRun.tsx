import { openOptions } from './send';

/** The popup before there is a roster. */
export function FirstRun() {
  return (
    <div class="message first-run" data-testid="first-run">
      <h2>Bring your team</h2>
      <p>
        Add your teammates and their handles in the options (import a CSV or JSON file, or type them in), and
        TeamFollow shows here whom you don't follow yet.
      </p>
      <button type="button" class="primary" data-testid="open-options-first-run" onClick={openOptions}>
        Add your team
      </button>
    </div>
  );
}
