import { describe, expect, it, vi } from 'vitest';
import { openWelcomeOnInstall } from './welcome';

describe('openWelcomeOnInstall', () => {
  it.each([
    ['install', 1],
    ['update', 0],
    ['chrome_update', 0],
    ['browser_update', 0],
    ['shared_module_update', 0],
  ])('on %s opens the first-run page %i time(s)', (reason, times) => {
    const openTab = vi.fn(async () => undefined);
    openWelcomeOnInstall(openTab, 'chrome-extension://id/welcome.html')({ reason });
    expect(openTab).toHaveBeenCalledTimes(times);
    if (times) expect(openTab).toHaveBeenCalledWith('chrome-extension://id/welcome.html');
  });
});
