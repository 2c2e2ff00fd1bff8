import type { BrowserContext } from 'playwright-core';

// memory.worker.*: the service worker's heap, read where Playwright does not reach.

/** The extension service worker's JS heap after GC, through a browser-level CDP session (workers have no page session). */
export async function workerHeap(context: BrowserContext): Promise<number> {
  const browser = context.browser();
  if (!browser) throw new Error('no browser for the context');
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find(
    (t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'),
  );
  if (!worker) throw new Error('no extension service worker');
  const { sessionId } = await cdp.send('Target.attachToTarget', {
    targetId: worker.targetId,
    flatten: false,
  });
  const answers = new Map<number, (message: { result?: unknown; error?: { message: string } }) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message);
    if (event.sessionId === sessionId) answers.get(message.id)?.(message);
  });
  let lastId = 0;
  const call = <T>(method: string) =>
    new Promise<T>((done, fail) => {
      const id = ++lastId;
      answers.set(id, (m) => (m.error ? fail(new Error(m.error.message)) : done(m.result as T)));
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
    });
  await call('HeapProfiler.collectGarbage');
  const { usedSize } = await call<{ usedSize: number }>('Runtime.getHeapUsage');
  await cdp.send('Target.detachFromTarget', { sessionId });
  await cdp.detach();
  return usedSize;
}
