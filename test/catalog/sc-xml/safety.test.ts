import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseScCatalogue } from '../../../src/catalog/sc-xml/parse.js';
import { FIXTURE_DIR } from './fixture-manifest.js';

const fixture = (name: string): Buffer => readFileSync(join(FIXTURE_DIR, name));
const BASIS = fixture('valid/aalsmeer-basis.xml');

async function* chunks(buf: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

describe('safety: DTDs and entities', () => {
  it('refuses billion laughs quickly, without expanding anything', async () => {
    const doc = fixture('invalid/doctype-billion-laughs.xml');
    // Warm up the module so the timing measures the parse only.
    await parseScCatalogue(BASIS, { maxBytes: 1_000_000 });
    const heapBefore = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const result = await parseScCatalogue(doc, { maxBytes: 1_000_000 });
    const elapsed = performance.now() - t0;
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([expect.objectContaining({ code: 'xml-doctype', line: 2, column: 1 })]);
    expect(result.products).toEqual([]);
    expect(elapsed).toBeLessThan(100);
    // Expanding &lol9; would need 10^9 "lol"s (~3 GB); we stay within a few MB.
    expect(heapGrowth).toBeLessThan(16 * 1024 * 1024);
  });

  it('refuses a deeper billion laughs (10 levels, 20 per level) just as fast', async () => {
    const entities = Array.from({ length: 10 }, (_, i) =>
      ` <!ENTITY l${i + 1} "${(i === 0 ? '&l0;' : `&l${i};`).repeat(20)}">`).join('\n');
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE x [\n <!ENTITY l0 "lol">\n${entities}\n]>\n<x>&l10;</x>`;
    const t0 = performance.now();
    const result = await parseScCatalogue(xml, { maxBytes: 1_000_000 });
    expect(performance.now() - t0).toBeLessThan(100);
    expect(result.errors.map((e) => e.code)).toEqual(['xml-doctype']);
  });

  describe('XXE', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sc-xxe-'));
    const secretFile = join(dir, 'secret.txt');
    const marker = `GEHEIM-${Math.random().toString(36).slice(2)}`;
    writeFileSync(secretFile, marker);
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('never reads an external entity (file)', async () => {
      const xml = BASIS.toString('utf8').replace('<overheidproduct:scproducten',
        `<!DOCTYPE overheidproduct:scproducten [\n <!ENTITY xxe SYSTEM "file://${secretFile}">\n]>\n<overheidproduct:scproducten`)
        .replace('<dcterms:title>Paspoort aanvragen', '<dcterms:title>&xxe;');
      const result = await parseScCatalogue(xml, { maxBytes: 1_000_000 });
      expect(result.ok).toBe(false);
      expect(result.errors.map((e) => e.code)).toEqual(['xml-doctype']);
      expect(JSON.stringify(result)).not.toContain(marker);
    });

    it('never reads a parameter entity or an external DTD', async () => {
      const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE x SYSTEM "file://${secretFile}" [\n <!ENTITY % p SYSTEM "file://${secretFile}">\n %p;\n]>\n<x/>`;
      const result = await parseScCatalogue(xml, { maxBytes: 1_000_000 });
      expect(result.errors.map((e) => e.code)).toEqual(['xml-doctype']);
      expect(JSON.stringify(result)).not.toContain(marker);
    });

    it('refuses the XXE fixture at the DOCTYPE', async () => {
      const result = await parseScCatalogue(fixture('invalid/doctype-xxe.xml'), { maxBytes: 1_000_000 });
      expect(result.errors).toEqual([expect.objectContaining({ code: 'xml-doctype', line: 2, column: 1 })]);
      expect(JSON.stringify(result)).not.toContain('root:');
    });
  });

  it('an undeclared entity is a well-formedness error, not an expansion', async () => {
    const result = await parseScCatalogue(BASIS.toString('utf8').replace('Paspoort aanvragen', '&lol9;'), { maxBytes: 1_000_000 });
    expect(result.errors.map((e) => e.code)).toEqual(['xml-malformed']);
  });
});

describe('safety: size limit', () => {
  it('refuses a Buffer over maxBytes', async () => {
    const result = await parseScCatalogue(BASIS, { maxBytes: 1000 });
    expect(result.ok).toBe(false);
    expect(result.errors.map((e) => e.code)).toEqual(['xml-too-large']);
    expect(result.errors[0]?.message).toContain('1000 bytes');
  });

  it('refuses a string over maxBytes (counted in UTF-8 bytes, not characters)', async () => {
    const xml = BASIS.toString('utf8').replace('Paspoort aanvragen', '€'.repeat(400));
    const bytes = Buffer.byteLength(xml);
    expect((await parseScCatalogue(xml, { maxBytes: bytes })).ok).toBe(true);
    expect((await parseScCatalogue(xml, { maxBytes: bytes - 1 })).errors.map((e) => e.code)).toEqual(['xml-too-large']);
  });

  it('stops pulling from an endless stream right after the limit', async () => {
    let pulled = 0;
    let closed = false;
    async function* endless(): AsyncIterable<Uint8Array> {
      try {
        yield Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<overheidproduct:scproducten xmlns:overheidproduct="http://standaarden.overheid.nl/product/terms/">');
        for (;;) {
          pulled++;
          yield Buffer.from('<!-- opvulling -->'.repeat(1000));
        }
      } finally {
        closed = true;
      }
    }
    const t0 = performance.now();
    const result = await parseScCatalogue(endless(), { maxBytes: 1_000_000 });
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(result.errors.map((e) => e.code)).toEqual(['xml-too-large']);
    expect(pulled).toBeLessThanOrEqual(Math.ceil(1_000_000 / 18_000) + 1);
    expect(closed).toBe(true);
  });
});

describe('safety: encoding and declaration', () => {
  const text = BASIS.toString('utf8');

  it('refuses invalid UTF-8 with the position of the bad byte', async () => {
    const result = await parseScCatalogue(fixture('invalid/invalid-utf8-bytes.xml'), { maxBytes: 1_000_000 });
    expect(result.errors).toEqual([expect.objectContaining({ code: 'xml-invalid-utf8', line: 7, column: 44 })]);
  });

  it.each([
    ['overlong encoding of /', [0xc0, 0xaf]],
    ['UTF-16 surrogate', [0xed, 0xa0, 0x80]],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['lone continuation byte', [0x80]],
  ])('refuses %s', async (_label, bad) => {
    const [before, after] = text.split('Paspoort aanvragen') as [string, string];
    const doc = Buffer.concat([Buffer.from(before), Buffer.from(bad), Buffer.from(after)]);
    const result = await parseScCatalogue(doc, { maxBytes: 1_000_000 });
    expect(result.errors).toEqual([expect.objectContaining({ code: 'xml-invalid-utf8', line: 7, column: 24 })]);
  });

  it('refuses a UTF-8 sequence cut off at the end of the input', async () => {
    const doc = Buffer.concat([BASIS, Buffer.from([0xe2, 0x82])]);
    const result = await parseScCatalogue(doc, { maxBytes: 1_000_000 });
    expect(result.errors.map((e) => e.code)).toEqual(['xml-invalid-utf8']);
  });

  it('accepts multi-byte characters split across stream chunks', async () => {
    const doc = Buffer.from(text.replace('Paspoort aanvragen', 'Paspoort aanvragen – één keer € 84,30 🛂'));
    const whole = await parseScCatalogue(doc, { maxBytes: 1_000_000 });
    for (const size of [1, 2, 3, 5, 7]) {
      const streamed = await parseScCatalogue(chunks(doc, size), { maxBytes: 1_000_000 });
      expect(streamed).toEqual(whole);
    }
    expect(whole.ok).toBe(true);
    expect(whole.products[0]?.title).toBe('Paspoort aanvragen – één keer € 84,30 🛂');
  });

  it('refuses a declared non-UTF-8 encoding', async () => {
    for (const enc of ['ISO-8859-1', 'windows-1252', 'UTF-16', 'US-ASCII']) {
      const result = await parseScCatalogue(text.replace('encoding="UTF-8"', `encoding="${enc}"`), { maxBytes: 1_000_000 });
      expect(result.errors.map((e) => e.code)).toEqual(['xml-encoding']);
    }
  });

  it('accepts encoding="utf-8" in any case, and no encoding at all (UTF-8 is the default)', async () => {
    expect((await parseScCatalogue(text.replace('encoding="UTF-8"', 'encoding="utf-8"'), { maxBytes: 1_000_000 })).ok).toBe(true);
    expect((await parseScCatalogue(text.replace(' encoding="UTF-8"', ''), { maxBytes: 1_000_000 })).ok).toBe(true);
  });

  it('requires the XML declaration, also after a byte order mark', async () => {
    const noDecl = text.slice(text.indexOf('\n') + 1);
    expect((await parseScCatalogue(noDecl, { maxBytes: 1_000_000 })).errors.map((e) => e.code)).toEqual(['xml-declaration-missing']);
    expect((await parseScCatalogue(`\uFEFF${noDecl}`, { maxBytes: 1_000_000 })).errors.map((e) => e.code)).toEqual(['xml-declaration-missing']);
    expect((await parseScCatalogue(`\uFEFF${text}`, { maxBytes: 1_000_000 })).ok).toBe(true);
    expect((await parseScCatalogue('<?xml-stylesheet href="a.xsl"?><a/>', { maxBytes: 1_000_000 })).errors.map((e) => e.code))
      .toEqual(['xml-declaration-missing']);
  });

  it('reports empty and tiny inputs', async () => {
    expect((await parseScCatalogue('', { maxBytes: 10 })).errors.map((e) => e.code)).toEqual(['xml-declaration-missing']);
    expect((await parseScCatalogue('<?xml version="1.0"?>', { maxBytes: 100 })).errors.map((e) => e.code)).toEqual(['xml-malformed']);
  });
});

describe('problem cap', () => {
  it('stops after maxErrors problems with a final sc-too-many-errors', async () => {
    const base = BASIS.toString('utf8');
    const start = base.indexOf('  <overheidproduct:scproduct ');
    const end = base.indexOf('</overheidproduct:scproducten>');
    const bad = base.slice(start, end).replace('>digid<', '>misschien<');
    const xml = base.slice(0, start) + bad.repeat(50) + base.slice(end);
    const result = await parseScCatalogue(xml, { maxBytes: 10_000_000, maxErrors: 10 });
    expect(result.errors).toHaveLength(11);
    expect(result.errors.slice(0, 10).every((e) => e.code === 'sc-value')).toBe(true);
    expect(result.errors[10]?.code).toBe('sc-too-many-errors');
  });
});
