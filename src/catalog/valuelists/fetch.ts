/**
 * Downloads the official value lists into a directory with the loader's layout (see load.ts), so
 * `loadValueLists({ dir })` can load them. Each download has a timeout and a size limit; only
 * http(s) URLs, no credentials in URLs, a bounded number of redirects (fetch's own limit of 20 is
 * not used: redirects are followed manually).
 *
 * The official URLs (standaarden.overheid.nl, the KOOP repository of TOOI register exports) are the
 * constants below; a deployment can pass its own list (e.g. a mirror).
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LAYOUT } from './load.js';

export interface ValueListSource {
  url: string;
  /** Target path inside the directory (the loader's layout). */
  path: string;
  /** Missing optional sources are reported, not fatal. */
  optional?: boolean;
}

const TOOI_REPO = 'https://repository.officiele-overheidspublicaties.nl/waardelijsten';
const tooi = (name: string, version: number): ValueListSource => ({
  url: `${TOOI_REPO}/${name}/${version}/json/${name}_${version}.json`,
  path: `${LAYOUT.tooiDir}/${name}_${version}.json`,
  optional: true,
});

/** The official sources. TOOI export versions change over time; pass a newer list when they do. */
export const OFFICIAL_SOURCES: readonly ValueListSource[] = [
  { url: 'https://standaarden.overheid.nl/owms/terms/Gemeente.xml', path: LAYOUT.gemeente },
  { url: 'https://standaarden.overheid.nl/owms/terms/Overheidsorganisatie.xml', path: LAYOUT.overheidsorganisatie, optional: true },
  { url: 'https://standaarden.overheid.nl/owms/oquery/UPL-actueel.csv', path: LAYOUT.upl },
  { url: 'https://standaarden.overheid.nl/owms/oquery/UPL-SDG-Informatiegebied.csv', path: LAYOUT.uplSdg, optional: true },
  tooi('rwc_gemeenten_compleet', 4),
  tooi('rwc_provincies_compleet', 1),
  tooi('rwc_waterschappen_compleet', 1),
  tooi('rwc_ministeries_compleet', 1),
];

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  fetchImpl?: typeof fetch;
}

export interface FetchReport {
  downloaded: { url: string; path: string; bytes: number }[];
  failed: { url: string; path: string; error: string; optional: boolean }[];
}

export class ValueListFetchError extends Error {
  readonly code = 'valuelist_fetch_failed';
}

/** Downloads one URL with the limits; returns the body. */
export async function fetchLimited(url: string, opts: FetchOptions = {}): Promise<Buffer> {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const maxBytes = opts.maxBytes ?? 50 * 1024 * 1024;
  const maxRedirects = opts.maxRedirects ?? 5;
  const doFetch = opts.fetchImpl ?? fetch;
  const signal = AbortSignal.timeout(timeoutMs);
  let current = url;
  for (let hop = 0; ; hop++) {
    const u = new URL(current);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new ValueListFetchError(`${current}: only http and https are allowed`);
    if (u.username || u.password) throw new ValueListFetchError(`${current}: credentials in URLs are refused`);
    let res: Response;
    try {
      res = await doFetch(current, { redirect: 'manual', signal });
    } catch (e) {
      throw new ValueListFetchError(`${current}: ${signal.aborted ? `timed out after ${timeoutMs} ms` : (e as Error).message}`);
    }
    if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
      await res.body?.cancel();
      if (hop >= maxRedirects) throw new ValueListFetchError(`${url}: more than ${maxRedirects} redirects`);
      current = new URL(res.headers.get('location')!, current).toString();
      continue;
    }
    if (res.status !== 200) {
      await res.body?.cancel();
      throw new ValueListFetchError(`${current}: HTTP ${res.status}`);
    }
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) {
      await res.body?.cancel();
      throw new ValueListFetchError(`${current}: larger than ${maxBytes} bytes`);
    }
    const parts: Buffer[] = [];
    let size = 0;
    try {
      const reader = res.body?.getReader();
      for (;;) {
        if (!reader) break;
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > maxBytes) {
          await reader.cancel();
          throw new ValueListFetchError(`${current}: larger than ${maxBytes} bytes`);
        }
        parts.push(Buffer.from(value));
      }
    } catch (e) {
      if (e instanceof ValueListFetchError) throw e;
      throw new ValueListFetchError(`${current}: ${signal.aborted ? `timed out after ${timeoutMs} ms` : (e as Error).message}`);
    }
    return Buffer.concat(parts);
  }
}

/**
 * Downloads every source into `dir` (each written to a temporary name, then renamed). A failing
 * required source throws after the others were tried; failing optional ones are reported.
 */
export async function fetchValueLists(dir: string, sources: readonly ValueListSource[] = OFFICIAL_SOURCES, opts: FetchOptions = {}): Promise<FetchReport> {
  const report: FetchReport = { downloaded: [], failed: [] };
  for (const s of sources) {
    const target = path.resolve(dir, s.path);
    if (!target.startsWith(path.resolve(dir) + path.sep)) throw new ValueListFetchError(`${s.path}: outside the target directory`);
    try {
      const body = await fetchLimited(s.url, opts);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(`${target}.part`, body);
      await rename(`${target}.part`, target);
      report.downloaded.push({ url: s.url, path: s.path, bytes: body.byteLength });
    } catch (e) {
      report.failed.push({ url: s.url, path: s.path, error: (e as Error).message, optional: s.optional ?? false });
    }
  }
  const fatal = report.failed.filter((f) => !f.optional);
  if (fatal.length) throw new ValueListFetchError(fatal.map((f) => f.error).join('; '));
  return report;
}
