/** The catalogue validator: the public page, the link check (page, JSON API) and what the command line shares with them. */
export { createValidatorRoutes, LINKCHECK_API_PATH, VALIDATOR_PATH } from './routes.js';
export { checkLink, checkLinks, LINK_OUTCOMES, type LinkCheckOptions, type LinkCheckReport, type LinkOutcome, type LinkResult } from './linkcheck.js';
export { fetchForValidation, isUrlArgument, linkCheckOptions, validatorMaxBytes } from './source.js';
