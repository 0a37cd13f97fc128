package io.commercesync.connector.dynamicssl.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * A shipper line (SL table {@code SOShipLine}; columns from the S1 DDL, [C]). JSON keys are the SL column names, spelled as in the DDL.
 */
@SlTable("SOShipLine")
public record SoShipLine(
    @JsonProperty("CpnyID") String cpnyId,
    @JsonProperty("ShipperID") String shipperID,
    @JsonProperty("LineRef") String lineRef,
    @JsonProperty("InvtID") String invtID,
    @JsonProperty("Descr") String descr,
    @JsonProperty("QtyShip") BigDecimal qtyShip,
    @JsonProperty("OrdNbr") String ordNbr,
    @JsonProperty("OrdLineRef") String ordLineRef,
    @JsonProperty("SiteID") String siteID,
    @JsonProperty("UnitDesc") String unitDesc) {}
