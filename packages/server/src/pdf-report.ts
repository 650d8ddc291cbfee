import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

/** The standard PDF fonts speak WinAnsi only: dashes, quotes, narrow spaces and ≥ ≤ ÷ are spelled in it, anything else is shown as '?' rather than failing. */
export const winAnsi = (s: string) =>
  s
    .normalize('NFC')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\u202F|\u2009/g, ' ')
    .replace(/\u2265/g, '>=')
    .replace(/\u2264/g, '<=')
    .replace(/\u00F7/g, '/')
    .replace(/[^\x20-\x7E\xA0-\xFF]/g, '?');

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;
const INK = rgb(0.1, 0.1, 0.1);

/**
 * A small flowing A4 report on pdf-lib (already the platform's PDF library): headings, text,
 * tables with fixed column widths, new pages as the text runs out. Used by the Monev evidence
 * pack and the SKM report (aggregates only: no personal data passes through here).
 */
export class PdfReport {
  private page!: PDFPage;
  private y = 0;
  private constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
  ) {}

  static async create(meta: { title: string; createdAt: Date }): Promise<PdfReport> {
    const doc = await PDFDocument.create();
    doc.setTitle(winAnsi(meta.title));
    doc.setProducer('Satupintu');
    doc.setCreationDate(meta.createdAt);
    doc.setModificationDate(meta.createdAt);
    const r = new PdfReport(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold));
    r.newPage();
    return r;
  }

  private newPage(): void {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN;
  }

  private room(h: number): void {
    if (this.y - h < MARGIN) this.newPage();
  }

  /** Splits text into lines that fit `width` points at `size`. */
  private wrap(text: string, size: number, width: number, f: PDFFont): string[] {
    const out: string[] = [];
    for (const para of winAnsi(text).split('\n')) {
      let line = '';
      for (const word of para.split(/\s+/)) {
        const next = line ? `${line} ${word}` : word;
        if (f.widthOfTextAtSize(next, size) <= width || !line) line = next;
        else {
          out.push(line);
          line = word;
        }
      }
      out.push(line);
    }
    return out;
  }

  text(text: string, opts: { size?: number; bold?: boolean; gap?: number } = {}): this {
    const size = opts.size ?? 10;
    const f = opts.bold ? this.bold : this.font;
    for (const l of this.wrap(text, size, A4[0] - 2 * MARGIN, f)) {
      this.room(size + 4);
      this.page.drawText(l, { x: MARGIN, y: this.y - size, size, font: f, color: INK });
      this.y -= size + 4;
    }
    this.y -= opts.gap ?? 2;
    return this;
  }

  heading(text: string): this {
    this.y -= 6;
    return this.text(text, { size: 12, bold: true, gap: 4 });
  }

  /** A table: `widths` are shares of the text width; the header row is bold; rows break across pages. */
  table(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>, widths: readonly number[], size = 8.5): this {
    const total = A4[0] - 2 * MARGIN;
    const cols = widths.map((w) => w * total);
    const draw = (cells: readonly (string | number | null)[], f: PDFFont) => {
      const lines = cells.map((c, i) => this.wrap(c === null ? '-' : String(c), size, cols[i]! - 4, f));
      const h = Math.max(...lines.map((l) => l.length)) * (size + 3) + 4;
      this.room(h);
      let x = MARGIN;
      lines.forEach((ls, i) => {
        ls.forEach((l, j) => this.page.drawText(l, { x: x + 2, y: this.y - size - j * (size + 3), size, font: f, color: INK }));
        x += cols[i]!;
      });
      this.page.drawLine({ start: { x: MARGIN, y: this.y - h + 2 }, end: { x: MARGIN + total, y: this.y - h + 2 }, thickness: 0.3, color: rgb(0.6, 0.6, 0.6) });
      this.y -= h;
    };
    draw(header, this.bold);
    for (const r of rows) draw(r, this.font);
    this.y -= 6;
    return this;
  }

  save(): Promise<Uint8Array> {
    return this.doc.save();
  }
}
