/** @jsxImportSource hono/jsx */
/** The signatures made over a published version's content, on its page (sign:SignedResource about the version). */
import { literal, namedNode } from '../shared/rdf/factory.js';
import { Prop, Resource } from '../shared/render/rdfa.js';
import { DCT, SIGN } from '../shared/rdf/vocab.js';
import type { Handtekening } from './model.js';
import type { DecisionIris } from './rdf.js';
import { PublishedTime } from './views/parts.js';

export function SignatureList({ handtekeningen, version, iris }: { handtekeningen: readonly Handtekening[]; version: string; iris: DecisionIris }) {
  if (!handtekeningen.length) return null;
  return (
    <section aria-labelledby="handtekeningen" class="handtekeningen">
      <h2 id="handtekeningen">Handtekeningen</h2>
      <ul>
        {handtekeningen.map((h) => (
          <Resource about={iris.handtekening(h.id)} typeof={[SIGN.SignedResource]} as="li">
            Ondertekend door <Prop p={SIGN.signatory} o={namedNode(h.ondertekenaar)} label={h.ondertekenaarNaam} link={false} /> op <PublishedTime iso={h.tijdstip} p={DCT.created} />
            {' · '}
            <Prop p={SIGN.hashAlgorithm} o={literal('sha256')} />: <code><Prop p={SIGN.hashValue} o={literal(h.hash)} /></code>
            <Prop p={DCT.subject} o={namedNode(version)} link={false}>
              {''}
            </Prop>
          </Resource>
        ))}
      </ul>
    </section>
  );
}
