package io.commercesync.connector.dynamicssl.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code POST /api/GeneralLedger/Transactions} body: one GL Batch and its GLTran lines (proposed layer shape). */
public record GlTransactionDocument(
    @JsonProperty("Batch") Batch batch, @JsonProperty("GLTran") List<GlTran> glTran) {}
