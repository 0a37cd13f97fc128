package io.commercesync.connector.dynamicssl.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * The item master (SL table {@code Inventory}, reference §2.5). JSON keys are the SL column names, spelled as in the DDL.
 */
@SlTable("Inventory")
public record InventoryDto(
    @JsonProperty("InvtID") String invtID,
    @JsonProperty("Descr") String descr,
    @JsonProperty("ClassID") String classID,
    @JsonProperty("PriceClassID") String priceClassID,
    @JsonProperty("StkUnit") String stkUnit,
    @JsonProperty("DfltSOUnit") String dfltSOUnit,
    @JsonProperty("StkBasePrc") BigDecimal stkBasePrc,
    @JsonProperty("StkWt") BigDecimal stkWt,
    @JsonProperty("StkWtUnit") String stkWtUnit,
    @JsonProperty("UPCCode") String uPCCode,
    @JsonProperty("TaxCat") String taxCat,
    @JsonProperty("TranStatusCode") String tranStatusCode,
    @JsonProperty("StkItem") Integer stkItem,
    @JsonProperty("DfltSite") String dfltSite,
    @JsonProperty("Color") String color,
    @JsonProperty("Size") String size,
    @JsonProperty("LUpd_DateTime") LocalDateTime lUpdDateTime) {}
