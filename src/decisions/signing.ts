/**
 * Signing a document before publication (as Gelinkt Notuleren does): an ondertekenaar of the
 * bestuurseenheid signs one document of a draft meeting; the signature is the SHA-256 over the
 * document's content (the snapshot that would be published, in canonical form), the signer's IRI
 * and the time. A later change of the content makes it invalid; DECISIONS_REQUIRED_SIGNATURES
 * valid signatures of different signers are needed before the document can be published.
 */
import { createHash } from 'node:crypto';
import { isAgendaKind, type Handtekening, type Zitting } from './model.js';
import type { DocumentRef } from './paths.js';

/** Hex SHA-256 over the content key, the signer and the time (one per line). */
export function signatureHash(content: string, signer: string, time: string): string {
  return createHash('sha256').update(`${content}\n${signer}\n${time}`, 'utf8').digest('hex');
}

/** Whether the signature was made over exactly this content. */
export const isValidFor = (h: Handtekening, content: string): boolean => signatureHash(content, h.ondertekenaar, h.tijdstip) === h.hash;

/** The latest valid signature per signer of one document, oldest first. */
export function validSignatures(all: readonly Handtekening[], docKey: string, content: string): Handtekening[] {
  const bySigner = new Map<string, Handtekening>();
  for (const h of all) if (h.document === docKey && isValidFor(h, content)) bySigner.set(h.ondertekenaar, h);
  return [...bySigner.values()].sort((a, b) => a.tijdstip.localeCompare(b.tijdstip));
}

/**
 * A document of a meeting from its key (agenda, aanvullende-agenda, spoedeisende-agenda,
 * besluitenlijst, notulen, uittreksel-{n}), or null when the meeting has no such document.
 */
export function documentRefOf(key: string, z: Zitting): DocumentRef | null {
  const m = /^uittreksel-([1-9][0-9]{0,3})$/.exec(key);
  if (m) {
    const n = Number(m[1]);
    return z.agendapunten[n - 1]?.behandeling ? { kind: 'uittreksel', n } : null;
  }
  return isAgendaKind(key) || key === 'besluitenlijst' || key === 'notulen' ? { kind: key } : null;
}
