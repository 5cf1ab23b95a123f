// Development bootstrap of the replica worker, used only when Stelsel runs from its TypeScript
// sources (tsx, vitest): Node 20 cannot apply `--import tsx` to a worker's entry module, so this
// plain module loads the TypeScript entry through tsx's API. Built code (dist/) starts
// replica-worker.js directly and never uses this file.
import { tsImport } from 'tsx/esm/api';

await tsImport(new URL('./replica-worker.ts', import.meta.url).href, import.meta.url);
