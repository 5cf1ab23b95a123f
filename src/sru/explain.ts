/** The explain record (ZeeRex) of the SRU endpoint: indexes, relations, sort keys, limits. */
import type { ExplainInput } from './xml/index.js';
import { DEFAULT_RECORDS } from './params.js';
import { MAX_RECORDS } from './service.js';

const TEXT = ['=', '==', 'adj', 'all', 'any'];
const VALUE = ['=', '==', '<>', 'all', 'any'];
const DATE = ['=', '==', '<>', '<', '>', '<=', '>='];

const INDEXES: [name: string, title: string, relations: string[]][] = [
  ['keyword', 'Alle tekst (titel, samenvatting, trefwoorden, organisatie, productbeschrijving)', TEXT],
  ['title', 'Titel', TEXT], ['abstract', 'Samenvatting', TEXT], ['subject', 'Trefwoord', TEXT],
  ['productHTML', 'Productbeschrijving', TEXT], ['authority', 'Organisatie (naam)', TEXT],
  ['modified', 'Datum laatste wijziging', DATE], ['audience', 'Doelgroep', VALUE], ['language', 'Taal', VALUE],
  ['identifier', 'Adres van de productpagina', VALUE], ['productID', 'Product-ID', VALUE],
  ['onlineAanvragen', 'Online aanvragen (ja, nee, digid)', VALUE], ['aanvraagURL', 'Aanvraagadres', VALUE],
  ['eenmaligAanmelden', 'Eenmalig aanmelden', VALUE], ['organisatieType', 'Soort organisatie', VALUE],
  ['spatialType', 'Soort gebied', VALUE], ['uniformeProductnaam', 'Uniforme productnaam', VALUE],
  ['gerelateerdProduct', 'Gerelateerd product', VALUE],
  ['postcode', 'Postcode (alleen als eerste, tussen haakjes)', ['=']], ['organisatie', 'Gemeente (alleen als eerste, tussen haakjes)', ['=']],
];

export function explainInput(baseUrl: string): ExplainInput {
  const u = new URL(baseUrl);
  const port = u.port ? Number(u.port) : u.protocol === 'https:' ? 443 : 80;
  return {
    host: u.hostname,
    port,
    database: [...u.pathname.split('/').filter(Boolean), 'sru', 'Search'].join('/'),
    title: 'Samenwerkende Catalogi: producten en diensten van de overheid',
    description: 'SRU 1.2 zoekdienst over de landelijke productencollectie (x-connection=sc).',
    indexes: INDEXES.map(([name, title, relations]) => ({ name, title, relations })),
    sortKeys: ['modified'],
    defaultRecords: DEFAULT_RECORDS,
    maximumRecords: MAX_RECORDS,
  };
}
