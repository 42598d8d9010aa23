package dev.paygo.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelGeneratorTest {
    private static final String DOCUMENT = """
            openapi: 3.1.0
            paths:
              /things:
                post:
                  requestBody:
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/Order'}
                get:
                  responses: {'200': {description: OK}}
            components:
              schemas:
                DecimalString: {type: string}
                Thing:
                  type: object
                  description: A `thing` <b>with</b> @tags
                  required: [id, amount]
                  properties:
                    id: {type: string, description: its id}
                    amount: {$ref: '#/components/schemas/DecimalString'}
                    count: {type: integer, format: int64}
                    line_no: {type: [integer, 'null']}
                    at: {type: [string, 'null'], format: date-time}
                    day: {type: string, format: date}
                    Tags: {type: object, additionalProperties: {type: [string, boolean]}}
                    names: {type: array, items: {type: string}}
                    children: {type: array, items: {$ref: '#/components/schemas/Thing'}}
                    paid:
                      anyOf: [{$ref: '#/components/schemas/DecimalString'}, {type: 'null'}]
                    nested: {type: object, properties: {a: {type: string}}}
                Order:
                  type: object
                  required: [thing_id]
                  properties:
                    thing_id: {type: string}
                    quantity:
                      oneOf: [{$ref: '#/components/schemas/DecimalString'}, {type: number}]
            """;

    private static Map<String, String> generate(String... models) throws Exception {
        JsonNode document = new YAMLMapper().readTree(DOCUMENT);
        return new ModelGenerator(document, "example.models", Set.of(models)).generate();
    }

    @Test
    void eachPropertyBecomesATypedGetterReadOnce() throws Exception {
        String thing = generate("Thing").get("Thing");

        assertThat(thing).contains("package example.models;")
                .contains("/** A {@code thing} &lt;b&gt;with&lt;/b&gt; &#64;tags */")
                .contains("/** its id. */\n    public String id() {\n        return required(\"id\", id);")
                .contains("public java.math.BigDecimal amount()")
                .contains("public java.util.Optional<Long> count()")
                .contains("public java.util.Optional<Integer> lineNo()")
                .contains("public java.util.Optional<java.time.OffsetDateTime> at()")
                .contains("public java.util.Optional<java.time.LocalDate> day()")
                .contains("public java.util.Map<String, String> tags()")
                .contains("public java.util.List<String> names()")
                .contains("public java.util.List<Thing> children()")
                .contains("public java.util.Optional<java.math.BigDecimal> paid()")
                .contains("this.amount = decimal(\"amount\").orElse(null);")
                .contains("this.children = list(\"children\", Thing::fromJson);");
    }

    @Test
    void nestedShapesAreLeftToTheJsonAndAreNotKnownFields() throws Exception {
        String thing = generate("Thing").get("Thing");

        assertThat(thing).doesNotContain("nested()").contains("Set.of(\"id\", \"amount\", \"count\", \"line_no\", "
                + "\"at\", \"day\", \"Tags\", \"names\", \"children\", \"paid\")");
    }

    @Test
    void onlyModelsReachedByARequestBodyCheckTheirRequiredFieldsWhenBuilt() throws Exception {
        Map<String, String> sources = generate("Thing", "Order");

        assertThat(sources.get("Order")).contains("if (!json.hasNonNull(\"thing_id\"))")
                .contains("public java.util.Optional<java.math.BigDecimal> quantity()");
        assertThat(sources.get("Thing")).doesNotContain("hasNonNull");
    }

    @Test
    void aModelTheDocumentLacksIsRefused() {
        assertThatThrownBy(() -> generate("Missing")).hasMessageContaining("no schema Missing");
    }

    @Test
    void namesAreCamelCased() {
        assertThat(ModelGenerator.camel("billing_cycle_anchor")).isEqualTo("billingCycleAnchor");
        assertThat(ModelGenerator.camel("BillingCurrency")).isEqualTo("billingCurrency");
        assertThat(ModelGenerator.camel("x_BillableMetricId")).isEqualTo("xBillableMetricId");
    }
}
