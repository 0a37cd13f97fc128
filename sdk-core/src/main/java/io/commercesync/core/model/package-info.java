/**
 * The canonical model: immutable records every connector maps to and from, so that flows are written
 * once for every storefront/ERP pair.
 *
 * <p>Each record checks on construction the invariants without which it means nothing (a
 * {@link io.commercesync.core.model.Money} has a currency, a
 * {@link io.commercesync.core.model.JournalEntry} balances, an order line's quantity is positive) and
 * reports every broken one at once as an {@link io.commercesync.core.error.InvalidRecordException} of
 * system {@code canonical}. Rules that depend on a target system (GP's 15-character
 * {@code CUSTNMBR}, SL's {@code CHAR} widths) live in that system's connector.
 *
 * <pre>{@code
 * Order order = Order.builder()
 *     .number("000001043").placedAt(Instant.parse("2025-03-15T09:41:37Z"))
 *     .status(OrderStatus.PROCESSING).currency("USD")
 *     .customer(Customer.builder().email("devin@example.net").build())
 *     .addLine(OrderLine.builder().lineNumber(1).sku("CS-TEE-HBR-M-BLU")
 *         .quantity("1").unitPrice(Money.of("28.00", "USD")).build())
 *     .subtotal(Money.of("28.00", "USD")).grandTotal(Money.of("28.00", "USD"))
 *     .build();
 * }</pre>
 */
package io.commercesync.core.model;
