package io.commercesync.connector.magento.internal.dto;

/** {@code {"customer":{...},"password":"..."}} for {@code POST /V1/customers}; the password is optional. */
public record CustomerWriteDto(com.fasterxml.jackson.databind.JsonNode customer, String password) {}
