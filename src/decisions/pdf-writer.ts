/**
 * A small layer over PDFKit for the PDF renditions: A4, standard fonts (Helvetica), headings,
 * paragraphs and "label: value" lines, every string through pdfText (WinAnsi only), and a footer
 * with page numbers. The PDF is tagged (structure tree of headings and paragraphs, language, title
 * shown; footers marked as pagination artifacts) for screen readers. Rendering is deterministic:
 * the creation date is given, PDFKit derives the file ID from the document information, and
 * nothing random goes in.
 */
import PDFDocument from 'pdfkit';
import { pdfText } from './pdf-text.js';

const MARGIN = 56;
const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';

export interface PdfInfo {
  title: string;
  author: string;
  subject: string;
  /** Creation and modification date: the publication time, so the same version gives the same bytes. */
  date: Date;
  /** Footer text on every page, followed by "pagina i van n". */
  footer: string;
}

type Tag = 'H1' | 'H2' | 'H3' | 'H4' | 'P';

export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly root: PDFKit.PDFStructureElement;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Uint8Array>;

  constructor(private readonly info: PdfInfo) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
      bufferPages: true,
      pdfVersion: '1.7',
      tagged: true,
      lang: 'nl-BE',
      displayTitle: true,
      info: { Title: info.title, Author: info.author, Subject: info.subject, Creator: 'Stelsel', Producer: 'Stelsel', CreationDate: info.date, ModDate: info.date },
    });
    this.done = new Promise((resolve, reject) => {
      this.doc.on('data', (c: Buffer) => this.chunks.push(c));
      this.doc.on('end', () => resolve(new Uint8Array(Buffer.concat(this.chunks))));
      this.doc.on('error', reject);
    });
    this.doc.font(REGULAR).fontSize(10);
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
  }

  /** Content drawn by `draw`, as one structure element of the given role. */
  private tagged(tag: Tag, draw: () => void): void {
    this.root.add(this.doc.struct(tag, {}, [draw]));
  }

  private get width(): number {
    return this.doc.page.width - MARGIN * 2;
  }

  private write(tag: Tag, text: string, font: string, size: number, gapBefore: number): this {
    if (gapBefore) this.doc.moveDown(gapBefore);
    this.tagged(tag, () => this.doc.font(font).fontSize(size).text(pdfText(text), MARGIN, undefined, { width: this.width }));
    return this;
  }

  title(text: string): this {
    return this.write('H1', text, BOLD, 16, 0);
  }

  heading(text: string): this {
    return this.write('H2', text, BOLD, 13, 0.8);
  }

  subheading(text: string): this {
    return this.write('H3', text, BOLD, 11, 0.6);
  }

  minorHeading(text: string): this {
    return this.write('H4', text, BOLD, 10, 0.4);
  }

  para(text: string): this {
    return this.write('P', text, REGULAR, 10, 0.2);
  }

  /** "Label: value" with the label in bold, one paragraph. */
  field(label: string, value: string): this {
    this.doc.moveDown(0.1);
    this.tagged('P', () => {
      this.doc.font(BOLD).fontSize(10).text(pdfText(`${label}: `), MARGIN, undefined, { width: this.width, continued: true });
      this.doc.font(REGULAR).text(pdfText(value));
    });
    return this;
  }

  /** Footers with page numbers, then the bytes. */
  async finish(): Promise<Uint8Array> {
    this.root.end();
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const bottom = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.doc.markContent('Artifact', { type: 'Pagination' });
      this.doc
        .font(REGULAR)
        .fontSize(8)
        .text(pdfText(`${this.info.footer} · pagina ${i + 1 - range.start} van ${range.count}`), MARGIN, this.doc.page.height - MARGIN / 2 - 8, { width: this.width, align: 'center', lineBreak: false });
      this.doc.endMarkedContent();
      this.doc.page.margins.bottom = bottom;
    }
    this.doc.end();
    return this.done;
  }
}
