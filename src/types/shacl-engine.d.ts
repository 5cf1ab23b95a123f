declare module 'shacl-engine' {
  import type * as RDF from '@rdfjs/types';
  export class Validator {
    constructor(shapes: RDF.DatasetCore, options: { factory: unknown; debug?: boolean; details?: boolean; coverage?: boolean; trace?: boolean });
    validate(data: { dataset: RDF.DatasetCore; terms?: Iterable<RDF.Term> }, shapes?: { terms?: Iterable<RDF.Term> }[]): Promise<unknown>;
  }
}
