package io.commercesync.connector.dynamicssl.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code POST/GET/PUT /api/Customer} body: the Customer row and its SOAddress ship-tos (proposed layer shape). */
public record CustomerDocument(
    @JsonProperty("Customer") CustomerDto customer, @JsonProperty("SOAddress") List<SoAddress> soAddress) {}
