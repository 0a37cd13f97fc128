package io.commercesync.connector.clarity.webhook;

/**
 * Acts on accepted events (each event id once). {@link WebhookTrigger} is the ready-made one that
 * reads the changed record through the API.
 *
 * <pre>{@code
 * WebhookListener log = event -> LOG.debug("clarity event={} key={}", event.type().topic(), event.resourceKey());
 * }</pre>
 */
@FunctionalInterface
public interface WebhookListener {

  void onEvent(ClarityEvent event);
}
