package io.commercesync.connector.dynamicssl.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * An application of a payment to a document (SL table {@code ARAdjust}, columns from the S1 DDL). JSON keys are the SL column names, spelled as in the DDL.
 */
@SlTable("ARAdjust")
public record ArAdjust(
    @JsonProperty("AdjdDocType") String adjdDocType,
    @JsonProperty("AdjdRefNbr") String adjdRefNbr,
    @JsonProperty("CuryAdjgAmt") BigDecimal curyAdjgAmt) {}
