package io.commercesync.connector.clarity.internal.dto.v1;

import java.time.Instant;
import java.util.List;

/**
 * A customer: {@code GET|PUT /api/v1/customers/{customerId}} (sample {@code customer.json}).
 * {@code externalId} holds the ERP key (SL {@code CustId}) and drives de-duplication.
 */
public record V1Customer(
    String customerId,
    String externalId,
    String email,
    String firstName,
    String lastName,
    String company,
    String phone,
    String status,
    String customerGroup,
    Boolean taxExempt,
    Boolean acceptsMarketing,
    Instant createdAt,
    Instant updatedAt,
    List<V1CustomerAddress> addresses) {}
