package io.commercesync.connector.clarity.internal.dto.cef;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * One {@code SalesItems[]} row of a sales return: the {@code SalesItemBaseModel} fields
 * [C, S1 {@code 02.Interfaces/02.Clarity.Ecommerce.Interfaces.Models/_Shared/RootInterfaces/ISalesItemBaseModel.cs}],
 * among them {@code RestockingFeeAmount}, which CEF sets on return items
 * ({@code 01.DataAccessLayer/01.Clarity.Ecommerce.DataModel.Shared/Models/Returning/SalesReturnItem.cs}).
 * A return item carries no id of the order line it returns [C, absence].
 */
public record CefSalesReturnItem(
    @JsonProperty("ID") Integer id,
    String customKey,
    @JsonProperty("MasterID") Integer masterID,
    String name,
    String sku,
    BigDecimal quantity,
    BigDecimal unitCorePrice,
    BigDecimal unitSoldPrice,
    String unitOfMeasure,
    BigDecimal extendedPrice,
    BigDecimal extendedTaxAmount,
    BigDecimal restockingFeeAmount,
    String originalCurrencyKey,
    String sellingCurrencyKey) {}
