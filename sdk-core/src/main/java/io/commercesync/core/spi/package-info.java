/**
 * Capability interfaces: what a connector can do, in canonical terms. Flows are written once against
 * these, so the same code runs for every storefront/ERP pair. Each capability is a small
 * {@link io.commercesync.core.pipeline.Source} or {@link io.commercesync.core.pipeline.Sink} of
 * canonical records (or of a request record that adds what the target needs), offered through
 * {@link io.commercesync.core.spi.Connector#capability(Class)}.
 */
package io.commercesync.core.spi;
