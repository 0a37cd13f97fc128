package io.commercesync.connector.clarity.internal.dto.v1;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An invoice with its balance due: {@code PUT|GET /api/v1/invoices/{invoiceNumber}}. The reference's
 * proposal has no invoice endpoint; this one is CommerceSync's addition [P], keyed by the ERP invoice
 * number so a repeat is an idempotent replace.
 */
public record V1Invoice(
    String invoiceNumber,
    String orderNumber,
    String customerId,
    LocalDate invoiceDate,
    LocalDate dueDate,
    String currency,
    @JsonDeserialize(using = StrictAmount.class) BigDecimal subtotalAmount,
    @JsonDeserialize(using = StrictAmount.class) BigDecimal discountAmount,
    @JsonDeserialize(using = StrictAmount.class) BigDecimal shippingAmount,
    @JsonDeserialize(using = StrictAmount.class) BigDecimal taxAmount,
    @JsonDeserialize(using = StrictAmount.class) BigDecimal totalAmount,
    @JsonDeserialize(using = StrictAmount.class) BigDecimal balanceDue,
    List<V1InvoiceLine> lines) {}
