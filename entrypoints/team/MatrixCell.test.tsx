// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { byTestId, click, type Mounted, mount } from '../../tests/helpers/mount';
import { MatrixCell } from './MatrixCell';
import type { MatrixCell as Cell } from './matrix';
import type { Pending } from './use-cell-actions';

let page: Mounted | undefined;
afterEach(() => {
  page?.unmount();
  page = undefined;
});

const now = Date.now();
const base: Cell = {
  site: 'x',
  handle: 'ada',
  state: 'not-following',
  followsYou: 'unknown',
  checkedAt: now - 7_200_000,
  source: 'page',
};

async function draw(cell: Cell, extra: { pending?: Pending; active?: boolean } = {}) {
  const onAction = vi.fn();
  page = await mount(
    <table>
      <tbody>
        <tr>
          <MatrixCell
            cell={cell}
            name="Ada"
            siteName="X"
            col={1}
            active={extra.active ?? false}
            pending={extra.pending}
            now={now}
            onAction={onAction}
          />
        </tr>
      </tbody>
    </table>,
  );
  return { el: byTestId(page.container, 'matrix-cell'), onAction };
}

describe('MatrixCell', () => {
  it('carries the hooks and says the state in words and a symbol, when seen, and follows you', async () => {
    const { el } = await draw({ ...base, followsYou: 'true' });
    expect(el.dataset).toMatchObject({ site: 'x', state: 'not-following', followsYou: 'true' });
    expect(el.textContent).toContain('✗');
    expect(el.textContent).toContain('Not following');
    expect(el.textContent).toContain('seen 2 hours ago');
    expect(el.textContent).toContain('follows you');
    expect(el.title).toBe('X ada: Not following · seen 2 hours ago · follows you');
  });

  it('offers Follow on a gap and sends it with the cell', async () => {
    const { el, onAction } = await draw(base);
    const button = el.querySelector('button') as HTMLButtonElement;
    expect(button.dataset.testid).toBe('follow-button');
    expect(button.getAttribute('aria-label')).toBe('Follow Ada on X');
    expect(button.tabIndex).toBe(-1);
    await click(button);
    expect(onAction).toHaveBeenCalledWith('follow', base, 'Ada');
  });

  it('offers Check where nothing is known', async () => {
    const cell: Cell = { site: 'x', handle: 'ada', state: 'unknown', followsYou: 'unknown' };
    const { el, onAction } = await draw(cell);
    expect(el.textContent).toContain('never checked');
    await click(el.querySelector('[data-testid="check-button"]'));
    expect(onAction).toHaveBeenCalledWith('check', cell, 'Ada');
  });

  it.each(['following', 'requested', 'none'] as const)('offers no button when %s', async (state) => {
    const { el } = await draw({ ...base, state, ...(state === 'none' ? { handle: undefined } : {}) });
    expect(el.querySelector('button')).toBeNull();
    expect(el.dataset.state).toBe(state);
  });

  it('shows a click on its way and a refusal', async () => {
    const { el } = await draw(base, { pending: { kind: 'sending' } });
    expect((el.querySelector('button') as HTMLButtonElement).disabled).toBe(true);
    page?.unmount();
    const refused = await draw(base, { pending: { kind: 'error', message: 'Rate limited.' } });
    expect(refused.el.textContent).toContain('Could not follow');
    expect(refused.el.title).toBe('Rate limited.');
  });

  it('is in the Tab order only when active', async () => {
    expect((await draw(base)).el.tabIndex).toBe(-1);
    page?.unmount();
    expect((await draw(base, { active: true })).el.tabIndex).toBe(0);
  });
});
