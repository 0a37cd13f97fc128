package io.commercesync.connector.clarity.webhook;

import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.RawRecord;
import io.commercesync.core.pipeline.Source;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Turns an accepted event into work: reads the changed record <em>through the API</em> with the
 * matching source's {@link Source#fetch(String)} and hands the record as read to {@code then}. The
 * webhook body is never used as data, so a forged or stale body can inject nothing, and events that
 * arrive out of order still end in the current state.
 *
 * <pre>{@code
 * ClarityStorefront shop = ClarityStorefront.of(client);
 * WebhookTrigger trigger = WebhookTrigger.builder()
 *     .orders(shop.require(OrderSource.class))
 *     .customers(shop.require(CustomerStore.class).changes())
 *     .then((event, record) -> pipeline.submit(record))       // e.g. run the order flow for it
 *     .build();
 * }</pre>
 */
public final class WebhookTrigger implements WebhookListener {

  private final Map<ClarityEventType, Source<?>> sources;
  private final BiConsumer<ClarityEvent, RawRecord> then;
  private final Consumer<ClarityEvent> missing;

  private WebhookTrigger(Builder b) {
    this.sources = new EnumMap<>(b.sources);
    this.then = b.then;
    this.missing = b.missing;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void onEvent(ClarityEvent event) {
    Source<?> source = sources.get(event.type());
    if (source == null) {
      return;
    }
    Optional<RawRecord> record = source.fetch(event.resourceKey());
    if (record.isPresent()) {
      then.accept(event, record.get());
    } else {
      missing.accept(event);
    }
  }

  /** Builds a {@link WebhookTrigger}. Not thread-safe. */
  public static final class Builder {
    private final Map<ClarityEventType, Source<?>> sources = new EnumMap<>(ClarityEventType.class);
    private BiConsumer<ClarityEvent, RawRecord> then;
    private Consumer<ClarityEvent> missing = event -> { };

    private Builder() {}

    /** Reads orders ({@code order.created}, {@code order.updated}) from {@code source}, by order number. */
    public Builder orders(Source<?> source) {
      sources.put(ClarityEventType.ORDER_CREATED, Objects.requireNonNull(source, "source"));
      sources.put(ClarityEventType.ORDER_UPDATED, source);
      return this;
    }

    /** Reads customers ({@code customer.created}, {@code customer.updated}) from {@code source}, by id. */
    public Builder customers(Source<?> source) {
      sources.put(ClarityEventType.CUSTOMER_CREATED, Objects.requireNonNull(source, "source"));
      sources.put(ClarityEventType.CUSTOMER_UPDATED, source);
      return this;
    }

    /** Reads products ({@code product.updated}) from {@code source}, by sku. */
    public Builder products(Source<?> source) {
      sources.put(ClarityEventType.PRODUCT_UPDATED, Objects.requireNonNull(source, "source"));
      return this;
    }

    /** What to do with a record read for an event; required. */
    public Builder then(BiConsumer<ClarityEvent, RawRecord> then) {
      this.then = then;
      return this;
    }

    /** What to do when the record no longer exists (default: nothing). */
    public Builder onMissing(Consumer<ClarityEvent> missing) {
      this.missing = Objects.requireNonNull(missing, "missing");
      return this;
    }

    public WebhookTrigger build() {
      if (then == null) {
        throw ConfigurationException.of(SystemId.CLARITY, "webhook.trigger.then", "is required");
      }
      return new WebhookTrigger(this);
    }
  }
}
