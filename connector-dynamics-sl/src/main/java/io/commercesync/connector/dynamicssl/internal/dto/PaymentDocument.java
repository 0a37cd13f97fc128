package io.commercesync.connector.dynamicssl.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code POST/GET /api/AccountsReceivable/Payment} body: an ARDoc of type {@code PA} and the ARAdjust rows
 * applying it to invoices. The endpoint is our proposal (AR payment entry, screen 08.030); the tables
 * and columns are SL's.
 */
public record PaymentDocument(
    @JsonProperty("ARDoc") ArDoc arDoc, @JsonProperty("ARAdjust") List<ArAdjust> arAdjust) {}
