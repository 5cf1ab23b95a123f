/**
 * Use cases of attachments (bijlagen): a schrijver of the bestuurseenheid uploads a PDF for a draft
 * meeting; a decision of the meeting then refers to it by id (besluit.bijlagen). Drafts' files
 * are read by the bestuurseenheid's roles only; a file is public once a published version refers
 * to it (GET /besluiten/bijlagen/{sha256}.pdf). A schrijver removes an attachment that no decision
 * of the draft and no published version refers to; its file goes with the last attachment that
 * has the same checksum, after the removal is committed.
 */
import { randomUUID } from 'node:crypto';
import type { AuditContext } from '../shared/audit/audit-log.js';
import type { Actor } from '../shared/auth/actor.js';
import { authorize } from '../shared/auth/policy.js';
import { AppError, notFound } from '../shared/errors.js';
import type { CoreDeps } from '../shared/http/context.js';
import { AttachmentFiles, ORPHAN_AGE_MS, tooLarge } from './attachment-files.js';
import { AttachmentStore, PUBLISHED } from './attachment-store.js';
import { ID, invalid } from './input.js';
import type { Bijlage } from './model.js';
import { publicationTime } from './publish.js';
import type { DecisionService } from './service.js';

export interface Upload {
  bestandsnaam: string | undefined;
  contentType: string | undefined;
  contentLength: string | undefined;
  body: ReadableStream<Uint8Array> | null;
}

/** C0 and C1 control characters (and DEL): never in a file name. */
const hasControl = (s: string): boolean => [...s].some((ch) => {
  const c = ch.codePointAt(0) ?? 0;
  return c < 0x20 || (c >= 0x7f && c <= 0x9f);
});

/** The file name as given, or the problem with it. */
export function checkFileName(name: string | undefined): string {
  const n = (name ?? '').trim().normalize('NFC');
  const fail = (message: string) => invalid([{ field: 'bestandsnaam', message }]);
  if (!n) throw fail('verplicht (de naam van het bestand, bv. ?bestandsnaam=reglement.pdf)');
  if (n.length > 255) throw fail('hoogstens 255 tekens');
  if (hasControl(n) || /[/\\]/.test(n)) throw fail('geen stuurtekens of schuine strepen');
  if (!/\.pdf$/i.test(n)) throw fail('een PDF-bestand: de naam eindigt op .pdf');
  return n;
}

export class AttachmentService {
  readonly files: AttachmentFiles;
  private readonly store: AttachmentStore;
  /** When orphan files were last looked for (Date.now()); 0: not yet since start-up. */
  private lastOrphanSweep = 0;

  constructor(
    private readonly deps: CoreDeps,
    private readonly svc: DecisionService,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.files = new AttachmentFiles(deps.config.dataDir);
    this.store = new AttachmentStore(deps, svc.iris);
  }

  get maxBytes(): number {
    return this.deps.config.decisions.attachmentMaxBytes;
  }

  /** Stores the file (checked while it is read) and then its metadata, audited. */
  async upload(ctx: AuditContext, eenheid: string, zitting: string, u: Upload): Promise<Bijlage> {
    await this.svc.eenheid(eenheid);
    authorize(ctx.actor, 'decisions.edit', this.svc.iris.eenheid(eenheid).value, this.deps.uris.platform.value);
    await this.svc.zitting(ctx.actor, eenheid, zitting);
    const bestandsnaam = checkFileName(u.bestandsnaam);
    const type = (u.contentType ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/pdf') throw new AppError('unsupported_media_type', `Stuur het bestand als body met Content-Type application/pdf (niet ${type || 'zonder Content-Type'})`);
    if (u.contentLength !== undefined && /^\d+$/.test(u.contentLength) && Number(u.contentLength) > this.maxBytes) throw tooLarge(this.maxBytes);
    await this.sweepOrphansNow();
    const received = await this.files.receive(u.body, this.maxBytes);
    const b: Bijlage = { id: randomUUID(), zitting, bestandsnaam, grootte: received.size, sha256: received.sha256, mediaType: 'application/pdf', opgeladen: publicationTime(this.now()) };
    // Under the checksum's lock: a removal of another attachment with the same file cannot unlink it in between.
    await this.files.exclusive(b.sha256, async () => {
      try {
        await this.files.commit(received);
      } catch (e) {
        await this.files.discard(received);
        throw e;
      }
      await this.svc.extras.saveBijlage(ctx, eenheid, b);
    });
    return b;
  }

  /**
   * Removes an attachment of a draft meeting: refused (409) while a decision of the draft refers to
   * it (naming the agendapunt) or a published version does. The metadata goes in one audited
   * transaction; the file after it commits, when nothing else describes its checksum.
   */
  async remove(ctx: AuditContext, eenheid: string, zitting: string, id: string, ifMatch?: number): Promise<void> {
    await this.svc.eenheid(eenheid);
    authorize(ctx.actor, 'decisions.edit', this.svc.iris.eenheid(eenheid).value, this.deps.uris.platform.value);
    const { zitting: z } = await this.svc.zitting(ctx.actor, eenheid, zitting);
    const b = ID.test(id) ? (await this.svc.extras.bijlagen(z.id)).find((x) => x.id === id) : undefined;
    if (!b) throw notFound(`Bijlage ${id}`);
    const users = z.agendapunten.flatMap((a, i) => (a.behandeling?.besluit?.bijlagen?.includes(b.id) ? [`agendapunt ${i + 1} (${a.titel.slice(0, 120)})`] : []));
    if (users.length) {
      throw new AppError('conflict', `De bijlage ${b.bestandsnaam} wordt nog gebruikt door het besluit van ${users.join(', ')}: haal ze daar eerst weg`, { agendapunten: users });
    }
    if (await this.store.isPublished(b)) throw new AppError('conflict', `${PUBLISHED} (${b.bestandsnaam})`);
    await this.store.remove(ctx, eenheid, b, ifMatch);
    await this.removeFileIfUnused(b.sha256);
  }

  /** The ETag of an attachment: its audit version. */
  version(b: Bijlage): Promise<number> {
    return this.store.version(b);
  }

  private async removeFileIfUnused(sha256: string): Promise<boolean> {
    return this.files.exclusive(sha256, async () => {
      if (await this.store.isReferenced(sha256)) return false;
      await this.files.remove(sha256);
      return true;
    });
  }

  /**
   * Removes files that nothing describes any more and that are older than `olderThanMs` (left by a
   * crash between a removal and its unlink; a younger one may be an upload in flight). Returns the
   * checksums removed. One directory read, one query, and one check per candidate.
   */
  async removeOrphans(olderThanMs = ORPHAN_AGE_MS): Promise<string[]> {
    const old = await this.files.olderThan(olderThanMs);
    if (!old.length) return [];
    const referenced = await this.store.referencedChecksums();
    const removed: string[] = [];
    for (const sha256 of old.filter((s) => !referenced.has(s))) if (await this.removeFileIfUnused(sha256)) removed.push(sha256);
    return removed;
  }

  /** At the first upload after start-up and then at most once per ORPHAN_AGE_MS; never fails an upload. */
  private async sweepOrphansNow(): Promise<void> {
    const now = Date.now();
    if (now - this.lastOrphanSweep < ORPHAN_AGE_MS) return;
    this.lastOrphanSweep = now;
    try {
      const removed = await this.removeOrphans();
      if (removed.length) this.deps.logger.info({ removed }, 'removed unreferenced attachment files');
    } catch (e) {
      this.deps.logger.warn({ err: e }, 'cleaning up unreferenced attachment files failed');
    }
  }

  async list(actor: Actor, eenheid: string, zitting: string): Promise<Bijlage[]> {
    await this.svc.zitting(actor, eenheid, zitting);
    return this.svc.extras.bijlagen(zitting);
  }

  /** One attachment of a draft meeting with its file (roles of the bestuurseenheid). */
  async file(actor: Actor, eenheid: string, zitting: string, id: string) {
    const list = await this.list(actor, eenheid, zitting);
    const b = ID.test(id) ? list.find((x) => x.id === id) : undefined;
    if (!b) throw notFound(`Bijlage ${id}`);
    const file = await this.files.read(b.sha256);
    if (!file) throw new AppError('internal', `The file of attachment ${b.id} is missing`);
    return { bijlage: b, ...file };
  }

  /** A published attachment by checksum (anyone), or 404 when no published version refers to it. */
  async published(sha256: string) {
    const found = /^[0-9a-f]{64}$/.test(sha256) ? await this.svc.extras.publishedBijlage(sha256) : null;
    const file = found ? await this.files.read(sha256) : null;
    if (!found || !file) throw notFound(`Bijlage ${sha256}`);
    return { bestandsnaam: found.bestandsnaam, ...file };
  }
}
