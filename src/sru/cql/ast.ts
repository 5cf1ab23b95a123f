/**
 * The CQL 1.2 abstract syntax tree: what the parser (./parse.ts) produces and the SRU translator
 * consumes. Positions are 0-based UTF-16 offsets into the query string, so an error can point at
 * the exact character.
 */

/** Where a node starts and ends in the query (end exclusive). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A relation or boolean modifier: `/sort.descending`, `/distance<3`, `/cql.unit=word`. */
export interface Modifier extends Span {
  /** As written, with any prefix (`sort.descending`). */
  readonly name: string;
  /** The comparison symbol when a value follows (`=`, `==`, `<`, `>`, `<=`, `>=`, `<>`). */
  readonly comparison?: string;
  readonly value?: string;
}

/** A relation: a symbol (`=`, `==`, `<>`, `<`, `>`, `<=`, `>=`) or a named one (`adj`, `all`, `any`, `within`, `cql.adj`...). */
export interface Relation extends Span {
  /** As written (named relations lower-cased, prefix kept: `cql.adj`). */
  readonly base: string;
  readonly modifiers: readonly Modifier[];
}

/**
 * One piece of a search term after escape processing. Masking characters become their own parts;
 * escaped characters (`\*`, `\?`, `\^`, `\"`, `\\`) are plain text.
 */
export type TermPart =
  | { readonly kind: 'text'; readonly value: string }
  /** `*`: zero or more characters. */
  | { readonly kind: 'anyChars' }
  /** `?`: exactly one character. */
  | { readonly kind: 'oneChar' }
  /** `^` at the start or end of a term: anchoring. */
  | { readonly kind: 'anchor' };

export interface Term extends Span {
  /** The term exactly as written, quotes and backslashes included. */
  readonly raw: string;
  readonly quoted: boolean;
  readonly parts: readonly TermPart[];
  /**
   * Characters escaped although they are not special (`\a`), in order; CQL keeps them as the plain
   * character, the SC service answers diagnostic 26, so the translator decides.
   */
  readonly needlessEscapes: readonly Span[];
}

/** `index relation term`, or a bare term (index and relation null: the server's choice). */
export interface SearchClause extends Span {
  readonly type: 'searchClause';
  /** As written (`dcterms.title`, `keyword`), or null for a bare term. */
  readonly index: string | null;
  readonly indexSpan: Span | null;
  readonly relation: Relation | null;
  readonly term: Term;
  /** True when the clause was written in its own parentheses: `(postcode="5014") and ...`. */
  readonly parenthesised: boolean;
}

export interface BooleanNode extends Span {
  readonly type: 'boolean';
  /** Lower-cased. `prox` is parsed so the translator can refuse it (diagnostic 37). */
  readonly operator: 'and' | 'or' | 'not' | 'prox';
  readonly modifiers: readonly Modifier[];
  readonly left: CqlNode;
  readonly right: CqlNode;
  /** True when the whole boolean was written in parentheses. */
  readonly parenthesised: boolean;
}

/** `> dc = "http://purl.org/dc/elements/1.1/" query`: parsed, refused by the translator (48). */
export interface PrefixAssignment extends Span {
  readonly type: 'prefix';
  /** Null for `> "uri" query` (the default context set). */
  readonly prefix: string | null;
  readonly uri: string;
  readonly query: CqlNode;
}

export type CqlNode = SearchClause | BooleanNode | PrefixAssignment;

export interface SortKey extends Span {
  /** As written (`modified`, `dcterms.modified`). */
  readonly index: string;
  readonly modifiers: readonly Modifier[];
}

export interface CqlQuery {
  readonly root: CqlNode;
  readonly sortKeys: readonly SortKey[];
}

/**
 * A syntax error with its position. `diagnostic` is the SRU diagnostic number the SRU endpoint
 * answers with (10 query syntax error; 27 empty term where the parser can tell).
 */
export class CqlSyntaxError extends Error {
  constructor(
    message: string,
    /** 0-based offset of the offending character (query length for "unexpected end"). */
    readonly position: number,
    readonly diagnostic: number = 10,
  ) {
    super(message);
    this.name = 'CqlSyntaxError';
  }
}
