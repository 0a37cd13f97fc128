package io.commercesync.connector.clarity.internal.dto.cef;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code SalesItemBaseModel}: one line of a sales order or invoice (reference §2.5 [C]): {@code Sku}
 * varchar(1000), {@code UnitOfMeasure} varchar(100), {@code Name} varchar(256).
 */
public record CefSalesItem(
    @JsonProperty("ID") Integer id,
    String customKey,
    @JsonProperty("MasterID") Integer masterID,
    String name,
    String description,
    String sku,
    BigDecimal quantity,
    BigDecimal quantityBackOrdered,
    BigDecimal unitCorePrice,
    BigDecimal unitSoldPrice,
    String unitOfMeasure,
    BigDecimal extendedPrice,
    BigDecimal extendedTaxAmount,
    BigDecimal extendedShippingAmount,
    String originalCurrencyKey,
    String sellingCurrencyKey,
    String productTaxCode,
    List<CefAppliedDiscount> discounts) {}
