/** Shared inputs for the SRU writer tests. */
import { parseCql } from '../../../src/sru/cql/index.js';
import {
  gzdRecord, trustedXml, type ExplainInput, type Facet, type SearchRetrieveInput,
} from '../../../src/sru/xml/index.js';

/** An scproduct as stored (namespaces declared on the element, dcterms:subject removed). */
export const PRODUCT = trustedXml(
  '<overheidproduct:scproduct xmlns:overheidproduct="http://standaarden.overheid.nl/product/terms/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:overheid="http://standaarden.overheid.nl/owms/terms/" owms-version="4.0">'
  + '<overheidproduct:meta><overheidproduct:owmskern><dcterms:identifier>https://www.aalsmeer.nl/producten/paspoort</dcterms:identifier>'
  + '<dcterms:title>Paspoort aanvragen</dcterms:title></overheidproduct:owmskern></overheidproduct:meta><overheidproduct:body/></overheidproduct:scproduct>',
);

export const HOSTILE = 'a]]>b<script>alert("x")</script>&amp; \'q\' "dq" \u0000\u0001\u0008\u000b\u000c\u001f\ud800\uffff\ufffe \t\r\n€ 😀';

export function record(extra: string = ''): ReturnType<typeof gzdRecord> {
  return gzdRecord({
    originalData: PRODUCT,
    enrichedData: {
      authorityScheme: 'overheid:Gemeente',
      authorityUri: `http://standaarden.overheid.nl/owms/terms/Aalsmeer_(gemeente)${extra}`,
      spatial: [{ type: 'overheid:Gemeente', uri: 'http://standaarden.overheid.nl/owms/terms/Aalsmeer_(gemeente)' }],
      uniformeProductnaamUri: ['http://standaarden.overheid.nl/owms/terms/paspoort', `http://standaarden.overheid.nl/owms/terms/x${extra}`],
    },
  });
}

export function facets(extra: string = ''): Facet[] {
  return [
    {
      displayLabel: `Doelgroep${extra}`, description: 'Voor wie het product is', index: 'dcterms.audience', relation: '=',
      terms: [
        { actualTerm: 'particulier', query: 'paspoort AND dcterms.audience="particulier"', requestUrl: '/sru/Search?query=paspoort%20AND%20dcterms.audience%3D%22particulier%22&x-info-1-accept=any', count: 12 },
        { actualTerm: `ondernemer${extra}`, query: `paspoort AND dcterms.audience="${extra}"`, count: 0 },
      ],
    },
    { displayLabel: 'Leeg', index: 'organisatietype', terms: [] },
  ];
}

export function searchInput(extra: string = ''): SearchRetrieveInput {
  const query = `paspoort and title = "${extra.replace(/["\\]/g, '\\$&')}" sortby modified/sort.descending`;
  return {
    numberOfRecords: 3,
    records: [{ recordXml: record(extra), position: 1 }, { recordXml: record(), position: 2 }],
    nextRecordPosition: 3,
    facets: facets(extra),
    echoed: { query, cql: parseCql(query), startRecord: 1, maximumRecords: 2, recordPacking: 'xml', recordSchema: 'http://standaarden.overheid.nl/sru/' },
    diagnostics: [{ code: 26, details: `position 3${extra}`, message: 'Non special character escaped in term' }],
  };
}

export function explainInput(extra: string = ''): ExplainInput {
  return {
    host: 'zoek.example.org', port: 443, database: 'sru/Search',
    title: `Samenwerkende Catalogi${extra}`, description: 'Producten en diensten van overheden',
    contextSets: [{ name: 'sc', identifier: 'http://standaarden.overheid.nl/sru/sc', title: 'SC-indexen' }],
    indexes: [
      { name: 'keyword', title: 'Alle tekst', relations: ['=', '==', 'adj', 'all', 'any'] },
      { name: 'modified', title: `Datum laatste wijziging${extra}`, relations: ['==', '=', '<', '>', '<=', '>='] },
      { name: 'audience', title: 'Doelgroep', relations: [] },
    ],
    sortKeys: ['modified'],
    defaultRecords: 10,
    maximumRecords: 4020,
  };
}
