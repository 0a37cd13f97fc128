package io.commercesync.connector.dynamicssl.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An AR document line (SL table {@code ARTran}, reference §2.9; columns and widths from the S1 DDL
 * {@code dbo.ARTran.sql} and S2 {@code SLARTran.Table.al} [C2]): here a line of an AR credit memo, the
 * account and subaccount its amount is booked to and on which side ({@code DrCr}). JSON keys are the SL
 * column names, spelled as in the DDL. Only the columns the connector writes or reads are kept; the real
 * table has about 110.
 */
@SlTable("ARTran")
public record ArTran(
    @JsonProperty("CpnyID") String cpnyId,
    @JsonProperty("CustId") String custId,
    @JsonProperty("TranType") String tranType,
    @JsonProperty("RefNbr") String refNbr,
    @JsonProperty("LineNbr") Integer lineNbr,
    @JsonProperty("BatNbr") String batNbr,
    @JsonProperty("Acct") String acct,
    @JsonProperty("Sub") String sub,
    @JsonProperty("CuryTranAmt") BigDecimal curyTranAmt,
    @JsonProperty("DrCr") String drCr,
    @JsonProperty("TranDesc") String tranDesc,
    @JsonProperty("ExtRefNbr") String extRefNbr,
    @JsonProperty("TranDate") LocalDate tranDate,
    @JsonProperty("PerPost") String perPost,
    @JsonProperty("CuryId") String curyId) {}
