package io.commercesync.connector.magento.internal.dto;

/** A document comment: {@code {"comment":"...","is_visible_on_front":0}} (0/1 integer). */
public record CommentDto(String comment, Integer isVisibleOnFront) {}
