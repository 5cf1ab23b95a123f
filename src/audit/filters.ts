/**
 * Query parameters of GET /beheer/audit -> an AuditFilter. Every value is checked; anything
 * unknown, repeated or malformed is a bad_request naming the parameter, so a typo never silently
 * widens the result.
 */
import { AppError } from '../shared/errors.js';
import { isValidIri } from '../shared/rdf/encode.js';
import { namedNode } from '../shared/rdf/factory.js';
import { OUTCOMES, type AuditFilter, type Outcome } from './model.js';
import { parseTimeBound } from './time.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
const MAX_PAGE = 100_000;
const ACTION = /^[A-Za-z][A-Za-z0-9._:-]{0,99}$/;

/** Filter parameters, in the order the page's form shows them. */
export const FILTER_PARAMS = ['resource', 'scope', 'agent', 'action', 'outcome', 'from', 'to', 'page', 'size'] as const;
/** Other parameters the route understands. */
const OTHER_PARAMS = ['format'];

const bad = (message: string) => new AppError('bad_request', message);

function single(params: URLSearchParams, name: string): string | undefined {
  const all = params.getAll(name);
  if (all.length > 1) throw bad(`Give "${name}" at most once`);
  const v = all[0]?.trim();
  return v === '' ? undefined : v;
}

function iri(params: URLSearchParams, name: string): ReturnType<typeof namedNode> | undefined {
  const v = single(params, name);
  if (v === undefined) return undefined;
  if (!isValidIri(v)) throw bad(`"${name}" must be an absolute IRI, got ${JSON.stringify(v.slice(0, 200))}`);
  return namedNode(v);
}

function int(params: URLSearchParams, name: string, min: number, max: number, dflt: number): number {
  const v = single(params, name);
  if (v === undefined) return dflt;
  if (!/^\d{1,9}$/.test(v) || Number(v) < min || Number(v) > max) throw bad(`"${name}" must be a whole number from ${min} to ${max}`);
  return Number(v);
}

export function parseAuditFilter(params: URLSearchParams): AuditFilter {
  for (const name of new Set(params.keys())) {
    if (!(FILTER_PARAMS as readonly string[]).includes(name) && !OTHER_PARAMS.includes(name)) {
      throw bad(`Unknown parameter "${name.slice(0, 50)}"; filters are ${FILTER_PARAMS.join(', ')}`);
    }
  }
  const filter: AuditFilter = {
    page: int(params, 'page', 1, MAX_PAGE, 1),
    size: int(params, 'size', 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
  };
  const resource = iri(params, 'resource');
  const scope = iri(params, 'scope');
  const agent = iri(params, 'agent');
  if (resource) filter.resource = resource;
  if (scope) filter.scope = scope;
  if (agent) filter.agent = agent;

  const action = single(params, 'action');
  if (action !== undefined) {
    if (!ACTION.test(action)) throw bad(`"action" must be an action name such as graph.replace, got ${JSON.stringify(action.slice(0, 100))}`);
    filter.action = action;
  }
  const outcome = single(params, 'outcome');
  if (outcome !== undefined) {
    if (!(OUTCOMES as readonly string[]).includes(outcome)) throw bad(`"outcome" must be one of ${OUTCOMES.join(', ')}`);
    filter.outcome = outcome as Outcome;
  }

  const from = single(params, 'from');
  const to = single(params, 'to');
  const fromBound = from === undefined ? undefined : parseTimeBound(from);
  const toBound = to === undefined ? undefined : parseTimeBound(to);
  const when = 'an ISO 8601 date (2024-05-01) or date-time (2024-05-01T14:30, Belgian time unless it ends in Z or +hh:mm)';
  if (from !== undefined && !fromBound) throw bad(`"from" must be ${when}, got ${JSON.stringify(from.slice(0, 100))}`);
  if (to !== undefined && !toBound) throw bad(`"to" must be ${when}, got ${JSON.stringify(to.slice(0, 100))}`);
  if (fromBound) filter.from = fromBound.start;
  if (toBound) filter.until = toBound.end;
  if (filter.from && filter.until && filter.from >= filter.until) throw bad('"from" must lie before "to"');
  return filter;
}

/** The query parameters that reproduce a filter (for paging links), page and size included. */
export function filterParams(raw: URLSearchParams, page: number): URLSearchParams {
  const out = new URLSearchParams();
  for (const name of FILTER_PARAMS) {
    const v = raw.get(name)?.trim();
    if (name === 'page') continue;
    if (v) out.set(name, v);
  }
  if (page > 1) out.set('page', String(page));
  const format = raw.get('format');
  if (format) out.set('format', format);
  return out;
}
