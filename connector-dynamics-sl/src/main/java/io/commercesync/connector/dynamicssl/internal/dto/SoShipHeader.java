package io.commercesync.connector.dynamicssl.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A shipper header (SL table {@code SOShipHeader}, reference §2.7); {@code TrackingNbr} is char(25). JSON keys are the SL column names, spelled as in the DDL.
 */
@SlTable("SOShipHeader")
public record SoShipHeader(
    @JsonProperty("CpnyID") String cpnyId,
    @JsonProperty("ShipperID") String shipperID,
    @JsonProperty("OrdNbr") String ordNbr,
    @JsonProperty("CustID") String custID,
    @JsonProperty("CustOrdNbr") String custOrdNbr,
    @JsonProperty("SOTypeID") String sOTypeID,
    @JsonProperty("Status") String status,
    @JsonProperty("ShipDateAct") LocalDate shipDateAct,
    @JsonProperty("ShipDatePlan") LocalDate shipDatePlan,
    @JsonProperty("ShipViaID") String shipViaID,
    @JsonProperty("SiteID") String siteID,
    @JsonProperty("ShiptoID") String shiptoID,
    @JsonProperty("InvcNbr") String invcNbr,
    @JsonProperty("CuryTotInvc") BigDecimal curyTotInvc,
    @JsonProperty("PerPost") String perPost,
    @JsonProperty("Cancelled") Integer cancelled,
    @JsonProperty("ShippingConfirmed") Integer shippingConfirmed,
    @JsonProperty("TrackingNbr") String trackingNbr,
    @JsonProperty("LUpd_DateTime") LocalDateTime lUpdDateTime) {}
