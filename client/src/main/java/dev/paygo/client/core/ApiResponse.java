package dev.paygo.client.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;

/** A successful answer: the envelope's {@code result}, its {@code result_info} (or a missing node), headers. */
public record ApiResponse(JsonNode result, JsonNode resultInfo, HttpHeaders headers) {
}
