/**
 * Magento 2.4 REST wire DTOs, read and written through the SDK's snake_case {@code JsonCodec}. Field names
 * and types follow what Magento emits (reference: {@code shared/reference/magento.md} §6–§8): {@code
 * increment_id} is a string, sales flags are 0/1 integers while stock and address flags are booleans,
 * money is {@link java.math.BigDecimal}, a missing field and a {@code null} one both read as {@code null}.
 * Internal: never part of the public API.
 */
package io.commercesync.connector.magento.internal.dto;
