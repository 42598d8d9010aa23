package dev.paygo.console;

import java.util.List;

/**
 * What the console's templates (src/main/jte) render: every number already formatted by {@link Fmt} from the
 * values the API serves, so a page and the API agree to the cent. Nullable strings are left out of the page.
 */
public final class Models {
    private Models() {
    }

    /**
     * Around every signed-in page: the title, who is signed in, the form token, the account in view (null on
     * operator pages) and the navigation entry that is current.
     *
     * @param charts whether the page draws charts (it then loads the chart library)
     */
    public record Chrome(String title, String csrf, String who, boolean operator, String accountId,
                         String accountName, String active, boolean canWrite, boolean charts) {
        public Chrome {
            if (title == null || csrf == null || who == null) {
                throw new IllegalArgumentException("a page needs a title, a form token and a signed-in caller");
            }
        }

        /** The path of a page of the account in view. */
        public String account(String page) {
            return "/accounts/" + accountId + page;
        }
    }

    /** A headline figure. */
    public record Figure(String id, String label, String value, String hint) {
    }

    /** A choice in a select list. */
    public record Option(String value, String label, boolean selected) {
    }

    /** One service (metric) of the overview's table; {@code *Value} are plain numbers for sorting. */
    public record ServiceLine(String metric, String name, String family, String quantity, String quantityValue,
                              String unit, String cost, String costValue) {
    }

    public record Overview(Chrome chrome, String period, List<Figure> figures, String chart, List<ServiceLine> services,
                           String total, boolean empty) {
    }

    public record UsageDay(String day, String quantity, String cost) {
    }

    public record Usage(Chrome chrome, List<Option> metrics, List<Option> periods, String from, String to,
                        String chart, List<UsageDay> days, String totalQuantity, String totalCost, String unit,
                        String metricName, String error) {
    }

    public record InvoiceSummary(String id, String number, String period, String issued, String total,
                                 String totalValue, String status, String statusLabel) {
    }

    public record Invoices(Chrome chrome, List<InvoiceSummary> invoices, String upcomingTotal, String upcomingPeriod) {
    }

    /** An invoice's line as the page and the PDF show it. */
    public record Line(String description, String quantity, String unit, String period, String amount) {
    }

    /**
     * An invoice as a document: the one set of values the page, the hosted page and the PDF render.
     *
     * @param issuer the issuer's name and address lines
     * @param customer the customer's lines, from the account's billing profile
     */
    public record InvoiceDoc(String id, String number, String status, String statusLabel, String period,
                             String issued, String settled, List<String> issuer, List<String> customer,
                             List<Line> lines, String subtotal, String credits, String total, String paid,
                             String amountDue, String currency) {
    }

    /** @param chrome null on the hosted page (nobody is signed in there) */
    public record InvoicePage(Chrome chrome, InvoiceDoc doc, String pdfUrl, String hostedUrl) {
    }

    public record ProfileField(String name, String label, String value, String error, String type,
                               String autocomplete) {
    }

    public record Profile(Chrome chrome, List<ProfileField> fields, String card, boolean exists, String notice,
                          String error) {
    }

    public record TokenLine(String id, String name, String groups, String status, String issued, boolean current) {
    }

    public record Tokens(Chrome chrome, List<TokenLine> tokens, List<Option> groups, String createdName,
                         String createdValue, String notice, String error) {
    }

    public record AccountLine(String id, String name, String currency, String costSoFar, String costValue,
                              String lastInvoiced, String lastValue) {
    }

    public record Accounts(Chrome chrome, String query, List<AccountLine> accounts, String previousPage,
                           String nextPage, long matching) {
    }

    public record RunView(String started, String finished, long issued, long attempted, String payments,
                          long recovered, long failures, boolean complete) {
    }

    public record Runs(Chrome chrome, RunView last, String notice, boolean scheduled) {
    }

    public record PriceRow(String metric, String name, String family, String unit, String included,
                           List<String> tiers, String since) {
    }

    public record Prices(Chrome chrome, String provider, String currency, List<PriceRow> prices) {
    }

    public record SignIn(String csrf, String error, String notice) {
    }

    /** @param chrome null when nobody is signed in */
    public record ErrorPage(Chrome chrome, int status, String title, String message) {
    }
}
