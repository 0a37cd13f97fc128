package io.commercesync.connector.dynamicssl.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A customer ship-to (SL table {@code SOAddress}, reference §2.2); note {@code TaxId00} spelling. JSON keys are the SL column names, spelled as in the DDL.
 */
@SlTable("SOAddress")
public record SoAddress(
    @JsonProperty("CustId") String custId,
    @JsonProperty("ShipToId") String shipToId,
    @JsonProperty("Descr") String descr,
    @JsonProperty("Name") String name,
    @JsonProperty("Attn") String attn,
    @JsonProperty("Addr1") String addr1,
    @JsonProperty("Addr2") String addr2,
    @JsonProperty("City") String city,
    @JsonProperty("State") String state,
    @JsonProperty("Zip") String zip,
    @JsonProperty("Country") String country,
    @JsonProperty("Phone") String phone,
    @JsonProperty("EMailAddr") String eMailAddr,
    @JsonProperty("ShipViaID") String shipViaID,
    @JsonProperty("SiteID") String siteID,
    @JsonProperty("TaxId00") String taxId00,
    @JsonProperty("Status") String status) {}
