package io.commercesync.connector.clarity.internal.dto.cef;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * One discount applied to a sales item ({@code AppliedSalesOrderItemDiscountModel}); only its amount
 * is used. The property names {@code DiscountTotal} are inferred [I] from the applied-discount models.
 */
public record CefAppliedDiscount(@JsonProperty("ID") Integer id, String discountKey, BigDecimal discountTotal) {}
