/**
 * Wire DTOs of Clarity's native API (the Clarity eCommerce Framework on ServiceStack): PascalCase JSON,
 * read and written through a {@link io.commercesync.core.codec.JsonCodec} with
 * {@link io.commercesync.core.codec.JsonNaming#PASCAL_CASE}. Field names are CEF's own (reference
 * clarity.md §2.5 [C], S1 {@code 02.Interfaces/.../Models}); the few marked [I] are inferred.
 *
 * <p>Dates stay strings here: ServiceStack writes ISO-8601 with seven fraction digits and, depending on
 * {@code APIUseUTC}, with or without an offset, so {@code CefDates} parses them with a field path.
 */
package io.commercesync.connector.clarity.internal.dto.cef;
