package io.commercesync.connector.clarity.webhook;

import java.util.Optional;

/**
 * The webhook topics (reference §4.5 [P]: the brief's four plus {@code order.updated} for status sync).
 *
 * <pre>{@code
 * ClarityEventType.ofTopic("order.updated");   // Optional[ORDER_UPDATED]
 * }</pre>
 */
public enum ClarityEventType {
  ORDER_CREATED("order.created", "order"),
  ORDER_UPDATED("order.updated", "order"),
  PRODUCT_UPDATED("product.updated", "product"),
  CUSTOMER_CREATED("customer.created", "customer"),
  CUSTOMER_UPDATED("customer.updated", "customer");

  private final String topic;
  private final String resource;

  ClarityEventType(String topic, String resource) {
    this.topic = topic;
    this.resource = resource;
  }

  /** {@code order.created}. */
  public String topic() {
    return topic;
  }

  /** The resource the event is about, and the key of {@code data}: {@code order}, {@code product}, {@code customer}. */
  public String resource() {
    return resource;
  }

  /** The type for {@code topic}, if it is one of the five. */
  public static Optional<ClarityEventType> ofTopic(String topic) {
    for (ClarityEventType t : values()) {
      if (t.topic.equals(topic)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
