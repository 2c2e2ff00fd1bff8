// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadText } from './download';

afterEach(() => vi.useRealTimers());

describe('downloadText', () => {
  it('clicks a temporary download link for a blob, then removes the link and revokes the URL', async () => {
    vi.useFakeTimers();
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:teamfollow-test';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicks: { download: string; href: string; inDocument: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ download: this.download, href: this.href, inDocument: this.isConnected });
    });

    downloadText('teamfollow-roster.csv', 'name\r\nAda\r\n', 'text/csv;charset=utf-8');

    expect(clicks).toEqual([
      { download: 'teamfollow-roster.csv', href: 'blob:teamfollow-test', inDocument: true },
    ]);
    expect(document.querySelector('a[download]')).toBeNull();
    expect(await blobs[0]?.text()).toBe('name\r\nAda\r\n');
    expect(blobs[0]?.type).toBe('text/csv;charset=utf-8');
    expect(revoke).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(revoke).toHaveBeenCalledWith('blob:teamfollow-test');
  });
});
