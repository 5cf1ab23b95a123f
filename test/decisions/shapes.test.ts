/**
 * shapes/decisions.ttl guards the public graphs of the register on every write: a published
 * version with a decision lacking its motivering, or a vote with a count that is not an integer,
 * is refused by the validating store; a complete one passes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { literal, namedNode, quad } from '../../src/shared/rdf/factory.js';
import { BESLUIT, ELI, PROV, RDF_, XSD } from '../../src/shared/rdf/vocab.js';
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
});
