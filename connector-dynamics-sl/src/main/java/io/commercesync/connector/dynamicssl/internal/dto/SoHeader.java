package io.commercesync.connector.dynamicssl.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A sales order header (SL table {@code SOHeader}, reference §2.3). JSON keys are the SL column names, spelled as in the DDL.
 */
@SlTable("SOHeader")
public record SoHeader(
    @JsonProperty("CpnyID") String cpnyId,
    @JsonProperty("OrdNbr") String ordNbr,
    @JsonProperty("SOTypeID") String sOTypeID,
    @JsonProperty("Status") String status,
    @JsonProperty("CustID") String custID,
    @JsonProperty("CustOrdNbr") String custOrdNbr,
    @JsonProperty("OrdDate") LocalDate ordDate,
    @JsonProperty("ShipViaID") String shipViaID,
    @JsonProperty("ShiptoID") String shiptoID,
    @JsonProperty("ShipAddrID") String shipAddrID,
    @JsonProperty("ShipName") String shipName,
    @JsonProperty("ShipAttn") String shipAttn,
    @JsonProperty("ShipAddr1") String shipAddr1,
    @JsonProperty("ShipAddr2") String shipAddr2,
    @JsonProperty("ShipCity") String shipCity,
    @JsonProperty("ShipState") String shipState,
    @JsonProperty("ShipZip") String shipZip,
    @JsonProperty("ShipCountry") String shipCountry,
    @JsonProperty("ShipPhone") String shipPhone,
    @JsonProperty("BillName") String billName,
    @JsonProperty("BillAttn") String billAttn,
    @JsonProperty("BillAddr1") String billAddr1,
    @JsonProperty("BillAddr2") String billAddr2,
    @JsonProperty("BillCity") String billCity,
    @JsonProperty("BillState") String billState,
    @JsonProperty("BillZip") String billZip,
    @JsonProperty("BillCountry") String billCountry,
    @JsonProperty("BillPhone") String billPhone,
    @JsonProperty("TermsID") String termsID,
    @JsonProperty("SlsperID") String slsperID,
    @JsonProperty("ProjectID") String projectID,
    @JsonProperty("CuryID") String curyID,
    @JsonProperty("CuryRate") BigDecimal curyRate,
    @JsonProperty("CuryTotMerch") BigDecimal curyTotMerch,
    @JsonProperty("TotMerch") BigDecimal totMerch,
    @JsonProperty("CuryTotLineDisc") BigDecimal curyTotLineDisc,
    @JsonProperty("TotLineDisc") BigDecimal totLineDisc,
    @JsonProperty("CuryWholeOrdDisc") BigDecimal curyWholeOrdDisc,
    @JsonProperty("WholeOrdDisc") BigDecimal wholeOrdDisc,
    @JsonProperty("CuryTotFrt") BigDecimal curyTotFrt,
    @JsonProperty("TotFrt") BigDecimal totFrt,
    @JsonProperty("CuryTotMisc") BigDecimal curyTotMisc,
    @JsonProperty("TotMisc") BigDecimal totMisc,
    @JsonProperty("CuryTotTax") BigDecimal curyTotTax,
    @JsonProperty("TotTax") BigDecimal totTax,
    @JsonProperty("CuryTotOrd") BigDecimal curyTotOrd,
    @JsonProperty("TotOrd") BigDecimal totOrd,
    @JsonProperty("LineCntr") Integer lineCntr,
    @JsonProperty("PerPost") String perPost,
    @JsonProperty("AdminHold") Integer adminHold,
    @JsonProperty("CreditHold") Integer creditHold,
    @JsonProperty("Cancelled") Integer cancelled,
    @JsonProperty("TaxID00") String taxID00,
    @JsonProperty("User1") String user1,
    @JsonProperty("User2") String user2,
    @JsonProperty("User3") String user3,
    @JsonProperty("User4") String user4,
    @JsonProperty("Crtd_DateTime") LocalDateTime crtdDateTime,
    @JsonProperty("Crtd_Prog") String crtdProg,
    @JsonProperty("Crtd_User") String crtdUser,
    @JsonProperty("LUpd_DateTime") LocalDateTime lUpdDateTime,
    // the original order of a credit memo (SL-assigned OrdNbr, char(15)): S1 dbo.SOHeader.sql and S2
    // SLHistSOHeader.Table.al agree [C2]; S1 views alias it "Original Order Number"
    @JsonProperty("OrigOrdNbr") String origOrdNbr) {}
