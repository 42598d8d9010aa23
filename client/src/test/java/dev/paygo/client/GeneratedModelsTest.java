package dev.paygo.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paygo.client.errors.PaygoInvalidDataException;
import dev.paygo.client.models.Invoice;
import dev.paygo.client.models.UsageEvent;
import org.junit.jupiter.api.Test;

/** The models generated from openapi/paygo.yaml: read once, typed, and strict about what they promise. */
class GeneratedModelsTest {
    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) new ObjectMapper().readTree(text);
    }

    @Test
    void anInvoiceIsReadOnceAndItsGettersAnswerTheSameObjects() throws Exception {
        Invoice invoice = Invoice.fromJson(json("""
                {"account_id": "a", "status": "open", "currency": "USD", "period_start": "2026-11-15",
                 "period_end": "2026-12-15", "subtotal": "12.30", "credits_applied": "0.00", "total": "12.30",
                 "lines": [{"line_no": 1, "kind": "usage", "description": "R2", "period_start": "2026-11-15",
                            "period_end": "2026-12-15", "amount": "12.30"}], "x_new": 1}"""));

        assertThat(invoice.total()).isEqualByComparingTo("12.30");
        assertThat(invoice.lines()).isSameAs(invoice.lines()).hasSize(1);
        assertThat(invoice.lines().get(0).amount()).isEqualByComparingTo("12.30");
        assertThat(invoice.periodEnd()).hasToString("2026-12-15");
        assertThat(invoice.id()).isEmpty();
        assertThat(invoice._additionalProperties()).containsOnlyKeys("x_new");
    }

    @Test
    void aFieldOfTheWrongTypeFailsWhenTheAnswerIsReadNotLater() throws Exception {
        ObjectNode bad = json("{\"account_id\": \"a\", \"total\": \"twelve\"}");

        assertThatThrownBy(() -> Invoice.fromJson(bad)).isInstanceOf(PaygoInvalidDataException.class)
                .hasMessageContaining("total");
    }

    @Test
    void aMissingRequiredFieldFailsWhenAskedFor() throws Exception {
        Invoice partial = Invoice.fromJson(json("{\"account_id\": \"a\"}"));

        assertThat(partial.accountId()).isEqualTo("a");
        assertThatThrownBy(partial::total).isInstanceOf(PaygoInvalidDataException.class)
                .hasMessageContaining("Invoice.total is missing");
    }

    @Test
    void aRequestModelRefusesToBuildWithoutWhatTheDocumentRequires() {
        assertThatThrownBy(() -> UsageEvent.builder().id("e1").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("metric is required");
    }
}
