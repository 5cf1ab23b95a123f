/**
 * One in-memory index copy per store and site, shared by every search service of that site (the
 * SRU endpoint and the search page), opened on first use where the store has a commit feed.
 */
import type { TripleStore } from '../../shared/store/port.js';
import type { UriPolicy } from '../../shared/uri.js';
import { IndexCopy } from './index-copy.js';

export { IndexCopy } from './index-copy.js';

const copies = new WeakMap<object, Map<string, IndexCopy>>();

export function sharedIndexCopy(store: TripleStore, uris: UriPolicy): IndexCopy | null {
  const feed = store.commitFeed?.();
  if (!feed) return null;
  let bySite = copies.get(feed);
  if (!bySite) copies.set(feed, (bySite = new Map()));
  let copy = bySite.get(uris.base);
  if (!copy) bySite.set(uris.base, (copy = IndexCopy.open(feed, uris)));
  return copy;
}
