package io.commercesync.connector.clarity.internal.dto.v1;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A webhook delivery body (reference §4.5 [P], sample {@code webhook-order-created.json}):
 * {@code { id, type, createdAt, apiVersion, data { <resource> } }}. Only references are taken from
 * {@code data}; the resource itself is read again through the API.
 */
public record V1WebhookEnvelope(String id, String type, String createdAt, String apiVersion, JsonNode data) {}
