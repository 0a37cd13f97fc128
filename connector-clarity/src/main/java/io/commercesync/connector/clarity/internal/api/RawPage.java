package io.commercesync.connector.clarity.internal.api;

import java.util.List;

/**
 * One page of a search, in the server's order.
 *
 * @param entries the records of the page
 * @param totalPages how many pages the search has (1-based pages)
 */
public record RawPage(List<RawEntry> entries, int totalPages) {}
