package io.commercesync.connector.dynamicssl.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A GL transaction line (SL table {@code GLTran}, reference §2.8). JSON keys are the SL column names, spelled as in the DDL.
 */
@SlTable("GLTran")
public record GlTran(
    @JsonProperty("LineNbr") Integer lineNbr,
    @JsonProperty("Acct") String acct,
    @JsonProperty("Sub") String sub,
    @JsonProperty("CuryDrAmt") BigDecimal curyDrAmt,
    @JsonProperty("CuryCrAmt") BigDecimal curyCrAmt,
    @JsonProperty("TranDate") LocalDate tranDate,
    @JsonProperty("TranDesc") String tranDesc,
    @JsonProperty("RefNbr") String refNbr,
    @JsonProperty("ExtRefNbr") String extRefNbr,
    @JsonProperty("ProjectID") String projectID,
    @JsonProperty("TaskID") String taskID) {}
