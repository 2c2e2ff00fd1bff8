import { readdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { figure } from './figures';
import { EXTENSION_DIR } from './launch';

// size.*: the bytes of each entry point as built, raw and gzip -9.

/** The file and every module it statically imports, relative to the extension root. */
async function withImports(file: string, seen = new Set<string>()): Promise<Set<string>> {
  if (seen.has(file)) return seen;
  seen.add(file);
  if (!file.endsWith('.js')) return seen;
  const code = await readFile(resolve(EXTENSION_DIR, file), 'utf8');
  const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
  for (const [, spec] of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+)["']/g)) {
    await withImports(new URL(spec ?? '', `file:///${dir}`).pathname.slice(1), seen);
  }
  return seen;
}

/** An HTML page with the scripts, preloads and styles it loads. */
async function pageFiles(html: string): Promise<Set<string>> {
  const files = new Set([html]);
  const text = await readFile(resolve(EXTENSION_DIR, html), 'utf8');
  for (const [, path] of text.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g))
    await withImports(path ?? '', files);
  return files;
}

/** Bytes of these files as built, and gzip -9, each file compressed on its own. */
async function sizeOf(files: Iterable<string>): Promise<{ raw: number; gzip: number }> {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = await readFile(resolve(EXTENSION_DIR, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

/** Measures the size.* figures of the build in EXTENSION_DIR. */
export async function benchSize(): Promise<void> {
  const manifest = JSON.parse(await readFile(resolve(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  // What a site's page runs: at load the boot script the manifest declares (`size.boot`), and on a profile or a
  // following list the page reader the background injects (content-scripts/<site>.js, `size.content-script`). The
  // budgets hold for each script, so the largest of each kind is reported.
  const scripts: { js?: string[]; css?: string[] }[] = manifest.content_scripts ?? [];
  const boots = await largestFirst(
    scripts.map((script) => new Set([...(script.js ?? []), ...(script.css ?? [])])),
  );
  const readerFiles = await readdir(resolve(EXTENSION_DIR, 'content-scripts'));
  const readers = await largestFirst(
    readerFiles
      .filter((file) => file.endsWith('.js'))
      .map(
        (file) =>
          new Set([
            `content-scripts/${file}`,
            ...readerFiles
              .filter((css) => css === file.replace(/\.js$/, '.css'))
              .map((css) => `content-scripts/${css}`),
          ]),
      ),
  );
  const entries: Record<string, Set<string>> = {
    background: await withImports(manifest.background.service_worker),
    boot: boots[0]?.files ?? new Set(),
    'content-script': readers[0]?.files ?? new Set(),
    popup: await pageFiles(manifest.action.default_popup),
    options: await pageFiles(manifest.options_ui?.page ?? manifest.options_page),
  };
  for (const [entry, files] of Object.entries(entries)) {
    const { raw, gzip } = await sizeOf(files);
    figure(`size.${entry}.raw`, raw / 1024, 'KB');
    figure(`size.${entry}.gzip`, gzip / 1024, 'KB');
    process.stderr.write(`size ${entry}: ${[...files].join(', ')}\n`);
  }
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  for (const [kind, list] of [
    ['boot scripts', boots],
    ['page readers', readers],
  ] as const) {
    process.stderr.write(
      `${kind}, KB gzip: ${list.map((c) => `${[...c.files].join('+')} ${kb(c.gzip)}`).join(', ')}\n`,
    );
  }
}

/** Each set of files with its size, the largest (gzip) first. */
async function largestFirst(sets: Set<string>[]) {
  const sized = await Promise.all(sets.map(async (files) => ({ files, ...(await sizeOf(files)) })));
  return sized.sort((a, b) => b.gzip - a.gzip);
}
