/**
 * shapes/decisions.ttl guards the public graphs of the register on every write: a published
 * version with a decision lacking its motivering, or a vote with a count that is not an integer,
 * is refused by the validating store; a complete one passes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { literal, namedNode, quad } from '../../src/shared/rdf/factory.js';
import { BESLUIT, DCT, ELI, NFO, PROV, RDF_, SIGN, STELSEL, XSD } from '../../src/shared/rdf/vocab.js';
import { makeTestApp } from '../support/app.js';

let t: Awaited<ReturnType<typeof makeTestApp>>;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t?.close());

const graph = () => t.uris.graph('besluitpublicatie', 'shape-test', 'besluitenlijst', String(Math.floor(Math.random() * 1e9)));

function besluit(withMotivering: boolean) {
  const g = graph();
  const s = t.uris.id('besluit', 'shape-test');
  return [
    quad(s, RDF_.type, BESLUIT.Besluit, g),
    quad(s, ELI.title, literal('Besluit'), g),
    quad(s, PROV.wasGeneratedBy, t.uris.id('behandeling', 'shape-test'), g),
    quad(s, ELI.realizes, t.uris.id('rechtsgrond', 'shape-test'), g),
    ...(withMotivering ? [quad(s, BESLUIT.motivering, literal('Omdat'), g)] : []),
  ];
}

describe('shapes/decisions.ttl', () => {
  it('accepts a complete decision', async () => {
    await expect(t.store.transact({ insert: besluit(true) })).resolves.toBeUndefined();
  });

  it('refuses a decision without motivering', async () => {
    await expect(t.store.transact({ insert: besluit(false) })).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('refuses a vote whose count is not an integer', async () => {
    const g = graph();
    const s = namedNode(t.uris.id('stemming', 'shape-test').value);
    const insert = [
      quad(s, RDF_.type, BESLUIT.Stemming, g),
      quad(s, BESLUIT.onderwerp, literal('x'), g),
      quad(s, BESLUIT.gevolg, literal('x'), g),
      quad(s, BESLUIT.geheim, literal('false', XSD.boolean), g),
      quad(s, BESLUIT.aantalVoorstanders, literal('drie'), g),
      quad(s, BESLUIT.aantalTegenstanders, literal('0', XSD.integer), g),
      quad(s, BESLUIT.aantalOnthouders, literal('0', XSD.integer), g),
    ];
    await expect(t.store.transact({ insert })).rejects.toMatchObject({ code: 'validation_failed' });
  });

  const bijlage = (sha: string, format = 'application/pdf') => {
    const g = graph();
    const s = t.uris.id('bijlage', `shape-test-${Math.floor(Math.random() * 1e9)}`);
    return [
      quad(s, RDF_.type, NFO.FileDataObject, g),
      quad(s, NFO.fileName, literal('reglement.pdf'), g),
      quad(s, NFO.fileSize, literal('1234', XSD.integer), g),
      quad(s, DCT.format, literal(format), g),
      quad(s, STELSEL.sha256, literal(sha), g),
    ];
  };

  it('accepts a described attachment and refuses a bad checksum or another media type', async () => {
    await expect(t.store.transact({ insert: bijlage('a'.repeat(64)) })).resolves.toBeUndefined();
    await expect(t.store.transact({ insert: bijlage('A'.repeat(64)) })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(t.store.transact({ insert: bijlage('a'.repeat(64), 'text/html') })).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('refuses a signature without signatory or with another algorithm', async () => {
    const signature = (withSigner: boolean, algorithm = 'sha256') => {
      const g = graph();
      const s = t.uris.id('handtekening', `shape-test-${Math.floor(Math.random() * 1e9)}`);
      return [
        quad(s, RDF_.type, SIGN.SignedResource, g),
        quad(s, SIGN.hashValue, literal('b'.repeat(64)), g),
        quad(s, SIGN.hashAlgorithm, literal(algorithm), g),
        quad(s, DCT.created, literal('2026-01-15T20:00:00Z', XSD.dateTime), g),
        quad(s, DCT.subject, t.uris.id('versie', 'x'), g),
        ...(withSigner ? [quad(s, SIGN.signatory, t.uris.id('agent', 'x'), g)] : []),
      ];
    };
    await expect(t.store.transact({ insert: signature(true) })).resolves.toBeUndefined();
    await expect(t.store.transact({ insert: signature(false) })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(t.store.transact({ insert: signature(true, 'md5') })).rejects.toMatchObject({ code: 'validation_failed' });
  });
});
