/** SC publication: each organisation's catalogue as SC 4.0 XML at /catalogi/{org}/sc.xml. */
export { createScPublicationRoutes, scCatalogueOf, SC_XML_ROUTE } from './routes.js';
export { standaloneFragment } from './standalone.js';
