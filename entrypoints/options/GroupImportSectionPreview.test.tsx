// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { allByTestId, byTestId, click, type Mounted, mount } from '../../tests/helpers/mount';
import type { GroupMember } from '../../utils/api/group-members';
import { GroupImportSectionPreview } from './GroupImportSectionPreview';

let page: Mounted;

afterEach(() => page?.unmount());

const ada: GroupMember = { name: 'Ada Quill', site: 'bluesky', handle: 'ada.bsky.social' };
const bo: GroupMember = { name: 'Bo', site: 'bluesky', handle: 'bo.example.com' };

async function show(members: GroupMember[], known = new Map<string, string>(), onImport = vi.fn()) {
  page = await mount(
    <GroupImportSectionPreview
      label="The Bluesky list of lead.bsky.social"
      members={members}
      known={known}
      importing={false}
      onImport={onImport}
    />,
  );
  return page.container;
}

describe('GroupImportSectionPreview', () => {
  it('lists each person with the network and handle, marks who is on the roster, and imports on the click', async () => {
    const onImport = vi.fn();
    const root = await show([ada, bo], new Map([['bluesky:bo.example.com', 'Bo Brandt']]), onImport);
    expect(byTestId(root, 'group-preview').textContent).toContain('2 people, 1 already on the roster');
    expect(allByTestId(root, 'group-preview-member').map((item) => item.textContent)).toEqual([
      'Ada Quill Bluesky ada.bsky.social',
      'Bo Bluesky bo.example.com (on the roster)',
    ]);
    await click(byTestId(root, 'group-import-button'));
    expect(onImport).toHaveBeenCalledOnce();
    expect(byTestId(root, 'group-import-button').textContent).toBe('Import 2');
  });

  it('says so when the group lists nobody, with no button', async () => {
    const root = await show([]);
    expect(byTestId(root, 'group-preview').textContent).toContain('Nobody to import');
    expect(root.querySelector('[data-testid="group-import-button"]')).toBeNull();
  });
});
