/**
 * TripleStore adapter for any SPARQL 1.1 Protocol server (Virtuoso 7, Oxigraph server, Fuseki).
 *
 * - Queries: POST application/x-www-form-urlencoded `query=` (Virtuoso 7.2 does not answer a POST
 *   with an application/sparql-query body); results as SPARQL JSON, graphs as N-Triples.
 * - Updates: POST application/sparql-update, authenticated with Basic or Digest (Virtuoso's
 *   /sparql-auth). A transaction is rendered as ONE update request (operations joined with ';');
 *   see `RequestLimits` for the exception (bulk writes) and for what Virtuoso makes of it.
 * - Reads go to the update URL, with the same credentials, whenever a user and password are
 *   configured (`readWithCredentials`): the anonymous query URL is the public one, and on a server
 *   that keeps Stelsel's system graphs (audit, identity, versions, locks) from anonymous readers
 *   (docs/remote-store.md) only an authenticated read sees them.
 * - On Virtuoso, with option `privateGraph`, every private graph joins Virtuoso's private-graphs
 *   group before anything is written into it (private-graphs.ts), so the anonymous query URL never
 *   serves a draft, an index entry or a harvest, even for a moment.
 * - Writes of one instance are serialised through a promise queue, so a precondition ASK and the
 *   update it guards cannot interleave with another write of the same instance. Several instances
 *   sharing a server coordinate with acquireLock (scheduled jobs) and with graph-per-aggregate
 *   replacement; a precondition is not atomic across instances.
 */
import type * as RDF from '@rdfjs/types';
import { encodeTerm, sparql, SparqlFragment } from '../../rdf/encode.js';
import { literal, namedNode } from '../../rdf/factory.js';
import { DCT, RDF_, STELSEL, XSD } from '../../rdf/vocab.js';
import { type Bindings, PreconditionFailed, preconditionsOf, type Query, StoreUnavailable, type Transaction, type TripleStore } from '../port.js';
import { skolemizeTransaction } from '../skolem.js';
import { safeUrl, SparqlHttp } from './http.js';
import { PrivateGraphRegistry, writtenGraphs } from './private-graphs.js';
import { parseRdf, parseSparqlJson, RDF_ACCEPT } from './results.js';

export interface SparqlStoreOptions {
  /** SPARQL query endpoint, e.g. http://host:8890/sparql. */
  queryUrl: string;
  /** SPARQL update endpoint, e.g. http://host:8890/sparql-auth (Virtuoso, Digest auth). */
  updateUrl: string;
  user?: string;
  password?: string;
  /**
   * Send the store's own queries to `updateUrl` with the credentials instead of to `queryUrl`
   * anonymously. Default: true when `user` and `password` are set. The update URL must then answer
   * queries too (Virtuoso /sparql-auth, Fuseki /{dataset}/sparql or /{dataset}).
   */
  readWithCredentials?: boolean;
  /** Prefix for skolemised blank nodes (UriPolicy.genidBase). */
  genidBase: string;
  /** Named graph that holds the leases of acquireLock (UriPolicy.locksGraph). */
  locksGraph: RDF.NamedNode;
  /** Per HTTP request; default 120 s. */
  timeoutMs?: number;
  /**
   * When set, count() only counts named graphs whose IRI starts with this prefix (e.g. BASE_URL),
   * which leaves out Virtuoso's own system graphs. Without it, count() counts every named graph.
   */
  graphPrefix?: string;
  /**
   * 'virtuoso' adds `DEFINE sql:big-data-const 1` to updates (see RequestLimits). Detected from
   * the Server response header when omitted.
   */
  dialect?: SparqlDialect;
  /** Overrides of DEFAULT_LIMITS (e.g. to test chunking, or for a server with other limits). */
  limits?: Partial<RequestLimits>;
  /**
   * Graphs anonymous readers must not see (UriPolicy.isPrivateGraph). On Virtuoso each one is added
   * to its private-graphs group before the first write into it, through `updateUrl` with the
   * credentials (the account needs EXECUTE on DB.DBA.RDF_GRAPH_GROUP_INS, docs/remote-store.md);
   * when that fails, the write is refused. Other servers: ignored (use their own access control).
   */
  privateGraph?: (iri: string) => boolean;
}

export type SparqlDialect = 'virtuoso' | 'standard';

/**
 * Size limits for update requests, measured against Virtuoso 7.2.5 (the Debian package):
 * - "SQL text exceeded 10000 lines" (SP031): when virtuoso.ini sets [SPARQL]
 *   MaxQueryCostEstimationTime (the Debian default ini does: 400), the /sparql endpoint prefixes
 *   every request with `define sql:big-data-const 0`, which inlines every constant into the
 *   generated SQL: an INSERT DATA of ~1500 triples then fails, and a request of 10 000 quads in
 *   500-quad blocks compiles for 27 s before failing (SQ199). The 'virtuoso' dialect therefore
 *   starts each update with `DEFINE sql:big-data-const 1` (ours wins), after which 10 x 2000
 *   quads take 0.2-0.4 s;
 * - one INSERT DATA / DELETE DATA block of ~5000 triples fails to parse ("SP030 ... memory
 *   exhausted"): we put at most `quadsPerOperation` quads in one block, and several blocks in a
 *   request (100 000 quads in 4000-quad blocks pass in one request);
 * - ~800 operations in one request fail to compile ("SQ156 Query too large").
 *
 * A transaction that exceeds `quadsPerRequest` or `operationsPerRequest` is sent as several
 * requests, in order. Only such chunked bulk writes lose atomicity on servers that apply an update
 * request as one transaction (Oxigraph server and Fuseki are expected to; not verified here): a
 * failure in the middle leaves the earlier requests applied. Every normal-size transaction is one
 * request.
 *
 * Virtuoso itself (measured, 7.2.5 over HTTP) commits an update request operation by operation:
 * concurrent readers can see a replaced graph empty while its INSERT DATA runs, and a run-time
 * error in a later operation does not undo earlier ones; only compile-time errors (syntax,
 * ill-typed literal) reject the whole request. Terms are therefore validated client-side before
 * anything is sent (an invalid term never reaches the server).
 */
export interface RequestLimits {
  quadsPerOperation: number;
  operationsPerRequest: number;
  quadsPerRequest: number;
}

export const DEFAULT_LIMITS: RequestLimits = { quadsPerOperation: 2000, operationsPerRequest: 200, quadsPerRequest: 50_000 };

export class SparqlStore implements TripleStore {
  readonly kind = 'sparql' as const;
  private readonly http: SparqlHttp;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private readonly limits: RequestLimits;
  private dialect: Promise<SparqlDialect> | undefined;
  /** Where the store's own queries go (see `readWithCredentials`). */
  private readonly readUrl: string;
  private readonly privateGraphs: PrivateGraphRegistry | undefined;

  constructor(private readonly options: SparqlStoreOptions) {
    for (const url of [options.queryUrl, options.updateUrl]) checkEndpointUrl(url);
    const hasCredentials = options.user !== undefined && options.password !== undefined;
    if (options.readWithCredentials && !hasCredentials) throw new TypeError('readWithCredentials needs a SPARQL user and password');
    this.readUrl = (options.readWithCredentials ?? hasCredentials) ? options.updateUrl : options.queryUrl;
    this.http = new SparqlHttp({
      ...(options.user !== undefined ? { user: options.user } : {}),
      ...(options.password !== undefined ? { password: options.password } : {}),
      timeoutMs: options.timeoutMs ?? 120_000,
    });
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.privateGraphs = options.privateGraph ? new PrivateGraphRegistry(options.privateGraph) : undefined;
  }

  async select(query: Query): Promise<Bindings[]> {
    const res = await this.query('SPARQL SELECT', query, 'application/sparql-results+json');
    const result = parseSparqlJson(res.body);
    if (result.kind !== 'bindings') throw new TypeError('select() was given a query that is not a SELECT');
    if (res.maxRows !== undefined && result.bindings.length >= res.maxRows) {
      // Virtuoso cuts results at [SPARQL] ResultSetMaxRows and says so only in this header:
      // an incomplete answer must not pass for a complete one.
      throw new StoreUnavailable(
        `The SPARQL server capped a result at ${res.maxRows} rows (Virtuoso ResultSetMaxRows); raise that limit or page with a smaller LIMIT`,
      );
    }
    return result.bindings;
  }

  async ask(query: Query): Promise<boolean> {
    const result = parseSparqlJson((await this.query('SPARQL ASK', query, 'application/sparql-results+json')).body);
    if (result.kind !== 'boolean') throw new TypeError('ask() was given a query that is not an ASK');
    return result.value;
  }

  async construct(query: Query): Promise<RDF.Quad[]> {
    const res = await this.query('SPARQL CONSTRUCT', query, RDF_ACCEPT);
    return parseRdf(res.body, res.contentType);
  }

  async transact(tx: Transaction): Promise<void> {
    // Skolemise and render before queueing: an invalid term throws here, before anything is sent.
    const skolemized = skolemizeTransaction(tx, this.options.genidBase);
    let requests = this.render(skolemized, false);
    await this.serially(async () => {
      if ((await this.serverDialect()) === 'virtuoso' && needsInlineConstants(skolemized)) requests = this.render(skolemized, true);
      await this.protect(writtenGraphs(skolemized));
      for (const pre of preconditionsOf(tx)) {
        const answer = await this.ask(pre.ask);
        if (answer !== pre.expect) {
          throw new PreconditionFailed(pre.message ?? 'The data changed since it was read; reload and try again');
        }
      }
      for (const update of requests) await this.update(update.text, update.inlineConstants);
    });
  }

  /**
   * Quads in named graphs (restricted to `graphPrefix` when set). The default graph is not
   * counted: Stelsel writes only named graphs, and on Virtuoso the default graph is the union of
   * all graphs, so counting it would count everything twice.
   */
  async count(): Promise<number> {
    const filter = this.options.graphPrefix === undefined ? sparql`` : sparql`FILTER(STRSTARTS(STR(?g), ${literal(this.options.graphPrefix)}))`;
    const rows = await this.select(sparql`SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } ${filter} }`);
    const n = rows[0]?.n;
    if (!n || n.termType !== 'Literal' || !/^\d+$/.test(n.value)) throw new StoreUnavailable('SPARQL server gave no count');
    return Number(n.value);
  }

  /**
   * One conditional update replaces an expired lease or our own, and inserts ours unless another
   * owner holds an unexpired one; then we read back. Leases are one resource per (name, owner),
   * so two instances racing on a server without serialisable updates end up with two leases: the
   * read-back sees both and every owner that sees a rival backs off (deletes its lease, returns
   * false). At most one owner ever gets true; in a race possibly none, and the job runs next time.
   * Expiry uses the callers' clocks; keep instance clocks in sync (NTP).
   */
  async acquireLock(name: string, owner: string, ttlMs: number): Promise<boolean> {
    const t = this.lockTerms(name, owner);
    return this.serially(async () => {
      await this.protect([t.graph]);
      const now = Date.now();
      const nowLit = literal(new Date(now).toISOString(), XSD.dateTime);
      const until = literal(new Date(now + ttlMs).toISOString(), XSD.dateTime);
      await this.update(sparql`
        DELETE { GRAPH ${t.graph} { ?l ?p ?o } }
        WHERE { GRAPH ${t.graph} {
          ?l ${RDF_.type} ${STELSEL.Lock} ; ${DCT.identifier} ${t.name} ; ${STELSEL.lockOwner} ?owner ; ${STELSEL.lockExpires} ?exp ; ?p ?o .
          FILTER(?owner = ${t.owner} || ?exp <= ${nowLit})
        } } ;
        INSERT { GRAPH ${t.graph} { ${t.lease} ${RDF_.type} ${STELSEL.Lock} ; ${DCT.identifier} ${t.name} ; ${STELSEL.lockOwner} ${t.owner} ; ${STELSEL.lockExpires} ${until} } }
        WHERE { FILTER NOT EXISTS { GRAPH ${t.graph} {
          ?other ${RDF_.type} ${STELSEL.Lock} ; ${DCT.identifier} ${t.name} ; ${STELSEL.lockOwner} ?o2 ; ${STELSEL.lockExpires} ?e2 .
          FILTER(?o2 != ${t.owner} && ?e2 > ${nowLit})
        } } }`.text);
      const rows = await this.select(sparql`
        SELECT DISTINCT ?owner WHERE { GRAPH ${t.graph} {
          ?l ${RDF_.type} ${STELSEL.Lock} ; ${DCT.identifier} ${t.name} ; ${STELSEL.lockOwner} ?owner ; ${STELSEL.lockExpires} ?exp .
          FILTER(?exp > ${nowLit})
        } }`);
      const owners = new Set(rows.map((r) => r.owner?.value));
      if (!owners.has(owner)) return false;
      if (owners.size === 1) return true;
      await this.deleteLease(t);
      return false;
    });
  }

  async releaseLock(name: string, owner: string): Promise<void> {
    const t = this.lockTerms(name, owner);
    await this.serially(() => this.deleteLease(t));
  }

  /**
   * Adds every existing private graph to Virtuoso's private-graphs group (graphs written before
   * `privateGraph` was configured, or by another instance). Returns how many private graphs were
   * found; 0 without `privateGraph` or on other servers. Listed through the authenticated URL.
   */
  async protectExistingPrivateGraphs(): Promise<number> {
    if (!this.privateGraphs || (await this.serverDialect()) !== 'virtuoso') return 0;
    const filter = this.options.graphPrefix === undefined ? sparql`` : sparql`FILTER(STRSTARTS(STR(?g), ${literal(this.options.graphPrefix)}))`;
    const body = new URLSearchParams({ query: sparql`SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } ${filter} }`.text }).toString();
    const res = await this.http.post('SPARQL SELECT', this.options.updateUrl, body, 'application/x-www-form-urlencoded', 'application/sparql-results+json');
    const result = parseSparqlJson(res.body);
    if (result.kind !== 'bindings') throw new StoreUnavailable('SPARQL server gave no graph list');
    if (res.maxRows !== undefined && result.bindings.length >= res.maxRows) {
      throw new StoreUnavailable(`The SPARQL server capped the list of graphs at ${res.maxRows} rows (Virtuoso ResultSetMaxRows); raise that limit`);
    }
    const graphs = result.bindings.flatMap((b) => (b.g ? [b.g] : []));
    const found = this.privateGraphs.pending(graphs).length;
    await this.serially(() => this.protect(graphs));
    return found;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.queue.catch(() => undefined);
  }

  // --- internals -----------------------------------------------------------------------------

  private lockTerms(name: string, owner: string) {
    const graph = this.options.locksGraph;
    return {
      graph,
      name: literal(name),
      owner: literal(owner),
      lease: namedNode(`${graph.value}/${encodeURIComponent(name)}/${encodeURIComponent(owner)}`),
    };
  }

  private async deleteLease(t: ReturnType<SparqlStore['lockTerms']>): Promise<void> {
    await this.update(sparql`
      DELETE { GRAPH ${t.graph} { ?l ?p ?o } }
      WHERE { GRAPH ${t.graph} { ?l ${RDF_.type} ${STELSEL.Lock} ; ${DCT.identifier} ${t.name} ; ${STELSEL.lockOwner} ${t.owner} ; ?p ?o } }`.text);
  }

  /**
   * Adds the private graphs among `graphs` that this process has not added yet to Virtuoso's
   * private-graphs group (see private-graphs.ts). Runs inside the write queue, before the write.
   */
  private async protect(graphs: readonly RDF.Term[]): Promise<void> {
    if (!this.privateGraphs || (await this.serverDialect()) !== 'virtuoso') return;
    const pending = this.privateGraphs.pending(graphs);
    if (pending.length === 0) return;
    const send = (request: SparqlFragment) =>
      this.http.post('SPARQL private graph registration', this.options.updateUrl, new URLSearchParams({ query: request.text }).toString(), 'application/x-www-form-urlencoded', 'application/sparql-results+json');
    for (const request of this.privateGraphs.requests(pending)) {
      try {
        try {
          await send(request);
        } catch (err) {
          // RDF99 "Graph group <...#PrivateGraphs> does not exist": create it (as the one-time set-up would), then once more.
          if (!/graph group .* does not exist/i.test((err as Error).message)) throw err;
          await send(this.privateGraphs.createGroupRequest());
          await send(request);
        }
      } catch (err) {
        throw new StoreUnavailable(
          `Could not make ${pending.length === 1 ? `graph <${pending[0]!.value}>` : `${pending.length} graphs`} private on the SPARQL server, so nothing was written; ` +
            `the SPARQL account needs EXECUTE on DB.DBA.RDF_GRAPH_GROUP_INS (docs/remote-store.md). ${(err as Error).message}`,
        );
      }
    }
    this.privateGraphs.markRegistered(pending);
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new StoreUnavailable('The SPARQL store was closed'));
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async query(what: string, query: Query, accept: string) {
    if (this.closed) throw new StoreUnavailable('The SPARQL store was closed');
    const text = query instanceof SparqlFragment ? query.text : query;
    const body = new URLSearchParams({ query: text }).toString();
    return this.http.post(what, this.readUrl, body, 'application/x-www-form-urlencoded', accept);
  }

  private async update(text: string, inlineConstants = false): Promise<void> {
    const body = !inlineConstants && (await this.serverDialect()) === 'virtuoso' ? `DEFINE sql:big-data-const 1\n${text}` : text;
    await this.http.post('SPARQL update', this.options.updateUrl, body, 'application/sparql-update; charset=utf-8', 'application/sparql-results+json, */*;q=0.1');
  }

  /** The configured dialect, or the one the Server header of a trivial query reveals (once). */
  private serverDialect(): Promise<SparqlDialect> {
    if (this.options.dialect) return Promise.resolve(this.options.dialect);
    this.dialect ??= this.query('SPARQL ASK', 'ASK {}', 'application/sparql-results+json').then(
      (res) => (/virtuoso/i.test(res.server) ? 'virtuoso' : 'standard'),
      (err: unknown) => {
        this.dialect = undefined; // try again next time
        throw err;
      },
    );
    return this.dialect;
  }

  /**
   * The transaction as update requests: one, unless it exceeds the limits. Order: all replaced
   * graphs are cleared, their new content inserted, then deletions, then insertions (the same
   * result as replacing graph by graph, since a graph replaced twice keeps its last content).
   */
  /**
   * The update requests of a transaction. With `splitInline`, quads whose literals Virtuoso cannot
   * compile under `sql:big-data-const 1` (see INLINE_DATATYPES) go last, in small requests sent
   * without that DEFINE; their deletions before their insertions, as in the transaction.
   */
  private render(tx: Transaction, splitInline: boolean): { text: string; inlineConstants: boolean }[] {
    const replaced = new Map<string, { graph: RDF.NamedNode; quads: readonly RDF.Quad[] }>();
    for (const r of tx.replaceGraphs ?? []) replaced.set(r.graph.value, r);
    const inline = (q: RDF.Quad) => splitInline && needsInline(q);
    const pick = (quads: readonly RDF.Quad[], want: boolean) => (splitInline ? quads.filter((q) => inline(q) === want) : want ? [] : quads);
    const ops: { text: string; quads: number }[] = [];
    for (const r of replaced.values()) ops.push({ text: `CLEAR SILENT GRAPH ${encodeTerm(r.graph)}`, quads: 0 });
    const dataOps = (into: typeof ops, keyword: string, quads: readonly RDF.Quad[], perOperation: number): void => {
      for (let i = 0; i < quads.length; i += perOperation) {
        const slice = quads.slice(i, i + perOperation);
        into.push({ text: `${keyword} {\n${renderQuads(slice)}}`, quads: slice.length });
      }
    };
    const inserted = [...[...replaced.values()].flatMap((r) => r.quads), ...(tx.insert ?? [])];
    const max = this.limits.quadsPerOperation;
    dataOps(ops, 'INSERT DATA', pick([...replaced.values()].flatMap((r) => r.quads), false), max);
    dataOps(ops, 'DELETE DATA', pick(tx.delete ?? [], false), max);
    dataOps(ops, 'INSERT DATA', pick(tx.insert ?? [], false), max);
    const inlineOps: typeof ops = [];
    dataOps(inlineOps, 'DELETE DATA', pick(tx.delete ?? [], true), INLINE_QUADS_PER_REQUEST);
    dataOps(inlineOps, 'INSERT DATA', pick(inserted, true), INLINE_QUADS_PER_REQUEST);

    const requests: { text: string; inlineConstants: boolean }[] = [];
    let parts: string[] = [];
    let quads = 0;
    for (const op of ops) {
      if (parts.length > 0 && (parts.length >= this.limits.operationsPerRequest || quads + op.quads > this.limits.quadsPerRequest)) {
        requests.push({ text: parts.join(' ;\n'), inlineConstants: false });
        parts = [];
        quads = 0;
      }
      parts.push(op.text);
      quads += op.quads;
    }
    if (parts.length > 0) requests.push({ text: parts.join(' ;\n'), inlineConstants: false });
    for (const op of inlineOps) requests.push({ text: op.text, inlineConstants: true });
    return requests;
  }
}

/** Refuses (at boot) an endpoint URL that is not http(s) or that carries credentials. */
function checkEndpointUrl(url: string): void {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new TypeError(`SPARQL endpoint is not a URL: ${JSON.stringify(url.slice(0, 200))}`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new TypeError(`SPARQL endpoint must be http(s): ${safeUrl(url)}`);
  if (u.username || u.password) {
    throw new TypeError(`SPARQL endpoint URL ${safeUrl(url)} contains credentials; configure them as user/password instead`);
  }
}

/** Quads grouped per graph as the body of INSERT DATA / DELETE DATA. */
function renderQuads(quads: readonly RDF.Quad[]): string {
  const byGraph = new Map<string, string[]>();
  for (const q of quads) {
    const g = q.graph.termType === 'DefaultGraph' ? '' : encodeTerm(q.graph);
    let lines = byGraph.get(g);
    if (!lines) byGraph.set(g, (lines = []));
    lines.push(`${encodeTerm(q.subject)} ${encodeTerm(q.predicate)} ${encodeTerm(q.object)} .`);
  }
  let out = '';
  for (const [g, lines] of byGraph) out += g ? `GRAPH ${g} {\n${lines.join('\n')}\n}\n` : `${lines.join('\n')}\n`;
  return out;
}

/**
 * Literal datatypes Virtuoso 7.2.5 refuses to compile under `DEFINE sql:big-data-const 1` ("SP031
 * ... not translated to an accurate SQL text", measured for "P10Y"^^xsd:duration and
 * xsd:yearMonthDuration; xsd:dayTimeDuration passes). Without the DEFINE they compile, but then
 * every constant is inlined into the SQL text, so such requests stay small.
 */
const INLINE_DATATYPES = new Set([XSD.duration.value, XSD.yearMonthDuration.value]);
const INLINE_QUADS_PER_REQUEST = 200;

function needsInline(q: RDF.Quad): boolean {
  return q.object.termType === 'Literal' && INLINE_DATATYPES.has(q.object.datatype.value);
}

function needsInlineConstants(tx: Transaction): boolean {
  return [...(tx.replaceGraphs ?? []).flatMap((r) => r.quads), ...(tx.insert ?? []), ...(tx.delete ?? [])].some(needsInline);
}
