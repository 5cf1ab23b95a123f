/**
 * The generated products as the benchmark needs them outside Stelsel: plain facts (to compute the
 * expected numberOfRecords of each question) and the product graphs as N-Quads (to load the same
 * products into Virtuoso). Read with the SC reader; the quads are the catalogue's own mapping
 * (productQuads), without stelsel:sourceXml (no question reads it).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseScCatalogue } from '../src/catalog/sc-xml/index.js';
import { productGraph, productQuads } from '../src/catalog/index.js';
import { encodeQuads } from '../src/shared/rdf/encode.js';
import { STELSEL } from '../src/shared/rdf/vocab.js';
import type { UriPolicy } from '../src/shared/uri.js';
import type { GeneratedCatalogue } from './sc-generator.js';

export interface GenProduct {
  authority: string;
  authorityLabel: string;
  kind: string;
  title: string;
  abstract: string;
  subject: string[];
  /** productHTML as text. */
  html: string;
  audience: string[];
  online: string;
  modified: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const htmlText = (x: string) => x.replace(/<[^>]*>/g, ' ').replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]!);

/** Facts of every generated product; writes the N-Quads files (one per `perFile` products) to `nquadsDir` when given. */
export async function readGenerated(uris: UriPolicy, catalogues: readonly GeneratedCatalogue[], nquadsDir?: string, perFile = 5000): Promise<{ products: GenProduct[]; nquadsFiles: number; quads: number }> {
  const products: GenProduct[] = [];
  let buffer: string[] = [];
  let inBuffer = 0;
  let files = 0;
  let quads = 0;
  const flush = () => {
    if (!nquadsDir || !buffer.length) return;
    writeFileSync(path.join(nquadsDir, `products-${String(files++).padStart(3, '0')}.nq`), buffer.join(''));
    buffer = [];
    inBuffer = 0;
  };
  for (const c of catalogues) {
    const parsed = await parseScCatalogue(new TextEncoder().encode(c.xml), { maxBytes: 256 * 1024 ** 2 });
    if (!parsed.ok) throw new Error(`${c.slug}: ${parsed.errors[0]?.message ?? 'invalid'}`);
    const org = uris.id('organisatie', c.slug);
    for (const p of parsed.products) {
      products.push({
        authority: p.authority?.resourceIdentifier ?? '',
        authorityLabel: p.authority?.label ?? '',
        kind: c.organisation.kind,
        title: p.title,
        abstract: p.abstract ?? '',
        subject: [...p.subject],
        html: htmlText(p.productHTML ?? ''),
        audience: [...p.audience],
        online: p.onlineAanvragen ?? '',
        modified: p.modified.slice(0, 10),
      });
      if (nquadsDir) {
        const qs = productQuads(uris, c.slug, org, { ...p, productID: p.productID! }).filter((q) => !q.predicate.equals(STELSEL.sourceXml));
        if (!qs.every((q) => q.graph.equals(productGraph(uris, c.slug, p.productID!)))) throw new Error('a product quad outside its graph');
        quads += qs.length;
        buffer.push(encodeQuads(qs));
        if (++inBuffer >= perFile) flush();
      }
    }
  }
  flush();
  return { products, nquadsFiles: files, quads };
}
