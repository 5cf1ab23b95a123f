/** Types for the parts of @lblod/graph-rdfa-processor (Green Turtle) the tests use. */
declare module '@lblod/graph-rdfa-processor' {
  interface RdfaObject {
    /** `rdf:object` for IRIs and blank nodes, `rdf:PlainLiteral`, or the datatype IRI. */
    type: string;
    value: string;
    language?: string | null;
  }
  interface RdfaGraph {
    subjects: Record<string, { predicates: Record<string, { objects: RdfaObject[] }> }>;
  }
  export default function getRdfaGraph(documentOrNode: unknown, options?: { baseURI?: string }): RdfaGraph;
}
