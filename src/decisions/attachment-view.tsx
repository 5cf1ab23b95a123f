/** @jsxImportSource hono/jsx */
/**
 * A published version's attachments on its page: each linked from its decision with
 * eli:related_to, with the file's name, size and SHA-256 and a link to the PDF (no RDFa property on
 * the link: harvesters do not follow it).
 */
import { literal, namedNode } from '../shared/rdf/factory.js';
import { Prop, Resource } from '../shared/render/rdfa.js';
import { DCT, ELI, NFO, STELSEL, XSD } from '../shared/rdf/vocab.js';
import type { BijlageInfo } from './attachment-rdf.js';
import type { Zitting } from './model.js';
import type { DecisionIris } from './rdf.js';

const kib = (n: number) => (n < 1024 ? `${n} bytes` : `${(n / 1024).toLocaleString('nl-BE', { maximumFractionDigits: 1 })} KiB`);

export function AttachmentList({ bijlagen, z, iris }: { bijlagen: readonly BijlageInfo[]; z: Zitting; iris: DecisionIris }) {
  if (!bijlagen.length) return null;
  const titles = new Map(z.agendapunten.flatMap((a) => (a.behandeling?.besluit ? [[iris.besluit(a.behandeling.besluit.id).value, a.behandeling.besluit.titel] as const] : [])));
  return (
    <section aria-labelledby="bijlagen" class="bijlagen">
      <h2 id="bijlagen">Bijlagen</h2>
      <ul>
        {bijlagen.map((b) => (
          <li>
            <Resource about={namedNode(b.besluit)} as="span">
              <Prop p={ELI.related_to} o={iris.bijlage(b.id)} link={false}>
                {''}
              </Prop>
            </Resource>
            <Resource about={iris.bijlage(b.id)} typeof={[NFO.FileDataObject]} as="span">
              <a href={b.downloadUrl} type="application/pdf">
                <Prop p={NFO.fileName} o={literal(b.bestandsnaam)} />
              </a>{' '}
              (PDF, {kib(b.grootte)}
              <span hidden>
                <Prop p={NFO.fileSize} o={literal(String(b.grootte), XSD.integer)} />
                <Prop p={DCT.format} o={literal(b.mediaType)} />
              </span>
              ) · bij besluit {titles.get(b.besluit) ?? b.besluit} · SHA-256 <code><Prop p={STELSEL.sha256} o={literal(b.sha256)} /></code>
            </Resource>
          </li>
        ))}
      </ul>
    </section>
  );
}

