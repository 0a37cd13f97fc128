package io.commercesync.connector.dynamicssl.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code GET /api/Shipper} body (our proposal, like ctAPI's {@code getShipperByID}/{@code getShipPack}):
 * the SOShipHeader, its SOShipLine rows and its SOShipPack cartons.
 */
public record ShipperDocument(
    @JsonProperty("SOShipHeader") SoShipHeader soShipHeader,
    @JsonProperty("SOShipLine") List<SoShipLine> soShipLine,
    @JsonProperty("SOShipPack") List<SoShipPack> soShipPack) {}
