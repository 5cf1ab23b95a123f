/**
 * Store access for removing attachments (no authorisation here): who still refers to an
 * attachment, the removal of its metadata graph (audited, guarded against a reference added
 * meanwhile), and which checksums are still described anywhere (drafts' metadata and published
 * versions), so that a shared, content-addressed file is only removed with its last reference.
 */
import type { AuditContext } from '../shared/audit/audit-log.js';
import type { CoreDeps } from '../shared/http/context.js';
import { sparql } from '../shared/rdf/encode.js';
import { literal } from '../shared/rdf/factory.js';
import { ELI, STELSEL } from '../shared/rdf/vocab.js';
import type { Bijlage } from './model.js';
import type { DecisionIris } from './rdf.js';

type Deps = Pick<CoreDeps, 'store' | 'audit'>;

export const STILL_REFERENCED = 'De bijlage wordt nog gebruikt door een besluit van de zitting: haal ze daar eerst weg';
export const PUBLISHED = 'De bijlage hoort bij een gepubliceerde versie; gepubliceerde documenten en hun bijlagen blijven ongewijzigd';

export class AttachmentStore {
  constructor(
    private readonly deps: Deps,
    private readonly iris: DecisionIris,
  ) {}

  private publishedAsk(b: Bijlage) {
    return sparql`ASK { GRAPH ?g { ?d ${ELI.related_to} ${this.iris.bijlage(b.id)} } FILTER(STRSTARTS(STR(?g), ${literal(this.iris.publicationGraphs)})) }`;
  }

  private draftAsk(b: Bijlage) {
    return sparql`ASK { GRAPH ${this.iris.draftGraph(b.zitting)} { ?d ${ELI.related_to} ${this.iris.bijlage(b.id)} } }`;
  }

  /** Whether a published version (of any document) refers to the attachment. */
  isPublished(b: Bijlage): Promise<boolean> {
    return this.deps.store.ask(this.publishedAsk(b));
  }

  /** Removes the metadata graph in one audited transaction; refused when a reference appeared meanwhile. */
  async remove(ctx: AuditContext, eenheid: string, b: Bijlage, expectVersion?: number): Promise<void> {
    const graph = this.iris.bijlageGraph(b.zitting, b.id);
    await this.deps.audit.write(
      ctx,
      { action: 'decisions.bijlage.delete', resource: this.iris.bijlage(b.id), scope: this.iris.eenheid(eenheid), expectVersion, detail: `zitting ${b.zitting}: ${b.bestandsnaam.slice(0, 200)} (sha256 ${b.sha256})` },
      {
        replaceGraphs: [{ graph, quads: [] }],
        precondition: [
          { ask: this.draftAsk(b), expect: false, message: STILL_REFERENCED },
          { ask: this.publishedAsk(b), expect: false, message: PUBLISHED },
        ],
      },
    );
  }

  /** The audit version of an attachment (its ETag). */
  version(b: Bijlage): Promise<number> {
    return this.deps.audit.version(this.iris.bijlage(b.id));
  }

  /** Whether any graph (a draft's attachment metadata, a published version) still describes a file with this checksum. */
  isReferenced(sha256: string): Promise<boolean> {
    return this.deps.store.ask(sparql`ASK { GRAPH ?g { ?a ${STELSEL.sha256} ${literal(sha256)} } }`);
  }

  /** Every checksum still described somewhere, in one query. */
  async referencedChecksums(): Promise<Set<string>> {
    const rows = await this.deps.store.select(sparql`SELECT DISTINCT ?sha WHERE { GRAPH ?g { ?a ${STELSEL.sha256} ?sha } }`);
    return new Set(rows.flatMap((r) => (r.sha ? [r.sha.value] : [])));
  }
}
