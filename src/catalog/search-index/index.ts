/** The product search index: written with every product (withSearchIndex), read by the SRU search. */
export { indexGraphOf, indexQuads, withSearchIndex } from './model.js';
export { fold, tokens, normaliseValue, phraseText, isWordChar } from './tokenise.js';
export { TEXT_FIELDS, VALUE_FIELDS, LABEL_FIELDS, AUTHORITY_IRI_FIELD, key, type TextField, type ValueField, type LabelField } from './fields.js';
