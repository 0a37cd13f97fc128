package io.commercesync.connector.dynamicssl.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * Stock of one item at one site (SL table {@code ItemSite}, reference §2.6). {@code QtyAvail} may be negative. JSON keys are the SL column names, spelled as in the DDL.
 */
@SlTable("ItemSite")
public record ItemSite(
    @JsonProperty("InvtID") String invtID,
    @JsonProperty("SiteID") String siteID,
    @JsonProperty("CpnyID") String cpnyId,
    @JsonProperty("QtyOnHand") BigDecimal qtyOnHand,
    @JsonProperty("QtyAlloc") BigDecimal qtyAlloc,
    @JsonProperty("QtyAllocSO") BigDecimal qtyAllocSO,
    @JsonProperty("QtyCustOrd") BigDecimal qtyCustOrd,
    @JsonProperty("QtyOnBO") BigDecimal qtyOnBO,
    @JsonProperty("QtyShipNotInv") BigDecimal qtyShipNotInv,
    @JsonProperty("QtyOnPO") BigDecimal qtyOnPO,
    @JsonProperty("QtyInTransit") BigDecimal qtyInTransit,
    @JsonProperty("QtyNotAvail") BigDecimal qtyNotAvail,
    @JsonProperty("QtyAvail") BigDecimal qtyAvail,
    @JsonProperty("AvgCost") BigDecimal avgCost,
    @JsonProperty("LUpd_DateTime") LocalDateTime lUpdDateTime) {}
