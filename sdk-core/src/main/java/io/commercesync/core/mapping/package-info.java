/**
 * Payload mappings that can be run on their own, outside a pipeline: the registry behind the
 * {@code commercesync map} command. Each connector contributes its conversions (system payload →
 * canonical, canonical → the request it would send) through {@link
 * io.commercesync.core.mapping.PayloadMappingProvider}.
 */
package io.commercesync.core.mapping;
