import { cp, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import {
  EXTENSION_DIR as BUILT_DIR,
  type ExtensionBrowser,
  extensionBrowser,
  launchChromium,
} from '../e2e/harness';

// A private copy of the build: teammates rebuild .output/ at any time, which would pull it from under a running browser.
export const EXTENSION_DIR = resolve(import.meta.dirname, 'out/chrome-mv3');

/** Copies the build in .output/ to EXTENSION_DIR. */
export async function copyBuild(): Promise<void> {
  await rm(EXTENSION_DIR, { recursive: true, force: true });
  await cp(BUILT_DIR, EXTENSION_DIR, { recursive: true });
}

/** The e2e tests' browser, with the private copy of the build. */
export async function launchWithExtension(): Promise<ExtensionBrowser> {
  return extensionBrowser(await launchChromium(EXTENSION_DIR));
}

/** The e2e tests' browser without any extension: the other side of a comparison. */
export function launchWithout(): Promise<BrowserContext> {
  return launchChromium(null);
}
