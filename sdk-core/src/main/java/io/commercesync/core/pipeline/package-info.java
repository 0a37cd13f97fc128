/**
 * The pipeline: {@link io.commercesync.core.pipeline.Source} → decode → map → validate →
 * {@link io.commercesync.core.pipeline.Sink}, with idempotency keys, checkpoints, dead letters and run
 * reports.
 */
package io.commercesync.core.pipeline;
