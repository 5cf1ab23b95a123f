/** Public surface of the linked-data module (dereferencing /id and /doc, representations). */
export { createLinkedDataRoutes } from './routes.js';
export { documentPaths, formatPath, redirectPath, parseDocumentPath, FORMATS, FORMAT_LABELS, isFormat, type DocumentPaths } from './documents.js';
export { chooseFormat, sendRepresentation, alternateLinks, type FormatChoice, type Representation } from './negotiate.js';
export { termLabel, termNotation } from './term-labels.js';
export type { DocumentView, DocumentViewInput } from './document-view.js';
