package io.commercesync.connector.clarity.internal.dto.cef;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * {@code ProductInventoryLocationSectionModel}: stock of one product (master) in one inventory-location
 * section (slave) (reference §2.5 [C]; {@code MasterID}/{@code SlaveID}/{@code MasterKey}/{@code SlaveKey}
 * from the relationship base [C]). Written in bulk through
 * {@code POST /Inventory/ProductInventoryLocationSections/CreateMany|UpdateMany} with a JSON array body.
 */
public record CefInventoryRow(
    @JsonProperty("ID") Integer id,
    String customKey,
    Boolean active,
    @JsonProperty("MasterID") Integer masterID,
    String masterKey,
    @JsonProperty("SlaveID") Integer slaveID,
    String slaveKey,
    BigDecimal quantity,
    BigDecimal quantityAllocated,
    BigDecimal quantityPreSold,
    String updatedDate) {}
