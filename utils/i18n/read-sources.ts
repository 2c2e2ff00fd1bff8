import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, type Sources } from './catalog';

// Node only (the build reads the translations from disk): `locales/<area>/<lang>.json`.
export function readSources(dir: string): Sources {
  const sources: Sources = {};
  for (const area of readdirSync(dir)) {
    sources[area] = {};
    for (const lang of LANGUAGES) {
      const file = join(dir, area, `${lang}.json`);
      try {
        sources[area][lang] = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`${file}: ${String(error)}`);
      }
    }
  }
  return sources;
}
