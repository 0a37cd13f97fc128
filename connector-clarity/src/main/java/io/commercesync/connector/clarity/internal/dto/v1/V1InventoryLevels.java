package io.commercesync.connector.clarity.internal.dto.v1;

import java.time.Instant;
import java.util.List;

/** {@code POST /api/v1/inventory/levels} body: {@code mode "absolute"}, {@code source}, {@code sourceTimestamp}, {@code items[]}. */
public record V1InventoryLevels(String mode, String source, Instant sourceTimestamp, List<V1InventoryItem> items) {}
