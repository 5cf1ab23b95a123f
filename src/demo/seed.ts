/**
 * Seeds the demo dataset (data/demo/*.trig, IRIs relative to BASE_URL) in one transaction, recorded
 * in the audit log as an import by the system agent.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type * as RDF from '@rdfjs/types';
import { parseRdf } from '../shared/rdf/parse.js';
import type { GraphReplacement } from '../shared/store/port.js';
import type { AuditLog } from '../shared/audit/audit-log.js';
import { systemActor } from '../shared/auth/actor.js';
import type { UriPolicy } from '../shared/uri.js';

export async function seedDemoData(audit: AuditLog, uris: UriPolicy, dir: string): Promise<number> {
  const graphs = new Map<string, { graph: RDF.NamedNode; quads: RDF.Quad[] }>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.trig')).sort()) {
    const quads = parseRdf(readFileSync(path.join(dir, file), 'utf8'), 'application/trig', `${uris.base}/`);
    for (const q of quads) {
      if (q.graph.termType !== 'NamedNode') throw new Error(`${file}: demo data must be in named graphs`);
      const entry = graphs.get(q.graph.value) ?? { graph: q.graph, quads: [] };
      entry.quads.push(q);
      graphs.set(q.graph.value, entry);
    }
  }
  const replaceGraphs: GraphReplacement[] = [...graphs.values()];
  await audit.write({ actor: systemActor(uris), requestId: 'startup' }, { action: 'demo.seed', scope: uris.platform, detail: `${replaceGraphs.length} graphs from ${path.basename(dir)}/` }, { replaceGraphs });
  return replaceGraphs.reduce((n, g) => n + g.quads.length, 0);
}
