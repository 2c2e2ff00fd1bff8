// Small helpers for Preact component tests under happy-dom (no testing-library in this project).
import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';

export interface Mounted {
  container: HTMLElement;
  unmount: () => void;
}

export async function mount(ui: ComponentChild): Promise<Mounted> {
  const container = document.createElement('div');
  document.body.append(container);
  await act(() => {
    render(ui, container);
  });
  return {
    container,
    unmount: () => {
      render(null, container);
      container.remove();
    },
  };
}

/** Polls until `check` returns something truthy (IndexedDB work finishes outside act). */
export async function waitFor<T>(check: () => T | null | undefined | false, timeoutMs = 3000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const result = check();
    if (result) return result;
    if (Date.now() - started > timeoutMs) throw new Error(`waitFor timed out: ${check.toString()}`);
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
}

export async function typeInto(field: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  await act(() => {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function click(element: Element | null): Promise<void> {
  if (!(element instanceof HTMLElement)) throw new Error('click: no element');
  await act(() => {
    element.click();
  });
}

export function byTestId<T extends Element = HTMLElement>(root: ParentNode, id: string): T {
  const element = root.querySelector<T>(`[data-testid="${id}"]`);
  if (!element) throw new Error(`No element with data-testid="${id}"`);
  return element;
}

export function allByTestId<T extends Element = HTMLElement>(root: ParentNode, id: string): T[] {
  return [...root.querySelectorAll<T>(`[data-testid="${id}"]`)];
}
