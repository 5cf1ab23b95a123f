/**
 * Paths of the attachments (bijlagen) of decisions:
 *
 *   POST /api/besluiten/{eenheid}/zittingen/{id}/bijlagen?bestandsnaam=...   upload a PDF (raw body)
 *   GET  /api/besluiten/{eenheid}/zittingen/{id}/bijlagen                   the meeting's attachments (JSON)
 *   GET  /api/besluiten/{eenheid}/zittingen/{id}/bijlagen/{bijlage}         one attachment's file (drafts too)
 *   DELETE /api/besluiten/{eenheid}/zittingen/{id}/bijlagen/{bijlage}       remove an attachment no decision refers to
 *   GET  /besluiten/bijlagen/{sha256}.pdf                                   a published attachment (public, immutable)
 *   POST /beheer/besluiten/{eenheid}/zittingen/{id}/bijlagen                the editor's upload form (multipart/form-data)
 *   POST /beheer/besluiten/{eenheid}/zittingen/{id}/bijlagen/{bijlage}/verwijderen   the editor's remove button
 */
import { DECISIONS_PATH, zittingApiPath } from './paths.js';

export const ATTACHMENTS_PUBLIC_PATH = `${DECISIONS_PATH}/bijlagen`;

export const attachmentsApiPath = (eenheid: string, zitting: string): string => `${zittingApiPath(eenheid, zitting)}/bijlagen`;
export const attachmentApiPath = (eenheid: string, zitting: string, id: string): string => `${attachmentsApiPath(eenheid, zitting)}/${id}`;
/** The public URL path of a published attachment: content-addressed, so it never changes. */
export const attachmentPublicPath = (sha256: string): string => `${ATTACHMENTS_PUBLIC_PATH}/${sha256}.pdf`;

const UPLOAD = /^\/(api|beheer)\/besluiten\/[a-z0-9][a-z0-9-]*\/zittingen\/[a-z0-9][a-z0-9-]*\/bijlagen\/?$/;
/** Room for the multipart framing and the other fields of the editor's upload form. */
export const FORM_OVERHEAD_BYTES = 64 * 1024;

/** An attachment upload: its body is limited by DECISIONS_ATTACHMENT_MAX_BYTES instead of BODY_LIMIT_BYTES. */
export const isAttachmentUpload = (method: string, path: string): boolean => method === 'POST' && UPLOAD.test(path);
