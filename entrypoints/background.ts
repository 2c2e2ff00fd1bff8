import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { getDb } from '../utils/db';
import { handleContentMessage } from '../utils/messages';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Only our own content scripts and pages may talk to us; other extensions cannot.
    if (sender.id !== browser.runtime.id) return undefined;
    return getDb().then((db) => handleContentMessage(db, message));
  });
});
