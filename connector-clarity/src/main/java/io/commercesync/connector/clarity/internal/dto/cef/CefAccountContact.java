package io.commercesync.connector.clarity.internal.dto.cef;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code AccountContactModel}: the relationship row between an account (master) and a contact (slave)
 * (relationship base: {@code MasterID}, {@code MasterKey}, {@code SlaveID}, {@code SlaveKey} [C,
 * {@code IAmARelationshipTableBaseModel}]). {@code IsPrimary}/{@code IsBilling} are inferred [I].
 */
public record CefAccountContact(
    @JsonProperty("ID") Integer id,
    String customKey,
    @JsonProperty("MasterID") Integer masterID,
    String masterKey,
    @JsonProperty("SlaveID") Integer slaveID,
    String slaveKey,
    Boolean isPrimary,
    Boolean isBilling,
    CefContact slave) {}
