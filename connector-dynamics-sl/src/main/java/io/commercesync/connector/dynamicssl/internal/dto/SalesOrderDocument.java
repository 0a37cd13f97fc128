package io.commercesync.connector.dynamicssl.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code POST/GET/PUT /api/SalesOrder} body: one SOHeader and its SOLine rows (proposed layer shape). */
public record SalesOrderDocument(
    @JsonProperty("SOHeader") SoHeader soHeader, @JsonProperty("SOLine") List<SoLine> soLine) {}
