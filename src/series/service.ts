/**
 * Series use cases: create (directly, as a copy of a published series, or from a template), edit
 * the working version, and take workflow actions. Every write is authorised (POLICY) first, then
 * checked against the workflow state machine and the content rules, then stored with its audit entry
 * in one transaction guarded by the series' ETag.
 */
import { randomUUID } from 'node:crypto';
import type * as RDF from '@rdfjs/types';
import type { AuditContext } from '../shared/audit/audit-log.js';
import { grantsOf, type Actor } from '../shared/auth/actor.js';
import { authorize, type Action } from '../shared/auth/policy.js';
import { AppError, notFound } from '../shared/errors.js';
import type { CoreDeps } from '../shared/http/context.js';
import { namedNode } from '../shared/rdf/factory.js';
import type { CodeLists, Committee } from './codelists.js';
import {
  contentOf, publishedVersion, workingVersion,
  type FieldProblem, type Reden, type Series, type SeriesContent, type SeriesVersion, type Soort,
} from './model.js';
import { SeriesRepository, type SeriesOrganisation } from './repository.js';
import { SeriesSearchIndex } from './search-index.js';
import { completenessProblems, formatProblems, sameRetentionAndDestination, templateProblems } from './rules.js';
import { isPublicStatus, isSeriesId } from './rdf.js';
import { NEW_VERSION_ACTIONS, SERIES_ROLES, transition, type SeriesRole, type WorkflowAction } from './workflow.js';

export interface CreateInput {
  soort?: Soort;
  /** Organisation slug or IRI (gewone serie). */
  organisatie?: string;
  /** Organisation type code (generieke serie). */
  organisatietype?: string;
  /** Copy the published version of this series. */
  vanSerie?: string;
  /** Derive from this template series (of the organisation's type). */
  sjabloon?: string;
  content: Partial<SeriesContent>;
}

export interface ActInput {
  opmerking?: string;
  /** The ETag the caller saw (undefined: the current one). */
  etag?: number;
}

const NEW_VERSION_REASON: Partial<Record<WorkflowAction, Reden>> = { herzien: 'herziening', opvolgen: 'opvolging', afsluiten: 'afsluiting' };
const SHORTENED_REASONS: readonly Reden[] = ['herziening', 'opvolging', 'afsluiting'];

export const invalid = (problems: FieldProblem[]) =>
  new AppError('validation_failed', problems.map((p) => `${p.field}: ${p.message}`).join('; '), { problems });

export class SeriesService {
  readonly repo: SeriesRepository;
  /** The listing index behind browsing, the list API and exports. */
  readonly index: SeriesSearchIndex;

  constructor(
    private readonly deps: CoreDeps,
    readonly lists: CodeLists,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.repo = new SeriesRepository(deps, lists, () => this.index.invalidate());
    this.index = new SeriesSearchIndex(this.repo);
  }

  private get platform(): string {
    return this.deps.uris.platform.value;
  }

  /** The platform scope IRI (for authorize in the exchange use cases). */
  platformScope(): string {
    return this.platform;
  }

  get uris() {
    return this.deps.uris;
  }

  orgIri(slug: string): string {
    return this.deps.uris.url(`/id/organisatie/${slug}`);
  }

  /** Unpublished series are shown to their organisation, committee members and the platform. */
  mayRead(actor: Actor, s: Pick<Series, 'organisatie'>): boolean {
    if (actor.kind === 'bootstrap') return true;
    return grantsOf(actor).some((g) => g.scope === s.organisatie || g.scope === this.platform || g.role === 'commissielid' || g.role === 'commissievoorzitter');
  }

  /**
   * The series as the public may see it: only its published and superseded versions (public
   * history), without the version being worked on.
   */
  publicView(s: Series): Series {
    const out: Series = { ...s, versies: s.versies.filter((v) => isPublicStatus(v.status)) };
    delete out.werkversie;
    return out;
  }

  /** The series as this actor may see it (whole for its readers), or null when nothing of it is public. */
  visibleTo(actor: Actor, s: Series): Series | null {
    if (this.mayRead(actor, s)) return s;
    return s.gepubliceerdeVersie === undefined ? null : this.publicView(s);
  }

  /**
   * Who may list submitted series: committee members and the platform all of them; an
   * organisation's roles those of their own organisations. Anonymous callers none.
   */
  submittedScope(actor: Actor): { organisaties?: string[] } {
    if (actor.kind === 'bootstrap') return {};
    if (actor.kind === 'anonymous') throw new AppError('unauthorized', 'Ingediende series zijn niet openbaar; meld u aan');
    const grants = grantsOf(actor);
    if (grants.some((g) => g.scope === this.platform || g.role === 'commissielid' || g.role === 'commissievoorzitter')) return {};
    return { organisaties: [...new Set(grants.map((g) => g.scope))] };
  }

  today(): string {
    return this.now().toISOString().slice(0, 10);
  }

  async get(id: string): Promise<Series> {
    const s = isSeriesId(id) ? await this.repo.load(id) : null;
    if (!s) throw notFound(`Serie ${id}`);
    return s;
  }

  /** The organisation of a gewone serie, with its type. */
  async organisationOf(s: Pick<Series, 'organisatie'>): Promise<SeriesOrganisation | null> {
    return s.organisatie ? this.repo.organisation(s.organisatie) : null;
  }

  /** The committee competent for a series: by the template's type or the organisation's type. */
  async committeeOf(s: Pick<Series, 'soort' | 'organisatie' | 'organisatietype'>): Promise<Committee | undefined> {
    const type = s.soort === 'generiek' ? s.organisatietype : (await this.organisationOf(s))?.organisatietype;
    return type ? this.lists.committeeFor(type) : undefined;
  }

  /** The series roles the actor holds for this series. */
  rolesFor(actor: Actor, s: Pick<Series, 'organisatie'>, committee: Committee | undefined): Set<SeriesRole> {
    if (actor.kind === 'bootstrap') return new Set(SERIES_ROLES);
    const out = new Set<SeriesRole>();
    for (const g of grantsOf(actor)) {
      if (!(SERIES_ROLES as readonly string[]).includes(g.role)) continue;
      const role = g.role as SeriesRole;
      const orgRole = role === 'informatiebeheerder' || role === 'interne-goedkeurder';
      if (orgRole ? g.scope === s.organisatie : g.scope === committee?.iri.value) out.add(role);
    }
    return out;
  }

  /** The policy action and scope of a workflow action on a series. */
  private policyOf(action: WorkflowAction, s: Series, committee: Committee | undefined): { action: Action; scope: string | undefined } {
    const committeeScope = committee?.iri.value;
    if (action === 'opmerken') return { action: 'series.comment', scope: committeeScope };
    if (action === 'goedkeuren' || action === 'afwijzen') return { action: 'series.decide', scope: committeeScope };
    if (s.soort === 'generiek') return { action: 'series.template.edit', scope: committeeScope };
    if (action === 'intern-goedkeuren' || action === 'terugsturen') return { action: 'series.approve', scope: s.organisatie };
    return { action: 'series.edit', scope: s.organisatie };
  }

  async create(ctx: AuditContext, input: CreateInput): Promise<Series> {
    const soort: Soort = input.soort ?? (input.organisatietype && !input.organisatie ? 'generiek' : 'gewoon');
    const now = this.now().toISOString();
    let organisatie: SeriesOrganisation | null = null;
    let committee: Committee | undefined;
    if (soort === 'gewoon') {
      if (!input.organisatie) throw invalid([{ field: 'organisatie', message: 'Een gewone serie hoort bij een organisatie' }]);
      organisatie = await this.repo.organisation(input.organisatie);
      if (!organisatie) throw invalid([{ field: 'organisatie', message: `Geen organisatie ${input.organisatie}` }]);
      authorize(ctx.actor, 'series.edit', organisatie.iri, this.platform);
    } else {
      if (!input.organisatietype || !this.lists.has('organisatietype', input.organisatietype)) {
        throw invalid([{ field: 'organisatietype', message: `Een generieke serie hoort bij een organisatietype: ${this.lists.list('organisatietype').map((c) => c.code).join(', ')}` }]);
      }
      committee = this.lists.committeeFor(input.organisatietype);
      authorize(ctx.actor, 'series.template.edit', committee?.iri.value, this.platform);
    }

    let base: Partial<SeriesContent> = {};
    let reden: Reden = 'nieuw';
    let sjabloon: string | undefined;
    let template: SeriesVersion | undefined;
    if (input.vanSerie && input.sjabloon) throw new AppError('bad_request', 'Kies een bron: vanSerie of sjabloon, niet beide');
    if (input.vanSerie) {
      const source = publishedVersion(await this.get(input.vanSerie));
      if (!source) throw invalid([{ field: 'sjabloon', message: `Serie ${input.vanSerie} heeft geen gepubliceerde versie om te kopiëren` }]);
      base = contentOf(source);
      reden = 'kopie';
    } else if (input.sjabloon) {
      const t = await this.get(input.sjabloon);
      template = publishedVersion(t);
      if (t.soort !== 'generiek' || !template) throw invalid([{ field: 'sjabloon', message: `Serie ${input.sjabloon} is geen gepubliceerde sjabloonserie` }]);
      if (soort !== 'gewoon' || t.organisatietype !== organisatie?.organisatietype) {
        throw invalid([{
          field: 'sjabloon',
          message: `De sjabloonserie is voor ${this.lists.label('organisatietype', t.organisatietype)}, de organisatie is ${organisatie?.organisatietype ? this.lists.label('organisatietype', organisatie.organisatietype) : 'van geen gekend type'}`,
        }]);
      }
      base = contentOf(template);
      reden = 'sjabloon';
      sjabloon = t.id;
    }
    const content = contentOf({ ...base, ...dropEmpty(input.content), naam: input.content.naam ?? base.naam ?? '' });
    const problems = [...formatProblems(content, this.lists), ...(template ? templateProblems(content, template) : [])];
    if (problems.length) throw invalid(problems);

    const series: Series = {
      id: randomUUID(),
      soort,
      ...(organisatie ? { organisatie: organisatie.iri } : {}),
      ...(soort === 'generiek' ? { organisatietype: input.organisatietype } : {}),
      ...(sjabloon ? { sjabloon } : {}),
      werkversie: 1,
      versies: [{ ...content, nummer: 1, status: 'ontwerp', reden, aangemaakt: now, gewijzigd: now, opmerkingen: [] }],
      aangemaakt: now,
      etag: 0,
    };
    const scope = namedNode(organisatie?.iri ?? committee?.iri.value ?? this.platform);
    series.etag = await this.repo.save(ctx, series, { action: 'series.create', scope, versions: [1], detail: reden });
    return series;
  }

  /** Replaces the content of the working version (which must be in ontwerp). */
  async update(ctx: AuditContext, id: string, etag: number | undefined, input: Partial<SeriesContent>): Promise<Series> {
    const s = await this.get(id);
    this.checkEtag(s, etag);
    const committee = await this.committeeOf(s);
    const policy = this.policyOf('bewerken', s, committee);
    authorize(ctx.actor, policy.action, policy.scope, this.platform);
    const w = workingVersion(s);
    const out = transition(w?.status ?? 'gepubliceerd', 'bewerken', this.facts(ctx.actor, s, committee));
    if (!out.ok || !w) throw refusalError(out.ok ? { code: 'niet-in-deze-status', message: 'Er is geen versie in ontwerp' } : out.refusal);
    const content = contentOf({ ...dropEmpty(input), naam: input.naam ?? '' } as SeriesContent);
    const problems = [...formatProblems(content, this.lists), ...(await this.templateCheck(s, content))];
    if (problems.length) throw invalid(problems);
    const next: SeriesVersion = { ...content, nummer: w.nummer, status: w.status, reden: w.reden, aangemaakt: w.aangemaakt, gewijzigd: this.now().toISOString(), opmerkingen: w.opmerkingen };
    const updated: Series = { ...s, versies: s.versies.map((v) => (v.nummer === w.nummer ? next : v)) };
    updated.etag = await this.repo.save(ctx, updated, { action: 'series.update', scope: this.scopeNode(s, committee), versions: [w.nummer] });
    return updated;
  }

  /** Takes a workflow action. */
  async act(ctx: AuditContext, id: string, action: WorkflowAction, input: ActInput = {}): Promise<Series> {
    const s = await this.get(id);
    this.checkEtag(s, input.etag);
    const committee = await this.committeeOf(s);
    const policy = this.policyOf(action, s, committee);
    authorize(ctx.actor, policy.action, policy.scope, this.platform);
    const newVersion = NEW_VERSION_ACTIONS.includes(action);
    const target = newVersion ? publishedVersion(s) : workingVersion(s);
    const status = target?.status ?? (newVersion ? 'ontwerp' : (publishedVersion(s)?.status ?? 'vervangen'));
    const out = transition(status, action, { ...this.facts(ctx.actor, s, committee), ...(input.opmerking !== undefined ? { comment: input.opmerking } : {}) });
    if (!out.ok) throw refusalError(out.refusal);
    if (!target) throw new AppError('conflict', 'Er is geen versie om deze actie op toe te passen');

    const now = this.now().toISOString();
    const comment = input.opmerking?.trim()
      ? [{ actie: action, tekst: input.opmerking.trim(), datum: now, ...(ctx.actor.kind !== 'anonymous' ? { auteur: ctx.actor.iri } : {}) }]
      : [];
    let versies = s.versies;
    const written: number[] = [];
    let { werkversie, gepubliceerdeVersie } = s;

    if (out.newVersion) {
      const n = Math.max(...s.versies.map((v) => v.nummer)) + 1;
      const reden = NEW_VERSION_REASON[action]!;
      const content = contentOf(target);
      if (reden === 'afsluiting' && (!content.geldigTot || content.geldigTot > this.today())) content.geldigTot = this.today();
      versies = [...versies, { ...content, nummer: n, status: 'ontwerp', reden, aangemaakt: now, gewijzigd: now, opmerkingen: comment }];
      werkversie = n;
      written.push(n);
    } else {
      if (['indienen', 'intern-goedkeuren', 'goedkeuren', 'rechtstreeks-publiceren'].includes(action)) {
        const problems = [...formatProblems(target, this.lists), ...completenessProblems(target), ...(await this.templateCheck(s, target))];
        if (problems.length) throw invalid(problems);
        if (s.soort === 'gewoon' && !committee) {
          throw invalid([{ field: 'organisatie', message: 'De organisatie heeft geen gekend organisatietype, dus geen bevoegde selectiecommissie' }]);
        }
      }
      const updated: SeriesVersion = { ...target, status: out.next, gewijzigd: now, opmerkingen: [...target.opmerkingen, ...comment] };
      if (out.publishes) {
        updated.goedgekeurd = now;
        updated.gepubliceerd = now;
        const previous = publishedVersion(s);
        versies = versies.map((v) => (v.nummer === previous?.nummer ? { ...v, status: 'vervangen' as const } : v));
        if (previous) written.push(previous.nummer);
        gepubliceerdeVersie = target.nummer;
        werkversie = undefined;
      }
      versies = versies.map((v) => (v.nummer === target.nummer ? updated : v));
      written.push(target.nummer);
    }
    const next: Series = { ...s, versies };
    if (werkversie === undefined) delete next.werkversie;
    else next.werkversie = werkversie;
    if (gepubliceerdeVersie !== undefined) next.gepubliceerdeVersie = gepubliceerdeVersie;
    next.etag = await this.repo.save(ctx, next, { action: `series.${action}`, scope: this.scopeNode(s, committee), versions: written });
    return next;
  }

  /** The facts the state machine needs, for this actor and series. */
  facts(actor: Actor, s: Series, committee: Committee | undefined) {
    const w = workingVersion(s);
    const p = publishedVersion(s);
    return {
      soort: s.soort,
      roles: this.rolesFor(actor, s, committee),
      shortenedFlowAllowed: !!w && !!p && SHORTENED_REASONS.includes(w.reden) && sameRetentionAndDestination(w, p),
      hasOpenVersion: s.werkversie !== undefined,
    };
  }

  private async templateCheck(s: Series, content: SeriesContent): Promise<FieldProblem[]> {
    if (!s.sjabloon) return [];
    const t = await this.repo.load(s.sjabloon);
    const tv = t ? publishedVersion(t) : undefined;
    return tv ? templateProblems(content, tv) : [];
  }

  private checkEtag(s: Series, etag: number | undefined): void {
    if (etag !== undefined && etag !== s.etag) {
      throw new AppError('precondition_failed', `De serie werd intussen gewijzigd (versie ${s.etag}, u had ${etag}); laad ze opnieuw`);
    }
  }

  private scopeNode(s: Series, committee: Committee | undefined): RDF.NamedNode {
    return namedNode(s.organisatie ?? committee?.iri.value ?? this.platform);
  }
}

function dropEmpty<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== '')) as Partial<T>;
}

function refusalError(r: { code: string; message: string }): AppError {
  const code = r.code === 'rol-ontbreekt' ? 'forbidden' : r.code === 'opmerking-vereist' ? 'bad_request' : 'conflict';
  return new AppError(code, r.message, { refusal: r.code });
}
