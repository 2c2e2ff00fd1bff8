import { useRef, useState } from 'preact/hooks';

/** Where a drag stands: nothing over the zone, a file over it, or several files dropped (one is taken). */
export type DropState = 'idle' | 'over' | 'many';

/** The drag-and-drop events of a zone that takes one dropped file; spread `handlers` on the zone's element. */
export function useFileDrop(onFile: (file: File) => void) {
  const [state, setState] = useState<DropState>('idle');
  // dragenter and dragleave fire for every child crossed: count them to know when the file left the zone.
  const depth = useRef(0);
  const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
  const handlers = {
    onDragEnter(event: DragEvent) {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth.current++;
      setState('over');
    },
    onDragOver(event: DragEvent) {
      if (!carriesFiles(event)) return;
      // Without this the browser opens the file instead of handing it to the page.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    },
    onDragLeave() {
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setState((old) => (old === 'over' ? 'idle' : old));
    },
    onDrop(event: DragEvent) {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth.current = 0;
      const files = [...(event.dataTransfer?.files ?? [])];
      setState(files.length === 1 ? 'idle' : 'many');
      if (files.length === 1) onFile(files[0] as File);
    },
  };
  return { state, handlers };
}
