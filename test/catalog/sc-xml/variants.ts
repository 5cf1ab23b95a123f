/**
 * Single-change variants of a valid catalogue, for the libxml2 parity sweep: each replaces one
 * piece of valid/aalsmeer-basis.xml (a value, an attribute, an element's place).
 */
export interface Variant {
  readonly name: string;
  readonly from: string;
  readonly to: string;
}

const v = (name: string, from: string, to: string): Variant => ({ name, from, to });
const MOD = '<dcterms:modified>2024-03-18</dcterms:modified>';
const LANG = '<dcterms:language>nl</dcterms:language>';
const ID = '<dcterms:identifier>https://www.aalsmeer.nl/producten/paspoort-aanvragen</dcterms:identifier>';
const ONLINE = '<overheidproduct:onlineAanvragen>digid</overheidproduct:onlineAanvragen>';
const SPATIAL_SCHEME = '<dcterms:spatial scheme="overheid:Gemeente"';
const AUTH_SCHEME = '<overheid:authority scheme="overheid:Gemeente"';
const AUD = '<dcterms:audience scheme="overheid:Doelgroep">particulier</dcterms:audience>';
const BODY = '<overheidproduct:body/>';
const UPN = '<overheidproduct:uniformeProductnaam scheme="overheid:UniformeProductnaam"';
const AANVRAAG = '<overheidproduct:aanvraagURL resourceIdentifier="https://www.aalsmeer.nl/afspraak-maken"/>';

export const VARIANTS: readonly Variant[] = [
  ...['2024-02-29', '2023-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '0000-01-01', '12024-01-01', '-0044-03-15',
    '2024-03-18Z', '2024-03-18+14:00', '2024-03-18+14:01', '2024-03-18-05:30', ' 2024-03-18 ', '2024-03-18T08:15:00',
    '2024-03-18T24:00:00', '2024-03-18T23:59:60', '2024-03-18T08:15', '2024-03-18T08:15:00.5+01:00', '20240318', '2024/03/18',
    '', 'gisteren'].map((d) => v(`modified '${d}'`, MOD, `<dcterms:modified>${d}</dcterms:modified>`)),
  ...['nl', 'NL', 'nl-NL', 'fy', 'en-GB-oxendict', 'x-private', 'nl_NL', 'nederlands', '', ' nl ', 'nl-', '123']
    .map((l) => v(`language '${l}'`, LANG, `<dcterms:language>${l}</dcterms:language>`)),
  ...['https://www.aalsmeer.nl/a?b=1&amp;c=2#d', 'urn:uuid:1234', '/relatief/pad', 'https://x/%41', 'https://x/%4', 'https://x/a b',
    'https://x/é', 'https://x/{id}', 'https://x/a|b', 'https://x/a^b', 'https://x/a`b', 'https://x/a\\b', 'https://[::1]/', 'mailto:info@aalsmeer.nl',
    'https://x/&lt;', ' https://x/ ', '%zz', 'https://x/[a]', 'https://x/?q=[1]', 'a#b#c', '1a:b', ':x', 'https://x:port/',
    'https://x:80/', '#', '?', 'https://x/a#[b]', 'https://x/%', 'a:b:c', '//x', 'http:', 'https://user@x/', 'https://x/a&quot;b',
    'http://x:/', 'http://[x]/', 'http://x]/', 'http://x/]'].map((u) => v(`identifier '${u}'`, ID, `<dcterms:identifier>${u}</dcterms:identifier>`)),
  ...['ja', 'nee', 'digid', 'Ja', 'DigiD', 'digi-d', ' ja', ''].map((o) => v(`onlineAanvragen '${o}'`, ONLINE, `<overheidproduct:onlineAanvragen>${o}</overheidproduct:onlineAanvragen>`)),
  ...['ja', 'nee', 'digi-d', 'digid', 'Ja', ''].map((e) => v(`eenmaligAanmelden '${e}'`, AANVRAAG, `${AANVRAAG}<overheidproduct:eenmaligAanmelden>${e}</overheidproduct:eenmaligAanmelden>`)),
  ...['overheid:Gemeente', 'overheid:GGD', 'overheid:Provincie', 'overheid:Waterschap', 'overheid:Koninkrijksdeel', 'overheid:PostcodeHuisnummer',
    'overheid:Ministerie', 'Gemeente', 'overheid:gemeente', 'dcterms:Gemeente', 'onbekend:Gemeente', ' overheid:Gemeente ', 'overheid:']
    .map((s) => v(`spatial scheme '${s}'`, SPATIAL_SCHEME, `<dcterms:spatial scheme="${s}"`)),
  ...['overheid:Gemeente', 'overheid:AndereOrganisatie', 'overheid:Ministerie', 'overheid:GGD', 'overheid:Waterschap', 'overheid:Provincie',
    'overheid:ZelfstandigBestuursorgaan', 'overheid:Koninkrijksdeel', 'overheid:Politiekorps']
    .map((s) => v(`authority scheme '${s}'`, AUTH_SCHEME, `<overheid:authority scheme="${s}"`)),
  ...['overheid:Doelgroep', 'overheid:Anders', 'ex:Iets', 'Doelgroep', 'EX:Iets'].map((s) => v(`audience scheme '${s}'`, AUD,
    `<dcterms:audience scheme="${s}" xmlns:ex="http://example.org/" xmlns:EX="http://example.org/">particulier</dcterms:audience>`)),
  v('audience without scheme', AUD, '<dcterms:audience>particulier</dcterms:audience>'),
  v('audience empty', AUD, '<dcterms:audience scheme="overheid:Doelgroep"></dcterms:audience>'),
  v('audience free text value', AUD, '<dcterms:audience scheme="overheid:Doelgroep">iedereen</dcterms:audience>'),
  v('audience with resourceIdentifier', AUD, '<dcterms:audience scheme="overheid:Doelgroep" resourceIdentifier="http://standaarden.overheid.nl/owms/terms/particulier">particulier</dcterms:audience>'),
  v('upl scheme other prefix', UPN, '<overheidproduct:uniformeProductnaam xmlns:o="http://standaarden.overheid.nl/owms/terms/" scheme="o:UniformeProductnaam"'),
  v('upl scheme wrong namespace', UPN, '<overheidproduct:uniformeProductnaam xmlns:o="http://example.org/" scheme="o:UniformeProductnaam"'),
  v('upl without scheme', UPN, '<overheidproduct:uniformeProductnaam'),
  v('aanvraagURL empty resourceIdentifier', AANVRAAG, '<overheidproduct:aanvraagURL resourceIdentifier=""/>'),
  v('aanvraagURL without resourceIdentifier', AANVRAAG, '<overheidproduct:aanvraagURL/>'),
  v('aanvraagURL with text', AANVRAAG, '<overheidproduct:aanvraagURL resourceIdentifier="https://www.aalsmeer.nl/a">Aanvragen</overheidproduct:aanvraagURL>'),
  v('contactpunt after eenmaligAanmelden', AANVRAAG, `${AANVRAAG}<overheidproduct:eenmaligAanmelden>nee</overheidproduct:eenmaligAanmelden><overheidproduct:contactpunt resourceIdentifier="https://x/"/>`),
  v('contactpunt before eenmaligAanmelden', AANVRAAG, `${AANVRAAG}<overheidproduct:contactpunt resourceIdentifier="https://x/"/><overheidproduct:eenmaligAanmelden>nee</overheidproduct:eenmaligAanmelden>`),
  v('two aanvraagURLs', AANVRAAG, AANVRAAG + AANVRAAG),
  v('two languages', LANG, LANG + '<dcterms:language>fy</dcterms:language>'),
  v('creator before modified', MOD, `<dcterms:creator scheme="overheid:Gemeente" resourceIdentifier="http://standaarden.overheid.nl/owms/terms/Aalsmeer_(gemeente)">Aalsmeer</dcterms:creator>${MOD}`),
  v('creator without resourceIdentifier', MOD, `<dcterms:creator scheme="overheid:Gemeente">Aalsmeer</dcterms:creator>${MOD}`),
  v('creator after modified', MOD, `${MOD}<dcterms:creator scheme="overheid:Gemeente" resourceIdentifier="http://x/">Aalsmeer</dcterms:creator>`),
  v('temporal with start', '<overheid:authority', '<dcterms:temporal><start>2024-01-01</start><end>2024-12-31T00:00:00</end></dcterms:temporal><overheid:authority'),
  v('temporal bad start', '<overheid:authority', '<dcterms:temporal><start>morgen</start></dcterms:temporal><overheid:authority'),
  v('temporal qualified start', '<overheid:authority', '<dcterms:temporal><dcterms:start>2024-01-01</dcterms:start></dcterms:temporal><overheid:authority'),
  v('two temporals', '<overheid:authority', '<dcterms:temporal><start>2024-01-01</start></dcterms:temporal><dcterms:temporal><start>2024-01-01</start></dcterms:temporal><overheid:authority'),
  v('no spatial, no authority', '<dcterms:spatial', '<dcterms:spatialX'),
  v('title xml:lang', '<dcterms:title>', '<dcterms:title xml:lang="nl">'),
  v('title bad xml:lang', '<dcterms:title>', '<dcterms:title xml:lang="nl_NL">'),
  v('identifier xml:lang', '<dcterms:identifier>', '<dcterms:identifier xml:lang="nl">'),
  v('title whitespace only', '<dcterms:title>Paspoort aanvragen</dcterms:title>', '<dcterms:title> </dcterms:title>'),
  v('title CDATA', '<dcterms:title>Paspoort aanvragen</dcterms:title>', '<dcterms:title><![CDATA[Paspoort & <meer>]]></dcterms:title>'),
  v('title comment only', '<dcterms:title>Paspoort aanvragen</dcterms:title>', '<dcterms:title><!-- leeg --></dcterms:title>'),
  v('comment and PI between elements', LANG, `<!-- taal -->${LANG}<?verwerk dit?>`),
  v('type scheme other prefix', 'scheme="overheid:Informatietype"', 'xmlns:o="http://standaarden.overheid.nl/owms/terms/" scheme="o:Informatietype"'),
  v('type with resourceIdentifier', 'scheme="overheid:Informatietype"', 'scheme="overheid:Informatietype" resourceIdentifier="http://standaarden.overheid.nl/owms/terms/productbeschrijving"'),
  v('type Productbeschrijving', '>productbeschrijving<', '>Productbeschrijving<'),
  v('owms-version 4.0 with spaces', 'owms-version="4.0"', 'owms-version=" 4.0 "'),
  v('owms-version 4', 'owms-version="4.0"', 'owms-version="4"'),
  v('extra attribute on scproduct', 'owms-version="4.0"', 'owms-version="4.0" id="p1"'),
  v('extra attribute on root', '<overheidproduct:scproducten ', '<overheidproduct:scproducten versie="1" '),
  v('foreign-namespace attribute', '<dcterms:title>', '<dcterms:title xmlns:ex="http://example.org/" ex:bron="cms">'),
  v('xsi:nil', '<dcterms:subject>identiteit', '<dcterms:subject xsi:nil="true">identiteit'),
  v('empty subject', '<dcterms:subject>identiteit', '<dcterms:subject>'),
  v('subject with scheme', '<dcterms:subject>identiteit', '<dcterms:subject scheme="overheid:Onderwerp">identiteit'),
  v('subject bad scheme', '<dcterms:subject>identiteit', '<dcterms:subject scheme="Onderwerp">identiteit'),
  v('subject after abstract', '<dcterms:subject>reisdocument</dcterms:subject>', ''),
  v('productHTML empty', BODY, '<overheidproduct:body><overheidproduct:productHTML/></overheidproduct:body>'),
  v('productHTML text and comment', BODY, '<overheidproduct:body><overheidproduct:productHTML>Tekst <!-- c --> &amp; meer</overheidproduct:productHTML></overheidproduct:body>'),
  v('productHTML attribute', BODY, '<overheidproduct:body><overheidproduct:productHTML class="x">Tekst</overheidproduct:productHTML></overheidproduct:body>'),
  v('productHTML other-namespace element', BODY, '<overheidproduct:body><overheidproduct:productHTML><ex:p xmlns:ex="http://example.org/">x</ex:p></overheidproduct:productHTML></overheidproduct:body>'),
  v('body with comment', BODY, '<overheidproduct:body><!-- leeg --></overheidproduct:body>'),
  v('body with other element', BODY, '<overheidproduct:body><overheidproduct:tekst>x</overheidproduct:tekst></overheidproduct:body>'),
  v('two bodies', BODY, BODY + BODY),
  v('element after body', BODY, `${BODY}<overheidproduct:extra/>`),
  v('owmskern twice', '<overheidproduct:owmsmantel>', '<overheidproduct:owmskern/><overheidproduct:owmsmantel>'),
  v('empty owmsmantel', '<overheidproduct:owmsmantel>', '<overheidproduct:owmsmantel/><overheidproduct:x>'),
  v('productID missing', '<overheidproduct:productID>AAL-0001</overheidproduct:productID>', ''),
  v('productID with element', '<overheidproduct:productID>AAL-0001</overheidproduct:productID>', '<overheidproduct:productID><b>AAL</b></overheidproduct:productID>'),
  v('unqualified identifier (default namespace none)', ID, '<identifier>https://x/</identifier>'),
  v('dcterms elements via default namespace', ID, '<identifier xmlns="http://purl.org/dc/terms/">https://x/</identifier>'),
  v('text in root', '<overheidproduct:scproduct ', 'tekst<overheidproduct:scproduct '),
  v('second product identical', '</overheidproduct:scproducten>', 'SECOND_PRODUCT</overheidproduct:scproducten>'),
];
