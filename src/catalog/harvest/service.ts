/**
 * Harvest use cases: manage the sources (catalogusbeheerder), harvest one source or all of them,
 * and read a source's history. A run fetches the catalogue with the prerequisites (fetch.ts),
 * validates it and imports it for the source's organisation (CatalogueService.importFor: all or
 * nothing, refused when the catalogue's authority is another organisation). Whatever happens, the
 * run's report is stored; a failed run leaves the organisation's products as they were.
 *
 * One run per source at a time, also across instances sharing a store (a lease in the store).
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { AuditContext } from '../../shared/audit/audit-log.js';
import { agentOf, type Actor } from '../../shared/auth/actor.js';
import { authorize, can } from '../../shared/auth/policy.js';
import { AppError, notFound } from '../../shared/errors.js';
import type { CoreDeps } from '../../shared/http/context.js';
import { createIdentityServices } from '../../identity/index.js';
import type { CatalogueReport } from '../model.js';
import { CatalogueService } from '../service.js';
import { checkCatalogueUrl, fetchCatalogue, type FetchCatalogueOptions } from './fetch.js';
import {
  MAX_PROBLEMS, SLUG, newRunId,
  type CreateSourceInput, type HarvestOutcome, type HarvestProblem, type HarvestReport, type HarvestSource, type HarvestTrigger,
} from './model.js';
import { HarvestRepository } from './repository.js';

export interface HarvestOptions extends FetchCatalogueOptions {
  /** Sources harvested at the same time by a run over all sources. */
  concurrency?: number;
  now?: () => Date;
}

export interface HarvestAllResult {
  /** Per source: the outcome of its run, or busy when a run of it was already going on. */
  runs: { source: string; outcome: HarvestOutcome | 'busy' }[];
}

const FETCH_REFUSED_AS_UNREACHABLE = new Set(['unreachable', 'timeout']);

export class HarvestService {
  private readonly repo: HarvestRepository;
  private readonly catalogue: CatalogueService;
  private readonly platform: string;

  constructor(
    private readonly deps: CoreDeps,
    private readonly opts: HarvestOptions,
  ) {
    this.repo = new HarvestRepository(deps);
    this.catalogue = new CatalogueService(deps, { maxBytes: opts.maxBytes, ...(opts.now ? { now: opts.now } : {}) });
    this.platform = deps.uris.platform.value;
  }

  private now(): Date {
    return this.opts.now?.() ?? new Date();
  }

  /** Every source, with the organisation's name (catalogusbeheerders). */
  async listSources(actor: Actor): Promise<HarvestSource[]> {
    authorize(actor, 'catalogue.harvest', undefined, this.platform);
    const [sources, organisations] = await Promise.all([this.repo.listSources(), createIdentityServices(this.deps).organisations.list()]);
    const names = new Map(organisations.map((o) => [o.iri, o.name]));
    return sources.map((s) => ({ ...s, ...(names.has(s.organisation) ? { organisationName: names.get(s.organisation)! } : {}) }));
  }

  /** Every source with its last report, and the organisations without a source (the admin page). */
  async overview(actor: Actor): Promise<{ sources: { source: HarvestSource; last: HarvestReport | null }[]; organisations: { slug: string; name: string }[] }> {
    const sources = await this.listSources(actor);
    const taken = new Set(sources.map((s) => s.id));
    const organisations = (await createIdentityServices(this.deps).organisations.list())
      .filter((o) => !taken.has(o.slug))
      .map((o) => ({ slug: o.slug, name: o.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    const withLast = await Promise.all(sources.map(async (source) => ({ source, last: (await this.repo.reports(source.id, 1))[0] ?? null })));
    return { sources: withLast, organisations };
  }

  /** One source; readable by catalogusbeheerders and by those who may import for its organisation. */
  async getSource(actor: Actor, slug: string): Promise<HarvestSource> {
    if (!SLUG.test(slug)) throw notFound(`The harvest source ${JSON.stringify(slug)}`);
    // A source's id is its organisation's slug: its producteditors may read it.
    if (!can(actor, 'catalogue.harvest', undefined, this.platform)) {
      authorize(actor, 'catalogue.import', this.deps.uris.id('organisatie', slug).value, this.platform);
    }
    const source = await this.repo.getSource(slug);
    if (!source) throw notFound(`The harvest source ${JSON.stringify(slug)}`);
    const org = await createIdentityServices(this.deps).organisations.get(slug).catch(() => null);
    return { ...source, ...(org ? { organisationName: org.organisation.name } : {}) };
  }

  async createSource(ctx: AuditContext, input: CreateSourceInput): Promise<HarvestSource> {
    authorize(ctx.actor, 'catalogue.harvest', undefined, this.platform);
    const problem = checkCatalogueUrl(input.url, this.opts);
    if (problem) throw new AppError('validation_failed', `url: ${problem.message}`, { field: 'url', code: problem.code });
    const org = await createIdentityServices(this.deps).organisations.get(input.organisation).catch(() => null);
    if (!org) {
      throw new AppError('validation_failed', `organisation: no organisation ${JSON.stringify(input.organisation)} is registered`, { field: 'organisation' });
    }
    const agent = agentOf(ctx.actor);
    await this.repo.createSource(ctx, { id: input.organisation, url: new URL(input.url).href, created: this.now().toISOString(), ...(agent ? { creator: agent } : {}) });
    return this.getSource(ctx.actor, input.organisation);
  }

  async deleteSource(ctx: AuditContext, slug: string): Promise<void> {
    authorize(ctx.actor, 'catalogue.harvest', undefined, this.platform);
    if (!SLUG.test(slug) || !(await this.repo.getSource(slug))) throw notFound(`The harvest source ${JSON.stringify(slug)}`);
    await this.repo.deleteSource(ctx, slug);
  }

  /** The source's reports, newest first (same readers as getSource). */
  async history(actor: Actor, slug: string, limit?: number): Promise<{ source: HarvestSource; reports: HarvestReport[] }> {
    const source = await this.getSource(actor, slug);
    return { source, reports: await this.repo.reports(slug, limit) };
  }

  /**
   * Harvests one source now and stores the report. Throws conflict (409) when a run of this source
   * is already going on (here or in another instance).
   */
  async harvest(ctx: AuditContext, slug: string, trigger: HarvestTrigger = 'manual'): Promise<HarvestReport> {
    authorize(ctx.actor, 'catalogue.harvest', undefined, this.platform);
    const source = SLUG.test(slug) ? await this.repo.getSource(slug) : null;
    if (!source) throw notFound(`The harvest source ${JSON.stringify(slug)}`);
    const lock = `oogst-bron-${slug}`;
    const owner = randomUUID();
    const ttl = this.opts.timeoutMs + 15 * 60_000;
    if (!(await this.deps.store.acquireLock(lock, owner, ttl))) {
      throw new AppError('conflict', `A harvest of ${slug} is already running; try again when it has finished`);
    }
    try {
      const report = await this.run(ctx, source, trigger);
      await this.repo.saveReport(ctx, slug, report);
      this.deps.logger.info({ source: slug, outcome: report.outcome, ms: report.ms, products: report.productsImported }, 'catalogue harvested');
      return { ...report, iri: this.deps.uris.id('oogstrapport', slug, report.id).value, source: source.iri };
    } finally {
      await this.deps.store.releaseLock(lock, owner).catch((err: unknown) => this.deps.logger.warn({ err, source: slug }, 'could not release a harvest lease'));
    }
  }

  /** Harvests every source, a few at a time; stops starting new runs once `signal` is aborted. */
  async harvestAll(ctx: AuditContext, trigger: HarvestTrigger = 'manual', signal?: AbortSignal): Promise<HarvestAllResult> {
    authorize(ctx.actor, 'catalogue.harvest', undefined, this.platform);
    const queue = [...(await this.repo.listSources())];
    const runs: HarvestAllResult['runs'] = [];
    const worker = async () => {
      for (let s = queue.shift(); s && !signal?.aborted; s = queue.shift()) {
        try {
          runs.push({ source: s.id, outcome: (await this.harvest(ctx, s.id, trigger)).outcome });
        } catch (err) {
          if (err instanceof AppError && err.code === 'conflict') runs.push({ source: s.id, outcome: 'busy' });
          else {
            this.deps.logger.error({ err, source: s.id }, 'harvest run failed');
            runs.push({ source: s.id, outcome: 'error' });
          }
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, this.opts.concurrency ?? 4) }, worker));
    return { runs };
  }

  /** Fetch, validate, import; every failure becomes the report's outcome and problems. */
  private async run(ctx: AuditContext, source: HarvestSource, trigger: HarvestTrigger): Promise<Omit<HarvestReport, 'iri' | 'source'>> {
    const started = this.now();
    const t0 = performance.now();
    const agent = agentOf(ctx.actor);
    const base = { id: newRunId(started), started: started.toISOString(), trigger, url: source.url, ...(agent ? { agent } : {}) };
    let result: Pick<HarvestReport, 'outcome' | 'problemCount' | 'problems'> & Partial<HarvestReport>;
    try {
      const fetched = await fetchCatalogue(source.url, this.opts);
      if (!fetched.ok) {
        result = {
          outcome: FETCH_REFUSED_AS_UNREACHABLE.has(fetched.problem.code) ? 'unreachable' : 'refused',
          problemCount: 1,
          problems: [{ code: fetched.problem.code, message: fetched.problem.message }],
          ...(fetched.status !== undefined ? { httpStatus: fetched.status } : {}),
          ...(fetched.finalUrl !== undefined ? { finalUrl: fetched.finalUrl } : {}),
          ...(fetched.contentType !== undefined ? { contentType: fetched.contentType } : {}),
        };
      } else {
        const imported = await this.catalogue.importFor(ctx, source.organisation, fetched.body);
        const all = problemsOf(imported.report);
        result = {
          outcome: imported.stored ? 'ok' : 'invalid',
          problemCount: all.length,
          problems: all.slice(0, MAX_PROBLEMS),
          finalUrl: fetched.finalUrl,
          httpStatus: fetched.status,
          contentType: fetched.contentType,
          bytes: fetched.body.byteLength,
          productsDelivered: imported.report.overview.products,
          productsImported: imported.stored ? imported.report.overview.products : 0,
          productsRemoved: imported.removed ?? 0,
        };
      }
    } catch (err) {
      this.deps.logger.error({ err, source: source.id }, 'harvest run failed');
      const code = err instanceof AppError ? err.code : 'internal';
      const message = err instanceof AppError ? err.message : 'Internal error while importing; nothing was imported';
      result = { outcome: 'error', problemCount: 1, problems: [{ code, message }] };
    }
    const ms = Math.round(performance.now() - t0);
    return { ...base, ended: new Date(started.getTime() + ms).toISOString(), ms, ...result };
  }
}

/** Every problem of a catalogue report, in document order: XML errors, catalogue, products. */
export function problemsOf(report: CatalogueReport): HarvestProblem[] {
  return [
    ...report.xmlErrors.map((e) => ({ code: e.code, message: e.message, line: e.line, column: e.column })),
    ...report.catalogueProblems.map((p) => ({ code: p.code, message: p.message })),
    ...report.products.flatMap((p) =>
      p.problems.map((x) => ({ code: x.code, message: x.message, ...(p.line !== undefined ? { line: p.line } : {}), ...(p.productID !== null ? { productID: p.productID } : {}) })),
    ),
  ];
}
