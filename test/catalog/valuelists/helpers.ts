import path from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EmbeddedStore } from '../../../src/shared/store/embedded/embedded-store.js';
import { AuditLog } from '../../../src/shared/audit/audit-log.js';
import { UriPolicy } from '../../../src/shared/uri.js';
import { tempDir, TEST_BASE } from '../../support/tmp.js';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const DEMO_DIR = path.join(REPO, 'data/valuelists');
export const REFERENCE_DIR = path.resolve(REPO, '../shared/reference');
export const HAS_REFERENCE = existsSync(path.join(REFERENCE_DIR, 'owms/Gemeente.xml'));

export async function openTestStore() {
  const tmp = tempDir('stelsel-vl-');
  const uris = new UriPolicy(TEST_BASE);
  const store = await EmbeddedStore.open({ dir: path.join(tmp.dir, 'store'), genidBase: uris.genidBase, locksGraph: uris.locksGraph });
  const audit = new AuditLog(store, uris);
  return {
    tmp,
    uris,
    store,
    audit,
    async close() {
      await store.close();
      tmp.remove();
    },
  };
}
