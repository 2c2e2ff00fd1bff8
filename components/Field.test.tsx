// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { byTestId, type Mounted, mount } from '../tests/helpers/mount';
import { Field } from './Field';

let mounted: Mounted;
afterEach(() => mounted?.unmount());

describe('Field', () => {
  it('labels the control and says nothing more while there is no error or help', async () => {
    mounted = await mount(
      <Field id="name" label="Name">
        {(control) => <input {...control} />}
      </Field>,
    );
    const input = mounted.container.querySelector('input') as HTMLInputElement;
    expect(mounted.container.querySelector('label')?.htmlFor).toBe('name');
    expect(input.id).toBe('name');
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(input.hasAttribute('aria-describedby')).toBe(false);
  });

  it('describes the control by its help, then its error, and marks it invalid', async () => {
    mounted = await mount(
      <Field id="login" label="Your login" help="Your GitHub login." error="Not a login." errorTestId="oops">
        {(control) => <input {...control} />}
      </Field>,
    );
    const input = mounted.container.querySelector('input') as HTMLInputElement;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('login-help login-error');
    expect(document.getElementById('login-help')?.textContent).toBe('Your GitHub login.');
    const error = byTestId(mounted.container, 'oops');
    expect(error.id).toBe('login-error');
    expect(error.textContent).toBe('Not a login.');
    expect(error.hasAttribute('role')).toBe(false);
  });

  it('announces an error as an alert when asked, under the default test id', async () => {
    mounted = await mount(
      <Field id="host" label="Instance" error="Enter a host." errorRole="alert">
        {(control) => <input {...control} />}
      </Field>,
    );
    expect(byTestId(mounted.container, 'field-error').getAttribute('role')).toBe('alert');
    expect(mounted.container.querySelector('input')?.getAttribute('aria-describedby')).toBe('host-error');
  });

  it('names a shown value without a label pointing at a control', async () => {
    mounted = await mount(
      <Field id="secret" label="Token" plain>
        {() => <span>••••</span>}
      </Field>,
    );
    expect(mounted.container.querySelector('label')).toBeNull();
    expect(mounted.container.querySelector('.field-label')?.textContent).toBe('Token');
  });
});
