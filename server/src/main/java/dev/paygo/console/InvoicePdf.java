package dev.paygo.console;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * An invoice as a PDF (A4), rendered with OpenPDF from the same {@link Models.InvoiceDoc} as its page: number,
 * status, period, issuer and customer, every line, and the totals. Standard PDF fonts: Latin text only (see
 * docs/console.md).
 */
final class InvoicePdf {
    private static final Color MUTED = new Color(0x5b, 0x64, 0x75);
    private static final Color LINE = new Color(0xdf, 0xe3, 0xea);
    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 20);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 10);
    private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 8, Font.NORMAL, MUTED);
    private static final Font HEAD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9, Font.NORMAL, MUTED);

    private InvoicePdf() {
    }

    static byte[] render(Models.InvoiceDoc doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4, 48, 48, 48, 48);
        PdfWriter.getInstance(pdf, out);
        pdf.addTitle("Invoice " + doc.number());
        pdf.addCreator("paygo");
        pdf.open();

        PdfPTable head = table(new float[] {3, 2});
        head.addCell(cell(new Phrase("Invoice " + doc.number(), TITLE), Element.ALIGN_LEFT));
        head.addCell(cell(new Phrase(doc.statusLabel().toUpperCase(java.util.Locale.ROOT), BOLD), Element.ALIGN_RIGHT));
        pdf.add(head);
        pdf.add(new Paragraph("Period " + plain(doc.period()) + "   ·   Issued " + doc.issued()
                + (doc.settled() != null ? "   ·   Settled " + doc.settled() : ""), SMALL));
        pdf.add(Chunk.NEWLINE);

        PdfPTable parties = table(new float[] {1, 1});
        parties.addCell(party("From", doc.issuer()));
        parties.addCell(party("Bill to", doc.customer()));
        pdf.add(parties);
        pdf.add(Chunk.NEWLINE);

        PdfPTable lines = table(new float[] {4.2f, 3.2f, 2.8f, 1.4f});
        lines.setHeaderRows(1);
        for (String h : new String[] {"Description", "Quantity", "Period", "Amount"}) {
            PdfPCell c = cell(new Phrase(h, HEAD), h.equals("Amount") || h.equals("Quantity")
                    ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
            c.setBorder(Rectangle.BOTTOM);
            c.setBorderColor(LINE);
            lines.addCell(c);
        }
        for (Models.Line l : doc.lines()) {
            lines.addCell(ruled(new Phrase(l.description(), BODY), Element.ALIGN_LEFT));
            lines.addCell(ruled(new Phrase(l.quantity() == null ? "" : l.quantity()
                    + (l.unit() == null ? "" : " " + l.unit()), BODY), Element.ALIGN_RIGHT));
            lines.addCell(ruled(new Phrase(plain(l.period()), BODY), Element.ALIGN_LEFT));
            lines.addCell(ruled(new Phrase(plain(l.amount()), BODY), Element.ALIGN_RIGHT));
        }
        pdf.add(lines);
        pdf.add(Chunk.NEWLINE);

        PdfPTable totals = table(new float[] {7, 2});
        totals.setWidthPercentage(55);
        totals.setHorizontalAlignment(Element.ALIGN_RIGHT);
        total(totals, "Subtotal", doc.subtotal(), BODY);
        total(totals, "Credit applied", doc.credits(), BODY);
        total(totals, "Total (" + doc.currency() + ")", doc.total(), BOLD);
        total(totals, "Paid", doc.paid(), BODY);
        total(totals, "Amount due", doc.amountDue(), BOLD);
        pdf.add(totals);
        pdf.add(Chunk.NEWLINE);
        pdf.add(new Paragraph("Invoice id " + doc.id(), SMALL));
        pdf.close();
        return out.toByteArray();
    }

    private static PdfPTable table(float[] widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        return table;
    }

    private static PdfPCell cell(Phrase phrase, int align) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setHorizontalAlignment(align);
        cell.setPaddingBottom(5);
        return cell;
    }

    private static PdfPCell ruled(Phrase phrase, int align) {
        PdfPCell cell = cell(phrase, align);
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(LINE);
        cell.setPaddingTop(4);
        return cell;
    }

    private static PdfPCell party(String title, List<String> lines) {
        Paragraph p = new Paragraph();
        p.add(new Chunk(title + "\n", HEAD));
        lines.forEach(l -> p.add(new Chunk(l + "\n", BODY)));
        PdfPCell cell = new PdfPCell(p);
        cell.setBorder(Rectangle.NO_BORDER);
        return cell;
    }

    private static void total(PdfPTable table, String label, String amount, Font font) {
        table.addCell(cell(new Phrase(label, font), Element.ALIGN_RIGHT));
        table.addCell(cell(new Phrase(plain(amount), font), Element.ALIGN_RIGHT));
    }

    /** The standard fonts' encoding has no minus sign or thin dash: write their ASCII look-alikes. */
    private static String plain(String text) {
        return text.replace('\u2212', '-').replace('\u2013', '-');
    }
}
