package io.commercesync.connector.magento.internal.dto;

import java.util.List;

/** One of {@code media_gallery_entries[]}. */
public record MediaGalleryEntryDto(
    Long id,
    String mediaType,
    String label,
    Integer position,
    Boolean disabled,
    List<String> types,
    String file) {}
