/**
 * Wire DTOs of the {@code /api/v1} contract (reference clarity.md §4, a proposal [P] that follows the
 * product brief [B]; samples in {@code samples/clarity/}): camelCase JSON, RFC 3339 timestamps, money
 * as JSON numbers read strictly by {@link io.commercesync.connector.clarity.internal.dto.v1.StrictAmount}.
 */
package io.commercesync.connector.clarity.internal.dto.v1;
