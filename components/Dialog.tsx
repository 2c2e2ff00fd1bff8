import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import { focusLost } from './use-keep-focus';

interface DialogProps {
  title: string;
  /** Called when the dialog closes by itself (Escape) or the parent unmounts it. */
  onClose: () => void;
  children: ComponentChildren;
  testId?: string;
}

/**
 * A modal <dialog>, open while mounted: the browser traps focus, Escape closes it,
 * and closing returns focus to where it was.
 */
export function Dialog({ title, onClose, children, testId }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const handleClose = () => onCloseRef.current();
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.addEventListener('close', handleClose);
    if (!dialog.open) dialog.showModal();
    return () => {
      dialog.removeEventListener('close', handleClose);
      // Close before Preact removes the node, so the browser restores focus.
      if (dialog.open) dialog.close();
      // Where the browser does not (or the opener was drawn again), put it back by hand.
      if (opener?.isConnected && focusLost()) opener.focus();
    };
  }, []);

  return (
    <dialog ref={ref} class="dialog" aria-labelledby={titleId} data-testid={testId}>
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}
