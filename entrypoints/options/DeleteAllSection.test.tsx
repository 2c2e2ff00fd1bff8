// @vitest-environment happy-dom
import { afterEach, expect, it } from 'vitest';
import { byTestId, click, type Mounted, mount, waitFor } from '../../tests/helpers/mount';
import { DeleteAllSection } from './DeleteAllSection';

let page: Mounted;
afterEach(() => page?.unmount());

async function openPage(count = 0): Promise<HTMLElement> {
  page = await mount(<DeleteAllSection count={count} onNotice={() => {}} onDeleted={async () => {}} />);
  return page.container;
}

it('says how many teammates it would remove', async () => {
  const root = await openPage(1);
  await click(byTestId(root, 'delete-all'));
  expect(byTestId(root, 'delete-all-text').textContent).toContain('This removes your roster (1 teammate)');
});

it('closes a dialog that the browser closed (Escape)', async () => {
  const root = await openPage();
  await click(byTestId(root, 'delete-all'));
  const dialog = byTestId<HTMLDialogElement>(root, 'delete-all-dialog');
  dialog.close();
  await waitFor(() => !root.querySelector('[data-testid="delete-all-dialog"]'));
});
