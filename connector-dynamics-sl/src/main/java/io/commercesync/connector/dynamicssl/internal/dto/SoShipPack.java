package io.commercesync.connector.dynamicssl.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * A carton of a shipper (SL table {@code SOShipPack}, reference §2.7); {@code TrackingNbr} is char(20). JSON keys are the SL column names, spelled as in the DDL.
 */
@SlTable("SOShipPack")
public record SoShipPack(
    @JsonProperty("CpnyID") String cpnyId,
    @JsonProperty("ShipperID") String shipperID,
    @JsonProperty("BoxRef") String boxRef,
    @JsonProperty("TrackingNbr") String trackingNbr,
    @JsonProperty("CartonID") String cartonID,
    @JsonProperty("PackageID") String packageID,
    @JsonProperty("Wght") BigDecimal wght) {}
