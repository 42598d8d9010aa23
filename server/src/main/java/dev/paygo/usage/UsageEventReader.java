package dev.paygo.usage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.paygo.error.ErrorCode;
import dev.paygo.error.PaygoException;
import dev.paygo.error.Problems;
import dev.paygo.http.JsonErrors;
import dev.paygo.json.JsonFields;
import dev.paygo.id.Ids;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads usage events from a request body, streaming: a JSON array ({@code application/json}), NDJSON
 * ({@code application/x-ndjson}), or CloudEvents 1.0 in structured ({@code application/cloudevents+json})
 * or batch ({@code application/cloudevents-batch+json}) mode. Every malformed event is reported with its
 * pointer ({@code /3/quantity}; for NDJSON the index counts lines). Not thread-safe: one per request.
 */
public final class UsageEventReader {
    private static final Set<String> EVENT_FIELDS = Set.of("id", "account_id", "metric", "quantity", "timestamp",
            "zone_id", "tags");
    private static final Set<String> CLOUD_EVENT_FIELDS = Set.of("specversion", "id", "source", "type", "subject",
            "time", "datacontenttype", "dataschema", "data");
    private static final Set<String> CLOUD_EVENT_DATA = Set.of("metric", "quantity", "zone_id", "tags");

    /** A quantity sent as a string: digits, and a fraction after one point; no sign, exponent or space. */
    private static final java.util.regex.Pattern QUANTITY_TEXT = java.util.regex.Pattern.compile("[0-9]+(\\.[0-9]+)?");
    private static final int MAX_QUANTITY_TEXT = 64;

    private final ObjectMapper mapper;
    /** Reads one element of a streamed array: more elements follow it, so trailing tokens are expected. */
    private final ObjectReader elementReader;
    private final int maxEvents;
    private final Optional<String> routeAccount;
    private final Problems problems = new Problems();
    private final List<IncomingEvent> events = new ArrayList<>();

    /** @param routeAccount the account of a per-account route; events may then leave their account out */
    public UsageEventReader(ObjectMapper mapper, int maxEvents, Optional<String> routeAccount) {
        this.mapper = mapper;
        this.elementReader = mapper.readerFor(JsonNode.class)
                .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.maxEvents = maxEvents;
        this.routeAccount = routeAccount;
    }

    /**
     * Reads the well-formed events of {@code body}; problems with the others are in {@link #problems()}, for the
     * caller to add its own checks to and then throw. A body that is not readable at all throws 400 at once,
     * and one with more events than allowed 413.
     */
    public List<IncomingEvent> read(byte[] body, String contentType) {
        String type = contentType == null ? "application/json"
                : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        switch (type) {
            case "application/x-ndjson", "application/jsonl", "application/x-jsonlines" -> readLines(body);
            case "application/cloudevents+json" -> readOne(body);
            case "application/cloudevents-batch+json" -> readArray(body, true);
            default -> readArray(body, false);
        }
        if (events.isEmpty() && problems.isEmpty()) {
            problems.add("", "holds no events");
        }
        return events;
    }

    /** What was wrong with the events read so far. */
    public Problems problems() {
        return problems;
    }

    private void readArray(byte[] body, boolean cloudEvents) {
        try (JsonParser parser = mapper.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                problems.add("", "must be a JSON array of " + (cloudEvents ? "CloudEvents" : "events")
                        + (cloudEvents ? "" : " (send NDJSON as application/x-ndjson, one CloudEvent as "
                        + "application/cloudevents+json)"));
                return;
            }
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                count(index);
                JsonNode node = elementReader.readValue(parser);
                event(node, "/" + index, cloudEvents);
                index++;
            }
            if (parser.nextToken() != null) {
                problems.add("", "has content after the array");
            }
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw Problems.single("", "could not be read");
        }
    }

    private void readOne(byte[] body) {
        try {
            event(mapper.readTree(body), "", true);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw Problems.single("", "could not be read");
        }
    }

    private void readLines(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        int index = 0;
        int line = 0;
        for (String raw : text.split("\n", -1)) {
            line++;
            if (raw.isBlank()) {
                continue;
            }
            count(index);
            try {
                event(mapper.readTree(raw), "/" + index, false);
            } catch (JsonProcessingException e) {
                problems.add("/" + index, "(line " + line + ") " + JsonErrors.describe(e));
            }
            index++;
        }
    }

    private void count(int index) {
        if (index >= maxEvents) {
            throw new PaygoException(ErrorCode.BODY_TOO_LARGE, ErrorCode.BODY_TOO_LARGE.message()
                    + ": at most " + maxEvents + " events are accepted in one request");
        }
    }

    private void event(JsonNode node, String pointer, boolean cloudEvent) {
        if (node == null || node.isMissingNode()) {
            problems.add(pointer, "is required");
            return;
        }
        JsonFields fields = JsonFields.at(node, pointer, problems);
        if (cloudEvent) {
            cloudEvent(fields, pointer);
        } else {
            plain(fields, pointer);
        }
    }

    private void plain(JsonFields fields, String pointer) {
        fields.allowOnly(EVENT_FIELDS);
        Optional<String> id = fields.requiredString("id", 128);
        Optional<String> account = account(fields, "account_id");
        Optional<String> metric = fields.requiredString("metric", 128);
        Optional<BigDecimal> quantity = quantity(fields, "quantity");
        Optional<Instant> timestamp = required(fields, "timestamp");
        Optional<String> zone = zone(fields);
        Tags tags = tags(fields);
        if (id.isPresent() && account.isPresent() && metric.isPresent() && quantity.isPresent()
                && timestamp.isPresent()) {
            events.add(new IncomingEvent(new UsageEvent(account.get(), id.get(), metric.get(), quantity.get(),
                    timestamp.get(), zone, tags), pointer, false));
        }
    }

    private void cloudEvent(JsonFields fields, String pointer) {
        fields.allowOnly(CLOUD_EVENT_FIELDS);
        fields.requiredString("specversion", 8).filter(v -> !v.equals("1.0"))
                .ifPresent(v -> problems.add(fields.pointer("specversion"), "must be \"1.0\""));
        Optional<String> id = fields.requiredString("id", 128);
        fields.requiredString("source", 1024);
        fields.requiredString("type", 256);
        fields.string("datacontenttype", 128).filter(t -> !t.startsWith("application/json"))
                .ifPresent(t -> problems.add(fields.pointer("datacontenttype"), "must be application/json"));
        fields.string("dataschema", 1024);
        Optional<String> account = account(fields, "subject");
        Optional<Instant> time = required(fields, "time");
        Optional<JsonFields> data = fields.object("data");
        if (data.isEmpty()) {
            problems.add(fields.pointer("data"), "is required: {\"metric\": ..., \"quantity\": ...}");
            return;
        }
        JsonFields d = data.get().allowOnly(CLOUD_EVENT_DATA);
        Optional<String> metric = d.requiredString("metric", 128);
        Optional<BigDecimal> quantity = quantity(d, "quantity");
        Optional<String> zone = zone(d);
        Tags tags = tags(d);
        if (id.isPresent() && account.isPresent() && metric.isPresent() && quantity.isPresent() && time.isPresent()) {
            events.add(new IncomingEvent(new UsageEvent(account.get(), id.get(), metric.get(), quantity.get(),
                    time.get(), zone, tags), pointer, true));
        }
    }

    private Optional<String> account(JsonFields fields, String name) {
        if (!fields.has(name) || fields.isNull(name)) {
            if (routeAccount.isEmpty()) {
                problems.add(fields.pointer(name), "is required: the id of the account that used it");
            }
            return routeAccount;
        }
        Optional<String> given = fields.string(name, 32, Ids.HEX32, "an account id (32 lowercase hex characters)");
        if (given.isPresent() && routeAccount.isPresent() && !given.equals(routeAccount)) {
            problems.add(fields.pointer(name), "must be the account of the URL, or left out");
            return Optional.empty();
        }
        return given;
    }

    private Optional<BigDecimal> quantity(JsonFields fields, String name) {
        JsonNode value = fields.raw(name);
        if (value == null || value.isNull()) {
            problems.add(fields.pointer(name), "is required");
            return Optional.empty();
        }
        BigDecimal quantity;
        if (value.isNumber()) {
            quantity = value.decimalValue();
        } else if (value.isTextual()) {
            // Bounded and ASCII before BigDecimal sees it: a 100,000-digit string costs seconds to parse, and
            // BigDecimal also reads other scripts' digits, signs and spaces.
            String text = value.textValue();
            if (text.length() > MAX_QUANTITY_TEXT || !QUANTITY_TEXT.matcher(text).matches()) {
                problems.add(fields.pointer(name), "must be a decimal number of ASCII digits with at most one point, "
                        + "such as \"1500\" or \"0.25\" (at most " + MAX_QUANTITY_TEXT + " characters)");
                return Optional.empty();
            }
            quantity = new BigDecimal(text);
        } else {
            problems.add(fields.pointer(name), "must be a decimal number");
            return Optional.empty();
        }
        Optional<String> problem = Quantity.problem(quantity);
        problem.ifPresent(p -> problems.add(fields.pointer(name), p));
        return problem.isPresent() ? Optional.empty() : Optional.of(quantity);
    }

    private Optional<Instant> required(JsonFields fields, String name) {
        if (!fields.has(name) || fields.isNull(name)) {
            problems.add(fields.pointer(name), "is required (RFC 3339, such as 2025-02-01T12:00:00Z)");
            return Optional.empty();
        }
        return fields.instant(name);
    }

    private static Optional<String> zone(JsonFields fields) {
        return fields.string("zone_id", 32, Ids.HEX32, "a zone id (32 lowercase hex characters) or null");
    }

    private Tags tags(JsonFields fields) {
        return fields.has("tags") ? Tags.read(fields.raw("tags"), fields.pointer("tags"), problems) : Tags.NONE;
    }

    private static PaygoException malformed(JsonProcessingException e) {
        return Problems.single("", JsonErrors.describe(e));
    }
}
