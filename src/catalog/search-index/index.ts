/** The product search index: written with every product (withSearchIndex), read by the SRU search. */
export { indexGraphOf, indexQuads, withSearchIndex, searchIndexWrite } from './model.js';
export { fold, tokens, normaliseValue, phraseText, isWordChar } from './tokenise.js';
export { TEXT_FIELDS, PAIR_FIELDS, VALUE_FIELDS, LABEL_FIELDS, AUTHORITY_IRI_FIELD, key, type TextField, type ValueField, type LabelField } from './fields.js';
export { dateKeys, rangeKeys, dayBefore, dayAfter, DATE_FIELD, FIRST_DAY, LAST_DAY } from './dates.js';
export { dictionaryNode, dictionaryPrefix, dictionaryGraph, dictionaryQuads, PREFIX_LENGTH } from './dictionary.js';
