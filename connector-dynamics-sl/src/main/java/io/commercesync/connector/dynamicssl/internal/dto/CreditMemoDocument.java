package io.commercesync.connector.dynamicssl.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code POST/GET /api/AccountsReceivable/CreditMemo} body: an ARDoc of type {@code CM} (an AR credit memo,
 * money only) and its ARTran lines, one per refunded component. The endpoint is our proposal (AR invoice and
 * memo entry, screen 08.010 [I]), like {@code /api/AccountsReceivable/Payment}; the tables and columns are
 * SL's.
 */
public record CreditMemoDocument(
    @JsonProperty("ARDoc") ArDoc arDoc, @JsonProperty("ARTran") List<ArTran> arTran) {}
