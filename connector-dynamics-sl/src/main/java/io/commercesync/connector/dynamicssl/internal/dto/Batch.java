package io.commercesync.connector.dynamicssl.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A batch header (SL table {@code Batch}, reference §2.8). {@code BatNbr} is assigned by SL. JSON keys are the SL column names, spelled as in the DDL.
 */
@SlTable("Batch")
public record Batch(
    @JsonProperty("CpnyID") String cpnyId,
    @JsonProperty("Module") String module,
    @JsonProperty("BatNbr") String batNbr,
    @JsonProperty("JrnlType") String jrnlType,
    @JsonProperty("LedgerID") String ledgerID,
    @JsonProperty("BalanceType") String balanceType,
    @JsonProperty("PerPost") String perPost,
    @JsonProperty("Descr") String descr,
    @JsonProperty("CuryId") String curyId,
    @JsonProperty("CuryCtrlTot") BigDecimal curyCtrlTot,
    @JsonProperty("CuryDrTot") BigDecimal curyDrTot,
    @JsonProperty("CuryCrTot") BigDecimal curyCrTot,
    @JsonProperty("Status") String status,
    @JsonProperty("EditScrnNbr") String editScrnNbr,
    @JsonProperty("LUpd_DateTime") LocalDateTime lUpdDateTime) {}
