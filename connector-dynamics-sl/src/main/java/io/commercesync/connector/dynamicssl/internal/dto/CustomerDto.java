package io.commercesync.connector.dynamicssl.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * The customer master (SL table {@code Customer}, reference §2.1); note {@code CustId}, {@code Terms}, {@code CuryId} spellings. JSON keys are the SL column names, spelled as in the DDL.
 */
@SlTable("Customer")
public record CustomerDto(
    @JsonProperty("CustId") String custId,
    @JsonProperty("Name") String name,
    @JsonProperty("Attn") String attn,
    @JsonProperty("Salut") String salut,
    @JsonProperty("Addr1") String addr1,
    @JsonProperty("Addr2") String addr2,
    @JsonProperty("City") String city,
    @JsonProperty("State") String state,
    @JsonProperty("Zip") String zip,
    @JsonProperty("Country") String country,
    @JsonProperty("Phone") String phone,
    @JsonProperty("Fax") String fax,
    @JsonProperty("EMailAddr") String eMailAddr,
    @JsonProperty("BillName") String billName,
    @JsonProperty("BillAttn") String billAttn,
    @JsonProperty("BillAddr1") String billAddr1,
    @JsonProperty("BillAddr2") String billAddr2,
    @JsonProperty("BillCity") String billCity,
    @JsonProperty("BillState") String billState,
    @JsonProperty("BillZip") String billZip,
    @JsonProperty("BillCountry") String billCountry,
    @JsonProperty("BillPhone") String billPhone,
    @JsonProperty("ClassId") String classId,
    @JsonProperty("PriceClassID") String priceClassID,
    @JsonProperty("Terms") String terms,
    @JsonProperty("Status") String status,
    @JsonProperty("CrLmt") BigDecimal crLmt,
    @JsonProperty("CuryId") String curyId,
    @JsonProperty("SlsperId") String slsperId,
    @JsonProperty("TaxID00") String taxID00,
    @JsonProperty("TaxExemptNbr") String taxExemptNbr,
    @JsonProperty("DfltShipToId") String dfltShipToId,
    @JsonProperty("User1") String user1,
    @JsonProperty("User2") String user2,
    @JsonProperty("Crtd_DateTime") LocalDateTime crtdDateTime,
    @JsonProperty("LUpd_DateTime") LocalDateTime lUpdDateTime) {}
