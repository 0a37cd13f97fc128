package io.commercesync.connector.clarity.internal.dto.v1;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;

/** One line of an invoice ({@code PUT /api/v1/invoices/{invoiceNumber}}, a CommerceSync addition [P]). */
public record V1InvoiceLine(
    String lineId,
    String sku,
    String description,
    @JsonDeserialize(using = StrictAmount.class) BigDecimal quantity,
    @JsonDeserialize(using = StrictAmount.class) BigDecimal unitPrice,
    @JsonDeserialize(using = StrictAmount.class) BigDecimal totalAmount) {}
