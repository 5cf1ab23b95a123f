/**
 * The SC 4.0 content model, transcribed from the official XSD (sc.xsd with its includes and
 * the redefines sc-owms-classes-redef.xsd / sc-overheid-classes-redef.xsd of the OWMS 4.0
 * schemas). Only what the XSD enforces is here; the extra rules (value lists, UPL membership,
 * uniqueness, aanvraagURL when online, audience values) are checked elsewhere.
 */
import { NS, displayName } from './namespaces.js';
import {
  collapse, isAnyUri, isDateTimeFormat, isLanguage, matchesSchemeName, parseQName,
} from './values.js';

/** Resolves a prefix in scope at the element being checked. */
export type Resolve = (prefix: string) => string | undefined;

/** A check returns an error message, or undefined when the value is valid. */
export type ValueCheck = (value: string, resolve: Resolve) => string | undefined;

export interface AttrDef {
  /** Namespace URI of the attribute ('' for unqualified). */
  readonly ns: string;
  readonly local: string;
  readonly required: boolean;
  readonly check: ValueCheck;
}

export interface Particle {
  readonly ns: string;
  readonly local: string;
  readonly min: number;
  readonly max: number;
  readonly def: ElementDef;
}

export type ElementDef =
  | { readonly kind: 'complex'; readonly attrs: readonly AttrDef[]; readonly particles: readonly Particle[] }
  | { readonly kind: 'simple'; readonly attrs: readonly AttrDef[]; readonly value: ValueCheck }
  | { readonly kind: 'xhtml-container'; readonly attrs: readonly AttrDef[] };

const UNBOUNDED = Number.POSITIVE_INFINITY;

// ---- simple types ---------------------------------------------------------------------------

const anyString: ValueCheck = () => undefined;
const nonEmptyString: ValueCheck = (v) => (v.length >= 1 ? undefined : 'must not be empty');
const uri: ValueCheck = (v) => {
  const c = collapse(v);
  if (c.length < 1) return 'must be a non-empty URI';
  return isAnyUri(c) ? undefined : `'${c}' is not a valid URI`;
};
const anyUri: ValueCheck = (v) => {
  const c = collapse(v);
  return isAnyUri(c) ? undefined : `'${c}' is not a valid URI`;
};
const language: ValueCheck = (v) => {
  const c = collapse(v);
  return isLanguage(c) ? undefined : `'${c}' is not a valid language code (xs:language, e.g. nl)`;
};
const dateTimeFormat: ValueCheck = (v) => {
  const c = collapse(v);
  return isDateTimeFormat(c) ? undefined : `'${c}' is not a valid xs:date or xs:dateTime (e.g. 2024-03-18)`;
};
function enumeration(values: readonly string[]): ValueCheck {
  return (v) => (values.includes(v) ? undefined : `'${v}' is not one of ${values.map((x) => `'${x}'`).join(', ')}`);
}
function allOf(...checks: ValueCheck[]): ValueCheck {
  return (v, r) => {
    for (const check of checks) {
      const problem = check(v, r);
      if (problem !== undefined) return problem;
    }
    return undefined;
  };
}

/** Resolves a QName value; returns the expanded name or an error message. */
function expandQName(v: string, resolve: Resolve): { uri: string; local: string } | string {
  const c = collapse(v);
  const q = parseQName(c);
  if (!q) return `'${c}' is not a valid QName`;
  const ns = resolve(q.prefix);
  if (ns === undefined) {
    return q.prefix === '' ? `'${c}' needs a namespace prefix` : `the prefix '${q.prefix}' in '${c}' is not declared`;
  }
  return { uri: ns, local: q.local };
}

/**
 * A scheme attribute whose XSD type restricts `union(list of overheid:* QNames, SchemeName)`
 * by an enumeration of overheid:* QNames: the value must be one of `allowed` (compared as
 * expanded QNames) and also valid for the union (either in `baseList` or SchemeName-shaped).
 */
function overheidScheme(allowed: readonly string[], baseList: readonly string[]): ValueCheck {
  return (v, resolve) => {
    const e = expandQName(v, resolve);
    if (typeof e === 'string') return e;
    const label = allowed.map((x) => `overheid:${x}`).join(', ');
    if (e.uri !== NS.overheid || !allowed.includes(e.local)) return `'${collapse(v)}' is not one of ${label}`;
    if (!baseList.includes(e.local) && !matchesSchemeName(collapse(v))) {
      return `'${collapse(v)}' does not match the OWMS SchemeName pattern`;
    }
    return undefined;
  };
}

/** union(OverheidX (list), SchemeName) without a further restriction. */
function schemeNameOr(baseList: readonly string[]): ValueCheck {
  return (v, resolve) => {
    const e = expandQName(v, resolve);
    if (typeof e === 'string') return e;
    if (e.uri === NS.overheid && baseList.includes(e.local)) return undefined;
    return matchesSchemeName(collapse(v)) ? undefined : `'${collapse(v)}' is not a valid scheme name`;
  };
}

const schemeName: ValueCheck = (v, resolve) => {
  const e = expandQName(v, resolve);
  if (typeof e === 'string') return e;
  return matchesSchemeName(collapse(v)) ? undefined : `'${collapse(v)}' is not a valid scheme name`;
};

function fixedQName(ns: string, local: string, label: string): ValueCheck {
  return (v, resolve) => {
    const e = expandQName(v, resolve);
    if (typeof e === 'string') return e;
    return e.uri === ns && e.local === local ? undefined : `must be '${label}' (fixed value), found '${collapse(v)}'`;
  };
}

const OVERHEID_AGENT = ['Adviescollege', 'Deelgemeente', 'StatenGeneraal', 'Dienst', 'DienstAgentschapInstellingOfProject',
  'Gemeente', 'HoogCollegeVanStaat', 'Koepelorganisatie', 'KoninklijkHuis', 'Ministerie',
  'OpenbaarLichaamVoorBedrijfEnBeroep', 'Politiekorps', 'Provincie', 'RechterlijkeMacht', 'Regering',
  'RegionaalSamenwerkingsorgaan', 'Rijksinspectie', 'Waterschap', 'ZelfstandigBestuursorgaan'];
const OVERHEID_LOCATION = ['PostcodeHuisnummer', 'Gemeente', 'Provincie', 'Waterschap'];

export const SC_AGENT_SCHEMES = ['AndereOrganisatie', 'Gemeente', 'GGD', 'Ministerie', 'Provincie', 'Waterschap'];
export const SC_LOCATION_SCHEMES = ['Gemeente', 'GGD', 'Provincie', 'Waterschap', 'Koninkrijksdeel'];

// ---- attributes -----------------------------------------------------------------------------

function attr(local: string, required: boolean, check: ValueCheck, ns = ''): AttrDef {
  return { ns, local, required, check };
}
const xmlLang = attr('lang', false, language, NS.xml);

// ---- elements -------------------------------------------------------------------------------

function simple(value: ValueCheck, attrs: AttrDef[] = []): ElementDef {
  return { kind: 'simple', attrs, value };
}
function complex(particles: Particle[], attrs: AttrDef[] = []): ElementDef {
  return { kind: 'complex', attrs, particles };
}
function p(ns: string, local: string, def: ElementDef, min = 1, max = 1): Particle {
  return { ns, local, min, max, def };
}

const freeText = simple(nonEmptyString, [xmlLang]);
const informationObject = simple(anyString, [attr('resourceIdentifier', true, anyUri)]);
const uniformeProductnaam = simple(nonEmptyString, [
  attr('scheme', false, fixedQName(NS.overheid, 'UniformeProductnaam', 'overheid:UniformeProductnaam')),
  attr('resourceIdentifier', false, uri),
]);
// dcterms:temporal (PeriodOfTime): start and end are unqualified local elements. The XSD's
// trailing <xs:any namespace="##other"/> is not supported here: anything else is refused.
const periodOfTime = complex([
  p('', 'start', simple(dateTimeFormat)),
  p('', 'end', simple(dateTimeFormat), 0, 1),
]);

const owmskern = complex([
  p(NS.dcterms, 'identifier', simple(uri)),
  p(NS.dcterms, 'title', freeText),
  p(NS.dcterms, 'language', simple(language), 1, UNBOUNDED),
  p(NS.dcterms, 'type', simple(
    allOf(nonEmptyString, (v) => (v === 'productbeschrijving' ? undefined : `must be 'productbeschrijving', found '${v}'`)),
    [
      attr('scheme', true, overheidScheme(['Informatietype'], ['Informatietype'])),
      attr('resourceIdentifier', false, uri),
    ],
  )),
  p(NS.dcterms, 'creator', simple(nonEmptyString, [
    attr('scheme', true, overheidScheme(SC_AGENT_SCHEMES, OVERHEID_AGENT)),
    attr('resourceIdentifier', true, uri),
  ]), 0, UNBOUNDED),
  p(NS.dcterms, 'modified', simple(dateTimeFormat)),
  p(NS.dcterms, 'spatial', simple(nonEmptyString, [
    attr('scheme', true, overheidScheme(SC_LOCATION_SCHEMES, OVERHEID_LOCATION)),
    attr('resourceIdentifier', true, uri),
  ]), 0, UNBOUNDED),
  p(NS.dcterms, 'temporal', periodOfTime, 0, 1),
  p(NS.overheid, 'authority', simple(nonEmptyString, [
    attr('scheme', true, overheidScheme(SC_AGENT_SCHEMES, OVERHEID_AGENT)),
    attr('resourceIdentifier', true, uri),
  ]), 0, UNBOUNDED),
]);

const owmsmantel = complex([
  p(NS.dcterms, 'audience', simple(nonEmptyString, [
    attr('scheme', false, schemeNameOr(['Doelgroep'])),
    attr('resourceIdentifier', false, uri),
  ]), 1, 2),
  p(NS.dcterms, 'subject', simple(anyString, [
    attr('scheme', false, schemeName),
    attr('resourceIdentifier', false, uri),
  ]), 0, UNBOUNDED),
  p(NS.dcterms, 'abstract', freeText),
]);

const scmeta = complex([
  p(NS.product, 'productID', simple(anyString)),
  p(NS.product, 'onlineAanvragen', simple(enumeration(['ja', 'digid', 'nee']))),
  p(NS.product, 'aanvraagURL', informationObject, 0, 1),
  p(NS.product, 'eenmaligAanmelden', simple(enumeration(['ja', 'nee', 'digi-d'])), 0, 1),
  p(NS.product, 'contactpunt', informationObject, 0, 1),
  p(NS.product, 'uniformeProductnaam', uniformeProductnaam, 0, UNBOUNDED),
  p(NS.product, 'gerelateerdProduct', uniformeProductnaam, 0, UNBOUNDED),
]);

const meta = complex([
  p(NS.product, 'owmskern', owmskern),
  p(NS.product, 'owmsmantel', owmsmantel, 0, 1),
  p(NS.product, 'scmeta', scmeta, 0, 1),
]);

const body = complex([
  p(NS.product, 'productHTML', { kind: 'xhtml-container', attrs: [] }, 0, 1),
]);

export const SCPRODUCT: ElementDef = complex(
  [p(NS.product, 'meta', meta), p(NS.product, 'body', body)],
  [attr('owms-version', true, (v) => (collapse(v) === '4.0' ? undefined : `must be '4.0' (fixed value), found '${v}'`))],
);

export const SCPRODUCTEN: ElementDef = complex([p(NS.product, 'scproduct', SCPRODUCT, 1, UNBOUNDED)]);

export function particleName(particle: Particle): string {
  return displayName(particle.ns, particle.local);
}
