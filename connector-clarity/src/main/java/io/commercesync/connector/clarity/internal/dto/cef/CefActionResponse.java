package io.commercesync.connector.clarity.internal.dto.cef;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * {@code CEFActionResponse { ActionSucceeded, Messages[], Result }} (reference §2.4 [C]): what workflow
 * routes, {@code Create}, {@code Upsert} ({@code Result} = the new ID) and the bulk inventory routes
 * answer. {@code ActionSucceeded=false} with HTTP 200 is a failure.
 */
public record CefActionResponse(Boolean actionSucceeded, List<String> messages, JsonNode result) {}
