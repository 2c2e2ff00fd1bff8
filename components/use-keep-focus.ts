import { useEffect, useRef } from 'preact/hooks';

/** Where the focus was in a list: the item (by key), its place, and which of its controls. */
interface FocusMark {
  key: string;
  index: number;
  control: string | null;
}

/**
 * Keeps keyboard focus in a list whose items come and go (a gap followed, a teammate deleted). When the focused
 * control leaves the page or is disabled, the focus moves, after the next render, to the same control of that item
 * if it is back, else of the item now at its place (or the last one), else to `fallback`. Items carry
 * `data-focus-key`; controls are told apart by their `data-testid`.
 */
export function useKeepFocus(
  list: HTMLElement | null,
  fallback?: () => HTMLElement | null | undefined,
): void {
  const mark = useRef<FocusMark | null>(null);
  const fallbackRef = useRef(fallback);
  fallbackRef.current = fallback;

  useEffect(() => {
    if (!list) return;
    const onFocusIn = (event: FocusEvent) => {
      const control = event.target as HTMLElement;
      const item = control.closest<HTMLElement>('[data-focus-key]');
      if (!item?.dataset.focusKey) return;
      mark.current = {
        key: item.dataset.focusKey,
        index: items(list).indexOf(item),
        control: control.dataset.testid ?? null,
      };
    };
    const onFocusOut = (event: FocusEvent) => {
      const control = event.target as HTMLElement;
      // Focus went somewhere on purpose (Tab, a click on another control): nothing to keep.
      if (event.relatedTarget) mark.current = null;
      // A blur by a click on the page leaves the control where it was; one by its removal does not.
      else
        setTimeout(() => {
          if (
            control.isConnected &&
            !(control as HTMLButtonElement).disabled &&
            document.activeElement !== control
          )
            mark.current = null;
        }, 0);
    };
    list.addEventListener('focusin', onFocusIn);
    list.addEventListener('focusout', onFocusOut);
    return () => {
      list.removeEventListener('focusin', onFocusIn);
      list.removeEventListener('focusout', onFocusOut);
    };
  }, [list]);

  // After every render: if the focus fell to the page, put it back in the list (or on the fallback once the
  // list itself is gone).
  useEffect(() => {
    const kept = mark.current;
    if (!kept || !focusLost()) return;
    const all = list ? items(list) : [];
    const item =
      all.find((candidate) => candidate.dataset.focusKey === kept.key) ??
      all[Math.min(kept.index, all.length - 1)];
    if (item) controlOf(item, kept.control)?.focus();
    else {
      mark.current = null;
      fallbackRef.current?.()?.focus();
    }
  });
}

/** True when nothing has the focus: it fell to the page's body, or its element left the page. */
export function focusLost(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected;
}

function items(list: HTMLElement): HTMLElement[] {
  return [...list.querySelectorAll<HTMLElement>('[data-focus-key]')];
}

/** The item's control with that test id if enabled, else its first enabled button, else its first link. */
function controlOf(item: HTMLElement, testId: string | null): HTMLElement | null {
  const same = testId ? item.querySelector<HTMLElement>(`[data-testid="${testId}"]:not(:disabled)`) : null;
  return same ?? item.querySelector<HTMLElement>('button:not(:disabled)') ?? item.querySelector('a[href]');
}
