package io.commercesync.connector.dynamicssl.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code GET/PUT /api/Inventory} body: the Inventory row and its ItemSite rows (proposed layer shape). */
public record InventoryDocument(
    @JsonProperty("Inventory") InventoryDto inventory, @JsonProperty("ItemSite") List<ItemSite> itemSite) {}
