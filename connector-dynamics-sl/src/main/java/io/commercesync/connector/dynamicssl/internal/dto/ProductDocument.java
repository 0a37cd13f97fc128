package io.commercesync.connector.dynamicssl.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET/PUT /api/Product/{InvtID}} body: the Inventory (item master) row (proposed layer shape). */
public record ProductDocument(@JsonProperty("Inventory") InventoryDto inventory) {}
