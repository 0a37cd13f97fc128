package io.commercesync.connector.magento.internal.dto;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Magento's error body: {@code message} with {@code %1} or {@code %name} placeholders, {@code parameters}
 * (an array for positional, an object for named placeholders), {@code errors[]} for aggregated input
 * errors, {@code code} when the exception code is non-zero, {@code trace} in developer mode. Fatal errors
 * come as {@code {"messages":{"error":[{"code":500,"message":"..."}]}}} instead.
 */
public record ErrorBodyDto(
    String message, JsonNode parameters, List<ErrorBodyDto> errors, Integer code, JsonNode messages) {}
