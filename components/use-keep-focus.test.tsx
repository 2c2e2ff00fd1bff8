// @vitest-environment happy-dom
import { useRef, useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { type Mounted, mount, waitFor } from '../tests/helpers/mount';
import { useKeepFocus } from './use-keep-focus';

let page: Mounted;
afterEach(() => page?.unmount());

let setNames: (names: string[]) => void = () => {};

/** A list of names, each with a Remove and a Rename control; a search box outside it as the fallback. */
function List({ initial }: { initial: string[] }) {
  const [names, set] = useState(initial);
  setNames = set;
  const [list, setList] = useState<HTMLUListElement | null>(null);
  const search = useRef<HTMLInputElement>(null);
  useKeepFocus(list, () => search.current);
  return (
    <div>
      <input ref={search} data-testid="search" />
      <ul ref={setList}>
        {names.map((name) => (
          <li key={name} data-focus-key={name}>
            <button type="button" data-testid="rename">
              Rename {name}
            </button>
            <button type="button" data-testid="remove">
              Remove {name}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" data-testid="outside">
        Elsewhere
      </button>
    </div>
  );
}

const focused = () =>
  document.activeElement?.textContent ?? document.activeElement?.getAttribute('data-testid');
const button = (text: string) =>
  [...page.container.querySelectorAll('button')].find((b) => b.textContent === text) as HTMLButtonElement;

async function setList(names: string[]) {
  await act(() => setNames(names));
}

describe('useKeepFocus', () => {
  it('hands the focus of a removed item to the same control of the item now at its place', async () => {
    page = await mount(<List initial={['ada', 'bruno', 'chiara']} />);
    button('Remove bruno').focus();
    await setList(['ada', 'chiara']);
    await waitFor(() => focused() === 'Remove chiara');
  });

  it('falls back to the last item when the last one left, and to the fallback when none is left', async () => {
    page = await mount(<List initial={['ada', 'bruno']} />);
    button('Rename bruno').focus();
    await setList(['ada']);
    await waitFor(() => focused() === 'Rename ada');
    await setList([]);
    await waitFor(() => document.activeElement?.getAttribute('data-testid') === 'search');
  });

  it('leaves the focus alone when it moved elsewhere on purpose', async () => {
    page = await mount(<List initial={['ada', 'bruno']} />);
    button('Remove bruno').focus();
    button('Elsewhere').focus();
    await setList(['ada']);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(focused()).toBe('Elsewhere');
  });
});
