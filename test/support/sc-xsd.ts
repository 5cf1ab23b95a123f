/**
 * The official SC 4.0 XSD from ../shared/reference/sc-xsd (read at test time, never copied), as
 * xmllint-wasm wants it: the main schema plus every included or redefined file to preload.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SC_XSD_ROOT = resolve(fileURLToPath(new URL('../../', import.meta.url)), '../shared/reference/sc-xsd');
export const SC_MAIN_XSD = 'standaarden.overheid.nl/sc/4.0/xsd/sc.xsd';
export const SC_XSD_PRESENT = existsSync(join(SC_XSD_ROOT, SC_MAIN_XSD));

export interface XsdFile {
  fileName: string;
  contents: string;
}

/** Every .xsd under the reference folder, named relative to it (the includes resolve that way). */
export function scXsdFiles(): XsdFile[] {
  const out: XsdFile[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.xsd')) out.push({ fileName: relative(SC_XSD_ROOT, path), contents: readFileSync(path, 'utf8') });
    }
  };
  walk(SC_XSD_ROOT);
  return out;
}
