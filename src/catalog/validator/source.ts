/** Where the validator (page and command line) gets a catalogue from, and its limits from the configuration. */
import type { Config } from '../../config.js';
import { fetchCatalogue, type FetchOutcome } from '../harvest/index.js';
import type { LinkCheckOptions } from './linkcheck.js';

/** Largest catalogue the validator reads (an upload is limited by BODY_LIMIT_BYTES before that). */
export const validatorMaxBytes = (config: Config): number => Math.max(config.bodyLimitBytes, config.harvest.maxBytes);

export const linkCheckOptions = (config: Config): LinkCheckOptions => ({
  ...config.linkCheck,
  allowPrivateAddresses: config.harvest.allowPrivateAddresses,
});

/** True when the argument is to be fetched rather than read from disk. */
export const isUrlArgument = (arg: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(arg);

/**
 * Fetches a catalogue with the harvester's prerequisites and limits; `allowPrivateAddresses`
 * defaults to HARVEST_ALLOW_PRIVATE_ADDRESSES.
 */
export function fetchForValidation(url: string, config: Config, allowPrivateAddresses = config.harvest.allowPrivateAddresses): Promise<FetchOutcome> {
  return fetchCatalogue(url, {
    maxBytes: config.harvest.maxBytes,
    timeoutMs: config.harvest.timeoutMs,
    maxRedirects: config.harvest.maxRedirects,
    allowPrivateAddresses,
  });
}
