/**
 * The ZeeRex 2.0 explain record (http://explain.z3950.org/dtd/2.0/) of operation=explain: server,
 * database, the indexes with their relations, the sort keys, the record schema and paging limits.
 */
import { el, type TrustedXml } from './builder.js';
import { RECORD_SCHEMA, SRU_NS, SRU_VERSION } from './namespaces.js';
import { nonNegative, positive } from './numbers.js';

export interface ExplainIndex {
  /** The index name as used in queries (`title`, `modified`). */
  readonly name: string;
  /** Human-readable title. */
  readonly title: string;
  /** Supported relations (`=`, `==`, `adj`...). */
  readonly relations: readonly string[];
}

export interface ExplainContextSet {
  readonly name: string;
  readonly identifier: string;
  readonly title?: string;
}

export interface ExplainInput {
  readonly host: string;
  readonly port: number;
  /** The database path (`sru/Search`). */
  readonly database: string;
  readonly title: string;
  readonly description?: string;
  /** Context sets the index names belong to; the first one is named in every index map. */
  readonly contextSets?: readonly ExplainContextSet[];
  readonly indexes: readonly ExplainIndex[];
  /** Index names usable after `sortby`. */
  readonly sortKeys: readonly string[];
  /** Records returned when maximumRecords is absent. */
  readonly defaultRecords?: number;
  /** The largest maximumRecords honoured. */
  readonly maximumRecords?: number;
}

function index(ix: ExplainIndex, sortable: boolean, set: string | undefined): TrustedXml {
  return el('index', { search: 'true', scan: 'false', sort: sortable ? 'true' : 'false' },
    el('title', { lang: 'nl' }, ix.title),
    el('map', null, el('name', { set }, ix.name)),
    ix.relations.length > 0 && el('configInfo', null, ix.relations.map((r) => el('supports', { type: 'relation' }, r))),
  );
}

/** The `explain` element (ZeeRex namespace declared on it). */
export function explainRecord(input: ExplainInput): TrustedXml {
  const sortable = new Set(input.sortKeys.map((k) => k.toLowerCase()));
  const sets = input.contextSets ?? [];
  return el('explain', { xmlns: SRU_NS.zeerex, authoritative: 'true' },
    el('serverInfo', { protocol: 'SRU', version: SRU_VERSION, transport: 'http' },
      el('host', null, input.host),
      el('port', null, positive('port', input.port)),
      el('database', null, input.database),
    ),
    el('databaseInfo', null,
      el('title', { lang: 'nl', primary: 'true' }, input.title),
      input.description !== undefined && el('description', { lang: 'nl', primary: 'true' }, input.description),
    ),
    el('indexInfo', null,
      sets.map((s) => el('set', { name: s.name, identifier: s.identifier }, s.title !== undefined && el('title', null, s.title))),
      input.indexes.map((ix) => index(ix, sortable.has(ix.name.toLowerCase()), sets[0]?.name)),
      input.sortKeys.map((k) => el('sortKeyword', null, k)),
    ),
    el('schemaInfo', null,
      el('schema', { identifier: RECORD_SCHEMA.gzd, name: 'gzd', sort: 'false', retrieve: 'true' }, el('title', null, 'Gemeenschappelijke zoekdienst recordschema')),
    ),
    el('configInfo', null,
      input.defaultRecords !== undefined && el('default', { type: 'numberOfRecords' }, nonNegative('defaultRecords', input.defaultRecords)),
      input.maximumRecords !== undefined && el('setting', { type: 'maximumRecords' }, nonNegative('maximumRecords', input.maximumRecords)),
    ),
  );
}
