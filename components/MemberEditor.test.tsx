// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { byTestId, click, type Mounted, mount, typeInto } from '../tests/helpers/mount';
import type { Member } from '../utils/model';
import { MemberEditor } from './MemberEditor';

let mounted: Mounted | undefined;
afterEach(() => mounted?.unmount());

const ada: Member = {
  id: 'ada',
  name: 'Ada Quill',
  accounts: [{ site: 'x', handle: 'adaquill' }],
  accountKeys: ['x:adaquill'],
};

function siteField(root: HTMLElement, site: string): HTMLInputElement {
  const field = root.querySelector<HTMLInputElement>(`input[data-site="${site}"]`);
  if (!field) throw new Error(`no field for ${site}`);
  return field;
}

describe('MemberEditor', () => {
  it('labels every field, one per site by its display name', async () => {
    mounted = await mount(<MemberEditor member={ada} onSave={vi.fn()} onCancel={vi.fn()} />);
    const inputs = [...mounted.container.querySelectorAll('input')];
    expect(inputs).toHaveLength(3 + 11);
    for (const input of inputs) {
      expect(mounted.container.querySelector(`label[for="${input.id}"]`)?.textContent).toBeTruthy();
    }
    const linkedIn = siteField(mounted.container, 'linkedin');
    expect(mounted.container.querySelector(`label[for="${linkedIn.id}"]`)?.textContent).toBe('LinkedIn');
    expect(siteField(mounted.container, 'x').value).toBe('adaquill');
  });

  it('flags an invalid handle as you type and blocks Save until it is fixed', async () => {
    const onSave = vi.fn();
    mounted = await mount(<MemberEditor member={ada} onSave={onSave} onCancel={vi.fn()} />);
    const github = siteField(mounted.container, 'github');
    const save = byTestId<HTMLButtonElement>(mounted.container, 'save-member');

    await typeInto(github, 'bad_login!');
    expect(github.getAttribute('aria-invalid')).toBe('true');
    const error = document.getElementById(github.getAttribute('aria-describedby') ?? '');
    expect(error?.textContent).toBe('“bad_login!” is not a valid GitHub handle');
    expect(save.disabled).toBe(true);
    await click(save);
    mounted.container.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(onSave).not.toHaveBeenCalled();

    await typeInto(github, 'https://github.com/Octo-Cat');
    expect(github.hasAttribute('aria-invalid')).toBe(false);
    expect(save.disabled).toBe(false);
    await click(save);
    expect(onSave).toHaveBeenCalledWith({
      id: 'ada',
      name: 'Ada Quill',
      accounts: [
        { site: 'x', handle: 'adaquill' },
        { site: 'github', handle: 'octo-cat' },
      ],
      accountKeys: [],
    });
  });

  it('needs a name and keeps the editor open with the message when saving fails', async () => {
    const onSave = vi.fn().mockRejectedValue(new Error('X adaquill already belongs to Bo.'));
    mounted = await mount(
      <MemberEditor
        member={{ id: 'new', name: '', accounts: [], accountKeys: [] }}
        onSave={onSave}
        onCancel={vi.fn()}
      />,
    );
    const save = byTestId<HTMLButtonElement>(mounted.container, 'save-member');
    expect(save.disabled).toBe(true);
    const name = byTestId<HTMLInputElement>(mounted.container, 'member-name');
    await typeInto(name, '   ');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    await typeInto(name, 'Ada');
    expect(save.disabled).toBe(false);
    await click(save);
    await vi.waitFor(() =>
      expect(mounted?.container.querySelector('[role="alert"]')?.textContent).toContain('Bo'),
    );
    expect(save.disabled).toBe(false);
  });

  it('calls onCancel without saving', async () => {
    const onSave = vi.fn();
    const onCancel = vi.fn();
    mounted = await mount(<MemberEditor member={ada} onSave={onSave} onCancel={onCancel} />);
    await typeInto(byTestId(mounted.container, 'member-name'), 'Changed');
    const cancel = [...mounted.container.querySelectorAll('button')].find((b) => b.textContent === 'Cancel');
    await click(cancel ?? null);
    expect(onCancel).toHaveBeenCalledOnce();
    expect(onSave).not.toHaveBeenCalled();
  });
});
