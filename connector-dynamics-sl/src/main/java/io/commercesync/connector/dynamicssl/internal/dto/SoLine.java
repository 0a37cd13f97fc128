package io.commercesync.connector.dynamicssl.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * A sales order line (SL table {@code SOLine}, reference §2.4). SL has no per-line tax or discount amount column. JSON keys are the SL column names, spelled as in the DDL.
 */
@SlTable("SOLine")
public record SoLine(
    @JsonProperty("CpnyID") String cpnyId,
    @JsonProperty("OrdNbr") String ordNbr,
    @JsonProperty("LineRef") String lineRef,
    @JsonProperty("InvtID") String invtID,
    @JsonProperty("Descr") String descr,
    @JsonProperty("SiteID") String siteID,
    @JsonProperty("Status") String status,
    @JsonProperty("QtyOrd") BigDecimal qtyOrd,
    @JsonProperty("QtyShip") BigDecimal qtyShip,
    @JsonProperty("QtyBO") BigDecimal qtyBO,
    @JsonProperty("UnitDesc") String unitDesc,
    @JsonProperty("SlsPrice") BigDecimal slsPrice,
    @JsonProperty("CurySlsPrice") BigDecimal curySlsPrice,
    @JsonProperty("DiscPct") BigDecimal discPct,
    @JsonProperty("TotOrd") BigDecimal totOrd,
    @JsonProperty("CuryTotOrd") BigDecimal curyTotOrd,
    @JsonProperty("SlsAcct") String slsAcct,
    @JsonProperty("SlsSub") String slsSub,
    @JsonProperty("TaxCat") String taxCat) {}
