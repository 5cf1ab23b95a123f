/**
 * Use cases of the decisions register. Every write authorises its caller for the bestuurseenheid
 * (schrijver edits, publiceerder publishes, ondertekenaar signs) and goes through the audit log in
 * the same transaction; drafts are read by the bestuurseenheid's lezers, schrijvers, publiceerders
 * and ondertekenaars. Attachments: attachment-service.ts; signatures: signing.ts.
 */
import type { AuditContext } from '../shared/audit/audit-log.js';
import type { Actor } from '../shared/auth/actor.js';
import { authorize, type Action } from '../shared/auth/policy.js';
import { AppError, notFound } from '../shared/errors.js';
import type { CoreDeps } from '../shared/http/context.js';
import { namedNode } from '../shared/rdf/factory.js';
import { publishedBijlagen } from './attachment-rdf.js';
import { changedFields } from './changes.js';
import type { DecisionCodeLists } from './codelists.js';
import { duplicateIds, ID, invalid, orgaanFromInput, parseOrgaanInput, parseZittingInput, zittingFromInput, type Problem } from './input.js';
import type { Bestuursorgaan, Bijlage, Handtekening, PublicationVersion, VersionedZitting, Zitting } from './model.js';
import { documentKey, documentPath, versionPath, zittingPath, type DocumentRef } from './paths.js';
import { brussels, contentKey, contentQuads, documentsOf, publicationProblems, publicationTime, versionQuads, type PublishKind } from './publish.js';
import { DecisionIris } from './rdf.js';
import { DecisionRepository, DraftExtrasRepository, readHandtekeningen, type Eenheid } from './repository.js';
import { documentRefOf, isValidFor, signatureHash, validSignatures } from './signing.js';

/** A signature as the API shows it: valid while the document's content is unchanged. */
export interface SignatureState extends Handtekening {
  geldig: boolean;
}

export class DecisionService {
  readonly repo: DecisionRepository;
  readonly iris: DecisionIris;
  readonly extras: DraftExtrasRepository;

  constructor(
    private readonly deps: CoreDeps,
    readonly lists: DecisionCodeLists,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.iris = new DecisionIris(deps.uris);
    this.repo = new DecisionRepository(deps, this.iris, lists);
    this.extras = new DraftExtrasRepository(deps, this.iris);
  }

  private authorize(actor: Actor, action: Action, eenheid: string): void {
    authorize(actor, action, this.iris.eenheid(eenheid).value, this.deps.uris.platform.value);
  }

  /** The bestuurseenheid, or 404 when the organisation is unknown or not a bestuurseenheid. */
  async eenheid(slug: string): Promise<Eenheid> {
    const e = ID.test(slug) ? await this.repo.eenheid(slug) : null;
    if (!e?.bestuurseenheid) throw notFound(`Bestuurseenheid ${slug}`);
    return e;
  }

  // ------------------------------------------------------------------ bodies

  async orgaan(eenheid: string, orgaan: string): Promise<{ orgaan: Bestuursorgaan; version: number }> {
    const found = ID.test(orgaan) ? await this.repo.orgaan(eenheid, orgaan) : null;
    if (!found) throw notFound(`Bestuursorgaan ${eenheid}/${orgaan}`);
    return found;
  }

  /** Creates or replaces a body with its periods and mandatarissen. */
  async putOrgaan(ctx: AuditContext, eenheid: string, orgaanId: string, body: unknown, ifMatch?: number): Promise<{ orgaan: Bestuursorgaan; version: number; created: boolean }> {
    await this.eenheid(eenheid);
    this.authorize(ctx.actor, 'decisions.edit', eenheid);
    if (!ID.test(orgaanId)) throw new AppError('bad_request', `${orgaanId} is not a valid body id (lower-case letters, digits, hyphens)`);
    const input = parseOrgaanInput(body);
    const problems: Problem[] = [];
    if (!this.lists.orgaanClassificaties.has(input.classificatie)) problems.push({ field: 'classificatie', message: `een van ${this.lists.orgaanClassificaties.all.map((c) => c.key).join(', ')}` });
    const orgaan = orgaanFromInput(eenheid, orgaanId, input);
    const seen = new Set<string>();
    orgaan.perioden.forEach((p, i) => {
      if (seen.has(p.id)) problems.push({ field: `perioden.${i}.id`, message: `periode ${p.id} komt meer dan eens voor` });
      seen.add(p.id);
      if (p.einde && p.einde < p.start) problems.push({ field: `perioden.${i}.einde`, message: 'ligt voor de start' });
    });
    if (problems.length) throw invalid(problems);
    const existing = await this.repo.orgaan(eenheid, orgaanId);
    const expect = ifMatch ?? existing?.version ?? 0;
    const version = await this.repo.saveOrgaan(ctx, orgaan, expect, existing ? 'decisions.orgaan.update' : 'decisions.orgaan.create');
    return { orgaan, version, created: !existing };
  }

  // ------------------------------------------------------------------ draft meetings

  async zitting(actor: Actor, eenheid: string, id: string): Promise<VersionedZitting> {
    await this.eenheid(eenheid);
    this.authorize(actor, 'decisions.read', eenheid);
    const found = ID.test(id) ? await this.repo.draft(id) : null;
    if (!found || found.zitting.eenheid !== eenheid) throw notFound(`Zitting ${id}`);
    return found;
  }

  async zittingen(actor: Actor, eenheid: string) {
    await this.eenheid(eenheid);
    this.authorize(actor, 'decisions.read', eenheid);
    return this.repo.drafts(eenheid);
  }

  async createZitting(ctx: AuditContext, eenheid: string, body: unknown): Promise<VersionedZitting> {
    return this.saveZitting(ctx, eenheid, null, body);
  }

  async updateZitting(ctx: AuditContext, eenheid: string, id: string, body: unknown, ifMatch?: number): Promise<VersionedZitting> {
    return this.saveZitting(ctx, eenheid, id, body, ifMatch);
  }

  private async saveZitting(ctx: AuditContext, eenheid: string, id: string | null, body: unknown, ifMatch?: number): Promise<VersionedZitting> {
    await this.eenheid(eenheid);
    this.authorize(ctx.actor, 'decisions.edit', eenheid);
    const existing = id ? await this.zitting(ctx.actor, eenheid, id) : null;
    const input = parseZittingInput(body);
    const problems: Problem[] = [];
    const { orgaan } = await this.orgaan(eenheid, input.orgaan).catch(() => {
      throw invalid([{ field: 'orgaan', message: `${input.orgaan} is geen bestuursorgaan van ${eenheid}` }]);
    });
    const day = brussels(input.geplandeStart).date;
    const periode = input.periode
      ? orgaan.perioden.find((p) => p.id === input.periode)
      : orgaan.perioden.find((p) => p.start <= day && (!p.einde || day <= p.einde));
    if (!periode) throw invalid([{ field: input.periode ? 'periode' : 'geplandeStart', message: input.periode ? `${input.periode} is geen bestuursperiode van ${orgaan.naam}` : `${orgaan.naam} heeft geen bestuursperiode op ${day}` }]);
    const zittingId = existing?.zitting.id ?? crypto.randomUUID();
    const published = existing ? await this.repo.isPublished(zittingId) : false;
    if (published && existing && (existing.zitting.orgaan !== input.orgaan || existing.zitting.periode !== periode.id)) {
      problems.push({ field: 'orgaan', message: 'de zitting werd al gepubliceerd: het orgaan en de periode liggen vast' });
    }
    const slug = published && existing ? existing.zitting.slug : await this.slugFor(eenheid, input.orgaan, day, zittingId);
    const z = zittingFromInput({ id: zittingId, eenheid, slug, periode: periode.id }, input, problems);
    problems.push(...duplicateIds(z), ...this.referenceProblems(z, new Set(periode.mandatarissen.map((m) => m.id))));
    if (z.agendapunten.some((a) => a.behandeling?.besluit?.bijlagen?.length)) {
      const uploaded = new Set((await this.extras.bijlagen(zittingId)).map((b) => b.id));
      z.agendapunten.forEach((a, i) =>
        (a.behandeling?.besluit?.bijlagen ?? []).forEach((b, j) => {
          if (!uploaded.has(b)) problems.push({ field: `agendapunten.${i}.behandeling.besluit.bijlagen.${j}`, message: `${b} is geen bijlage van deze zitting (laad ze eerst op)` });
        }),
      );
    }
    if (problems.length) throw invalid(problems);
    const expect = existing ? (ifMatch ?? existing.version) : 0;
    const version = await this.repo.saveDraft(ctx, z, expect, existing ? 'decisions.zitting.update' : 'decisions.zitting.create', changedFields(existing?.zitting ?? null, z));
    return { zitting: z, version };
  }

  /** YYYY-MM-DD, or YYYY-MM-DD-2, -3... when the body already has a meeting that day. */
  private async slugFor(eenheid: string, orgaan: string, day: string, self: string): Promise<string> {
    const taken = new Set((await this.repo.drafts(eenheid)).filter((d) => d.orgaan === orgaan && d.id !== self).map((d) => d.slug));
    if (!taken.has(day)) return day;
    let n = 2;
    while (taken.has(`${day}-${n}`)) n++;
    return `${day}-${n}`;
  }

  private referenceProblems(z: Zitting, mandatarissen: Set<string>): Problem[] {
    const problems: Problem[] = [];
    const check = (ids: string[], field: string) => ids.forEach((m, i) => {
      if (!mandatarissen.has(m)) problems.push({ field: `${field}.${i}`, message: `${m} is geen mandataris van het orgaan in deze periode` });
    });
    if (z.voorzitter) check([z.voorzitter], 'voorzitter');
    if (z.secretaris) check([z.secretaris], 'secretaris');
    check(z.aanwezigen, 'aanwezigen');
    z.agendapunten.forEach((a, i) => {
      const b = a.behandeling;
      if (!b) return;
      const f = `agendapunten.${i}.behandeling`;
      check(b.aanwezigen, `${f}.aanwezigen`);
      if (b.besluit && !this.lists.besluitTypes.has(b.besluit.type)) {
        problems.push({ field: `${f}.besluit.type`, message: `een van ${this.lists.besluitTypes.all.map((c) => c.key).join(', ')}` });
      }
      b.stemmingen.forEach((s, j) => {
        for (const k of ['stemmers', 'voorstanders', 'tegenstanders', 'onthouders'] as const) check(s[k], `${f}.stemmingen.${j}.${k}`);
      });
    });
    return problems;
  }

  // ------------------------------------------------------------------ publication

  /**
   * Publishes the documents of one kind (uittreksels: one per treated agendapunt). A document whose
   * content did not change since its latest version is left alone; a changed one gets a new,
   * immutable version with its own URL. Returns the new versions.
   */
  async publish(ctx: AuditContext, eenheid: string, id: string, kind: PublishKind, note?: string): Promise<PublicationVersion[]> {
    const e = await this.eenheid(eenheid);
    this.authorize(ctx.actor, 'decisions.publish', eenheid);
    const { zitting: z } = await this.zitting(ctx.actor, eenheid, id);
    const { orgaan } = await this.orgaan(eenheid, z.orgaan);
    const refs = documentsOf(kind, z);
    if (!refs.length) throw invalid([{ field: 'agendapunten', message: 'geen enkel agendapunt werd behandeld' }]);
    const periode = orgaan.perioden.find((x) => x.id === z.periode);
    // The body may have changed since the draft was saved: its mandatarissen must still be there.
    const problems = [
      ...(periode ? this.referenceProblems(z, new Set(periode.mandatarissen.map((m) => m.id))) : [{ field: 'periode', message: `${z.periode} is geen bestuursperiode van ${orgaan.naam} meer` }]),
      ...refs.flatMap((r) => publicationProblems(z, r)),
    ];
    if (problems.length) throw invalid(problems);
    if (note !== undefined && note.length > 2000) throw invalid([{ field: 'toelichting', message: 'hoogstens 2000 tekens' }]);
    const eenheidInfo = { naam: e.naam, ...(e.classificatie ? { classificatie: e.classificatie } : {}) };
    const bijlagen = await this.extras.bijlagen(z.id);
    const signatures = await this.extras.handtekeningen(z.id);
    const required = this.deps.config.decisions.requiredSignatures;
    // First decide what changed and whether it is signed enough: nothing is published unless all of it can be.
    const todo: { ref: DocumentRef; docPath: string; versions: Awaited<ReturnType<DecisionRepository['versions']>>; signed: Handtekening[] }[] = [];
    const unsigned: Problem[] = [];
    for (const ref of refs) {
      const docPath = documentPath(eenheid, z.orgaan, z.slug, ref);
      const versions = await this.repo.versions(this.deps.uris.url(docPath));
      const latest = versions.at(-1);
      const fresh = contentKey(contentQuads(this.iris, this.lists, { zitting: z, orgaan, eenheid: eenheidInfo, ref, graph: this.iris.publicationGraph(z.id, documentKey(ref), versions.length + 1), bijlagen }));
      if (latest && contentKey(await this.repo.versionQuads(z.id, documentKey(ref), latest.number), latest) === fresh) continue;
      const signed = validSignatures(signatures, documentKey(ref), fresh);
      if (signed.length < required) {
        const stale = signatures.filter((h) => h.document === documentKey(ref) && !isValidFor(h, fresh)).length;
        unsigned.push({ field: 'handtekeningen', message: `${documentKey(ref)}: ${signed.length} van de ${required} vereiste geldige handtekeningen${stale ? ` (${stale} ongeldig door een latere wijziging)` : ''}` });
      }
      todo.push({ ref, docPath, versions, signed });
    }
    if (unsigned.length) throw new AppError('conflict', `Nog niet genoeg handtekeningen: ${unsigned.map((u) => u.message).join('; ')}`, { problems: unsigned });
    const out: PublicationVersion[] = [];
    for (const { ref, docPath, versions, signed } of todo) {
      const document = namedNode(this.deps.uris.url(docPath));
      const latest = versions.at(-1);
      const number = versions.length + 1;
      const graph = this.iris.publicationGraph(z.id, documentKey(ref), number);
      const publishedAt = publicationTime(this.now());
      const agent = this.agent(ctx.actor);
      const version = namedNode(this.deps.uris.url(versionPath(docPath, number)));
      const quads = versionQuads(this.iris, this.lists, {
        zitting: z, orgaan, eenheid: eenheidInfo, ref, graph, version, document, publishedAt, agent,
        ...(latest ? { previous: namedNode(latest.iri) } : {}),
        ...(note ? { note } : {}),
        bijlagen,
        handtekeningen: signed,
      });
      await this.repo.publish(ctx, { document, eenheid, zittingId: z.id, docKey: documentKey(ref), current: versions.length, quads, detail: `${documentKey(ref)} versie ${number}` });
      out.push({ iri: version.value, document: document.value, kind: ref.kind, number, publishedAt, publisher: agent.iri.value, publisherName: agent.name, ...(note ? { note } : {}) });
    }
    return out;
  }

  // ------------------------------------------------------------------ signing

  /** The content key of one document of the draft, as it would be published now. */
  private async draftContent(z: Zitting, ref: DocumentRef, e: Eenheid): Promise<string> {
    const { orgaan } = await this.orgaan(z.eenheid, z.orgaan);
    const eenheidInfo = { naam: e.naam, ...(e.classificatie ? { classificatie: e.classificatie } : {}) };
    const graph = this.iris.publicationGraph(z.id, documentKey(ref), 0);
    return contentKey(contentQuads(this.iris, this.lists, { zitting: z, orgaan, eenheid: eenheidInfo, ref, graph, bijlagen: await this.extras.bijlagen(z.id) }));
  }

  private documentRef(key: unknown, z: Zitting): DocumentRef {
    const ref = typeof key === 'string' ? documentRefOf(key, z) : null;
    if (!ref) throw invalid([{ field: 'document', message: 'agenda, aanvullende-agenda, spoedeisende-agenda, besluitenlijst, notulen of uittreksel-{n} (n: een behandeld agendapunt)' }]);
    return ref;
  }

  /** Signs one document of a draft meeting (ondertekenaar): SHA-256 over its current content, the signer and the time. */
  async sign(ctx: AuditContext, eenheid: string, id: string, document: unknown): Promise<SignatureState> {
    const e = await this.eenheid(eenheid);
    this.authorize(ctx.actor, 'decisions.sign', eenheid);
    const { zitting: z } = await this.zitting(ctx.actor, eenheid, id);
    const ref = this.documentRef(document, z);
    const problems = publicationProblems(z, ref);
    if (problems.length) throw invalid(problems);
    const agent = this.agent(ctx.actor);
    const tijdstip = publicationTime(this.now());
    const content = await this.draftContent(z, ref, e);
    const h: Handtekening = { id: crypto.randomUUID(), zitting: z.id, document: documentKey(ref), ondertekenaar: agent.iri.value, ondertekenaarNaam: agent.name, tijdstip, hash: signatureHash(content, agent.iri.value, tijdstip) };
    await this.extras.saveHandtekening(ctx, eenheid, h);
    return { ...h, geldig: true };
  }

  /** Every signature on the meeting's documents, each marked valid or not for the current content. */
  async signatures(actor: Actor, eenheid: string, id: string): Promise<SignatureState[]> {
    const e = await this.eenheid(eenheid);
    const { zitting: z } = await this.zitting(actor, eenheid, id);
    const all = await this.extras.handtekeningen(z.id);
    const contents = new Map<string, string | null>();
    const out: SignatureState[] = [];
    for (const h of all) {
      if (!contents.has(h.document)) {
        const ref = documentRefOf(h.document, z);
        contents.set(h.document, ref ? await this.draftContent(z, ref, e) : null);
      }
      const content = contents.get(h.document);
      out.push({ ...h, geldig: content !== null && content !== undefined && isValidFor(h, content) });
    }
    return out;
  }

  /** Every attachment uploaded for the meeting (bestuurseenheid's roles). */
  async bijlagen(actor: Actor, eenheid: string, id: string): Promise<Bijlage[]> {
    await this.zitting(actor, eenheid, id);
    return this.extras.bijlagen(id);
  }

  private agent(actor: Actor): { iri: ReturnType<typeof namedNode>; name: string } {
    if (actor.kind === 'user' || actor.kind === 'token') return { iri: namedNode(actor.iri), name: actor.name };
    if (actor.kind === 'bootstrap') return { iri: namedNode(actor.iri), name: 'Stelsel' };
    throw new AppError('unauthorized', 'Log in or send a bearer token first');
  }

  // ------------------------------------------------------------------ public reads

  /** One document: the requested version (or the latest), its quads and every version. */
  async document(eenheid: string, orgaan: string, slug: string, ref: DocumentRef, v?: number) {
    const docPath = documentPath(eenheid, orgaan, slug, ref);
    const versions = await this.repo.versions(this.deps.uris.url(docPath));
    const current = v === undefined ? versions.at(-1) : versions.find((x) => x.number === v);
    if (!current) throw notFound(v === undefined ? `Document ${docPath}` : `Versie ${v} van ${docPath}`);
    const quads = await this.repo.versionQuads(current.zitting, documentKey(ref), current.number);
    const shown = { ...current, bijlagen: publishedBijlagen(this.iris, quads), handtekeningen: readHandtekeningen(this.iris, quads, current.zitting) };
    return { docPath, versions, current: shown, quads };
  }

  /** Every published version of a meeting's documents (for its editors). */
  async publications(actor: Actor, eenheid: string, id: string): Promise<PublicationVersion[]> {
    const { zitting: z } = await this.zitting(actor, eenheid, id);
    const docs = await this.repo.allUnder(this.deps.uris.url(zittingPath(eenheid, z.orgaan, z.slug)) + '/');
    return docs.map(({ zitting: _z, orgaanNaam: _o, geplandeStart: _g, ...v }) => v);
  }

  /** The latest versions of everything published under a public path (a bestuurseenheid, a body, a meeting). */
  published(path: string) {
    return this.repo.latestUnder(this.deps.uris.url(path) + '/');
  }
}
