/** The SC 4.0 product as read from a catalogue (values as delivered, whitespace collapsed where the XSD type collapses). */

export interface XmlProblem {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column, counted in UTF-16 code units as JavaScript strings do. */
  readonly column: number;
  readonly message: string;
  /** Stable machine code, e.g. `xml-doctype`, `sc-missing-element`. */
  readonly code: XmlProblemCode;
}

export type XmlProblemCode =
  | 'xml-malformed'
  | 'xml-doctype'
  | 'xml-too-large'
  | 'xml-encoding'
  | 'xml-invalid-utf8'
  | 'xml-declaration-missing'
  | 'sc-root'
  | 'sc-unexpected-element'
  | 'sc-missing-element'
  | 'sc-text-not-allowed'
  | 'sc-markup-in-field'
  | 'sc-attribute-missing'
  | 'sc-attribute-not-allowed'
  | 'sc-attribute-value'
  | 'sc-value'
  | 'sc-too-many-errors';

/** A reference to a value-list concept: `<x scheme=".." resourceIdentifier="..">label</x>`. */
export interface ScReference {
  readonly scheme: string;
  readonly resourceIdentifier: string;
  readonly label: string;
}

export interface ScProduct {
  readonly identifier: string;
  readonly title: string;
  /** First dcterms:language (the XSD allows more: see `languages`). */
  readonly language: string;
  readonly languages: readonly string[];
  readonly type: string;
  /** Lexical form as delivered (xs:date, or xs:dateTime which the XSD also allows). */
  readonly modified: string;
  readonly spatial: readonly ScReference[];
  /** First overheid:authority (the XSD allows 0..n: see `authorities`). */
  readonly authority: ScReference | undefined;
  readonly authorities: readonly ScReference[];
  readonly audience: readonly string[];
  readonly subject: readonly string[];
  readonly abstract: string | undefined;
  readonly productID: string | undefined;
  readonly onlineAanvragen: 'ja' | 'nee' | 'digid' | undefined;
  readonly aanvraagURL: string | undefined;
  readonly eenmaligAanmelden: 'ja' | 'nee' | 'digi-d' | undefined;
  readonly contactpunt: string | undefined;
  readonly uniformeProductnaam: readonly ScReference[];
  readonly gerelateerdProduct: readonly ScReference[];
  /** productHTML content re-serialised as XHTML (default namespace on each top element); undefined when absent. */
  readonly productHTML: string | undefined;
  /** The scproduct element exactly as it appears in the input (from `<` to the end of its end tag). */
  readonly xml: string;
  /** 1-based line where the scproduct start tag begins. */
  readonly line: number;
}

export interface ParseResult {
  readonly ok: boolean;
  readonly errors: readonly XmlProblem[];
  readonly products: readonly ScProduct[];
}
