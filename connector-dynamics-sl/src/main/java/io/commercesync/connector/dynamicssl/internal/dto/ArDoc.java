package io.commercesync.connector.dynamicssl.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * An AR document (SL table {@code ARDoc}, reference §2.9); a payment has {@code DocType} {@code PA}, an AR
 * credit memo {@code CM}. JSON keys are the SL column names, spelled as in the DDL.
 */
@SlTable("ARDoc")
public record ArDoc(
    @JsonProperty("CpnyID") String cpnyId,
    @JsonProperty("CustId") String custId,
    @JsonProperty("DocType") String docType,
    @JsonProperty("RefNbr") String refNbr,
    @JsonProperty("BatNbr") String batNbr,
    @JsonProperty("DocDate") LocalDate docDate,
    @JsonProperty("CuryOrigDocAmt") BigDecimal curyOrigDocAmt,
    @JsonProperty("OrigDocAmt") BigDecimal origDocAmt,
    @JsonProperty("DocBal") BigDecimal docBal,
    @JsonProperty("CuryDocBal") BigDecimal curyDocBal,
    @JsonProperty("CuryId") String curyId,
    @JsonProperty("PerPost") String perPost,
    @JsonProperty("BankAcct") String bankAcct,
    @JsonProperty("BankSub") String bankSub,
    @JsonProperty("PmtMethod") String pmtMethod,
    @JsonProperty("OrdNbr") String ordNbr,
    @JsonProperty("CustOrdNbr") String custOrdNbr,
    @JsonProperty("DocDesc") String docDesc,
    @JsonProperty("Status") String status,
    @JsonProperty("Rlsed") Integer rlsed,
    @JsonProperty("OpenDoc") Integer openDoc,
    @JsonProperty("LUpd_DateTime") LocalDateTime lUpdDateTime) {}
