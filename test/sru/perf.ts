/**
 * Search latency at national scale (not part of the test run):
 *   node --expose-gc --import tsx test/sru/perf.ts [products=60000]
 * Fills an embedded store with generated products (product graphs and their index graphs as an
 * import writes them, bulk-loaded), then times SruSearchService.search for typical SC queries.
 */
import path from 'node:path';
import { EmbeddedStore } from '../../src/shared/store/embedded/embedded-store.js';
import { AuditLog } from '../../src/shared/audit/audit-log.js';
import { UriPolicy } from '../../src/shared/uri.js';
import { loadValueLists } from '../../src/catalog/valuelists/index.js';
import { parseScCatalogue } from '../../src/catalog/sc-xml/index.js';
import { productGraph, productQuads } from '../../src/catalog/index.js';
import { searchIndexWrite } from '../../src/catalog/search-index/index.js';
import { encodeQuads } from '../../src/shared/rdf/encode.js';
import { quad } from '../../src/shared/rdf/factory.js';
import { SruSearchService } from '../../src/sru/index.js';
import { tempDir, TEST_BASE } from '../support/tmp.js';
import { DEMO_DIR } from '../catalog/valuelists/helpers.js';
import { AALSMEER, BZK, DOMMEL, NOORD_BRABANT, TILBURG, scCatalogue, type Fx, type Ref } from './fixtures.js';

const N = Number(process.argv[2] ?? 60_000);
let seed = 42;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const VOCAB = Array.from({ length: 3000 }, (_, i) => `woord${i.toString(36)}`).concat(['paspoort', 'vergunning', 'aanvragen', 'parkeren', 'afval', 'belasting', 'subsidie', 'melding', 'uitkering', 'rijbewijs']);
const words = (n: number) => Array.from({ length: n }, () => pick(VOCAB)).join(' ');
const AUTHORITIES: Ref[] = [TILBURG, AALSMEER, NOORD_BRABANT, DOMMEL, BZK];

function product(i: number): Fx {
  return {
    id: `P${i}`, title: `${pick(['Paspoort', 'Vergunning', 'Subsidie', 'Melding', 'Afval'])} ${words(2)}`, abstract: words(15),
    authority: pick(AUTHORITIES), modified: `20${10 + Math.floor(rnd() * 15)}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`,
    audience: rnd() < 0.3 ? ['particulier', 'ondernemer'] : [pick(['particulier', 'ondernemer'])], online: pick(['ja', 'nee', 'digid'] as const),
    subject: [words(2)], html: `<p xmlns="http://www.w3.org/1999/xhtml">${words(60)}</p><ul xmlns="http://www.w3.org/1999/xhtml"><li>${words(10)}</li></ul>`,
  };
}

const tmp = tempDir('stelsel-sru-perf-');
const uris = new UriPolicy(TEST_BASE);
const store = await EmbeddedStore.open({ dir: path.join(tmp.dir, 'store'), genidBase: uris.genidBase, locksGraph: uris.locksGraph });
console.log("opened");
await loadValueLists({ dir: DEMO_DIR }, { store, uris, audit: new AuditLog(store, uris) });
console.log("lists loaded");
const t0 = performance.now();
const BATCH = 500;
for (let i = 0; i < N; i += BATCH) {
  const batch = Array.from({ length: Math.min(BATCH, N - i) }, (_, k) => product(i + k));
  const parsed = await parseScCatalogue(scCatalogue(batch), { maxBytes: 1e9 });
  const org = uris.id('organisatie', 'perf');
  const reps = parsed.products.map((p) => ({ graph: productGraph(uris, 'perf', p.productID!), quads: productQuads(uris, 'perf', org, { ...p, productID: p.productID! }) }));
  // Bulk load (N-Quads) of exactly what a transaction would write: the product graphs and their index graphs.
  const write = searchIndexWrite(uris, reps);
  await store.bulkLoad(write.replaceGraphs.map((r) => encodeQuads(r.quads.map((x) => quad(x.subject, x.predicate, x.object, r.graph)))).join('') + encodeQuads(write.insert));
  if ((i / BATCH) % 10 === 0) console.log(`  ${i + batch.length} products, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
const loadMs = performance.now() - t0;
const quads = await store.count();
console.log(`${N} products, ${quads} quads, written in ${(loadMs / 1000).toFixed(1)} s`);

const svc = new SruSearchService({ store, uris });
const QUERIES = [
  'paspoort', 'title=paspoort', 'vergunning and audience=ondernemer', '(organisatie="Tilburg") and paspoort',
  '(postcode="5014") and onlineAanvragen=digid', 'title adj "paspoort woord1"', 'pasp*', 'keyword any "afval melding"',
  'paspoort sortby modified/sort.descending', 'modified>=2024-01-01 and subsidie', 'woord2a',
];
for (const facets of [false, true]) {
  for (const q of QUERIES) {
    const times: number[] = [];
    let count = 0;
    for (let r = 0; r < 15; r++) {
      const s = performance.now();
      count = (await svc.search({ query: q, startRecord: 1, maximumRecords: 10, facets })).numberOfRecords;
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    console.log(`${facets ? 'facets ' : ''}${q.padEnd(46)} n=${String(count).padStart(6)}  p50 ${times[7]!.toFixed(1)} ms  max ${times[14]!.toFixed(1)} ms`);
  }
}
await store.close({ snapshot: false });
tmp.remove();
