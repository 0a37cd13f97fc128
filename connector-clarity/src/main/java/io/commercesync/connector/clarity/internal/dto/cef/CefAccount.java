package io.commercesync.connector.clarity.internal.dto.cef;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code AccountModel}, the B2B company (reference §2.5 [C]). {@code CustomKey} (≤ 128) holds the ERP
 * customer key and is what de-duplication and cross-reference use.
 */
public record CefAccount(
    @JsonProperty("ID") Integer id,
    String customKey,
    Boolean active,
    String name,
    String createdDate,
    String updatedDate,
    String typeKey,
    Boolean isOnHold,
    Boolean isTaxable,
    String taxExemptionNo,
    BigDecimal credit,
    String creditCurrencyKey,
    List<CefAccountContact> accountContacts) {}
