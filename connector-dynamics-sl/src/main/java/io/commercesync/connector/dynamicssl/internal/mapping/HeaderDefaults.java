package io.commercesync.connector.dynamicssl.internal.mapping;

/**
 * The SOHeader values that come from the resolved request and the configuration rather than from the
 * canonical order; component names match {@code SoHeader}'s so MapStruct maps them by name.
 */
public record HeaderDefaults(
    String cpnyId,
    String custID,
    String sOTypeID,
    String shipViaID,
    String shiptoID,
    String termsID,
    String slsperID,
    String curyID,
    String taxID00,
    String user1,
    String user2,
    String user3,
    String user4) {}
