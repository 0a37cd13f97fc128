package io.commercesync.connector.clarity.internal.mapping;

import io.commercesync.connector.clarity.ClarityStatusMapping;
import io.commercesync.connector.clarity.UnmappedStatusListener;
import io.commercesync.core.model.SystemId;
import java.util.Currency;
import java.util.Objects;

/**
 * What the mappers need beyond the payload.
 *
 * @param defaultCurrency the store currency, for native records that carry none (CEF has no order-level
 *     currency field, reference §3.1 [I])
 * @param statuses the status table
 * @param unmapped told about statuses the table does not know
 * @param erpSystem the ERP whose keys live in {@code CustomKey}/{@code externalId}, or null: then those
 *     keys are not turned into refs (and on writes the first non-Clarity ref is used)
 */
public record MappingSettings(
    Currency defaultCurrency, ClarityStatusMapping statuses, UnmappedStatusListener unmapped, SystemId erpSystem) {

  public MappingSettings {
    Objects.requireNonNull(defaultCurrency, "defaultCurrency");
    Objects.requireNonNull(statuses, "statuses");
    unmapped = unmapped == null ? (entity, key, status) -> { } : unmapped;
  }
}
