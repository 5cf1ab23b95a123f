import { describe } from 'vitest';
import { EmbeddedStore } from '../../src/shared/store/embedded/embedded-store.js';
import { CONTRACT_URIS, storeContract } from './contract.js';
import { tempDir } from '../support/tmp.js';

describe('EmbeddedStore (Oxigraph + journal)', () => {
  storeContract('embedded', async () => {
    const tmp = tempDir();
    const store = await EmbeddedStore.open({ dir: tmp.dir, genidBase: CONTRACT_URIS.genidBase, locksGraph: CONTRACT_URIS.locksGraph });
    return {
      store,
      async cleanup() {
        await store.close({ snapshot: false });
        tmp.remove();
      },
    };
  });
});
