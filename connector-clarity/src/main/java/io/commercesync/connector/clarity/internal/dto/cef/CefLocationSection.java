package io.commercesync.connector.clarity.internal.dto.cef;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code InventoryLocationSectionModel}: a warehouse section, found by {@code CustomKey} (the location code). */
public record CefLocationSection(@JsonProperty("ID") Integer id, String customKey, String name) {}
