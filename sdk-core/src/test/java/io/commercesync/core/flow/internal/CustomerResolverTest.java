package io.commercesync.core.flow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercesync.core.error.IdempotencyConflictException;
import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.model.Address;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.ExternalRef;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.OrderLine;
import io.commercesync.core.model.OrderStatus;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.Source;
import io.commercesync.core.pipeline.WriteResult;
import io.commercesync.core.resilience.BreakerSettings;
import io.commercesync.core.resilience.Resilience;
import io.commercesync.core.resilience.RetrySettings;
import io.commercesync.core.resilience.SystemPolicy;
import io.commercesync.core.spi.CustomerQuery;
import io.commercesync.core.spi.CustomerStore;
import io.commercesync.core.state.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Regression (found by the demo with 20 % faults): a guest's ERP customer was created, the answer was lost,
 * and the retried create picked the next free customer number (GP's {@code CUSTNMBR} skips the one now
 * taken) under the same idempotency key; the ERP refused the changed payload and the order was
 * dead-lettered. A retried create must first look up what the lost attempt made.
 */
class CustomerResolverTest {

  private static final SystemId ERP = SystemId.DYNAMICS_GP;

  private final StateStore store = StateStore.inMemory();
  private final Resilience resilience = Resilience.builder()
      .policy(SystemPolicy.builder(ERP)
          .retry(RetrySettings.DEFAULT.withMaxAttempts(4).withBackoff(Duration.ofMillis(1), Duration.ofMillis(2)))
          .breaker(new BreakerSettings(50, 100, Duration.ofHours(1), 1))
          .requestsPerSecond(1_000_000).maxConcurrentCalls(8).build())
      .build();

  @AfterEach
  void close() {
    resilience.close();
    store.close();
  }

  @Test
  void createRetriedAfterALostAnswer_findsTheCustomerTheFirstAttemptMade() {
    NumberingStore gp = new NumberingStore(true);
    gp.loseNextAnswer = true;
    CustomerResolver resolver = new CustomerResolver(SystemId.MAGENTO, ERP, gp, store.crossReferences(), resilience);

    String id = resolver.erpCustomerId(guestOrder("000001010", "guest50697@example.org"));

    assertThat(id).isEqualTo("WGUEST0001");
    assertThat(gp.customers).containsOnlyKeys("WGUEST0001");
    assertThat(gp.writes).as("the retry looked the customer up instead of writing it again").isEqualTo(1);
    assertThat(gp.lookups).isEqualTo(1);
  }

  @Test
  void createRetriedAfterALostAnswer_withoutALookupMatch_writesAgainUnderTheSameKey() {
    // a store whose look-up cannot find the customer: the resolver writes again, and the store's own
    // idempotency (same key, changed payload) refuses rather than creating a second customer
    NumberingStore gp = new NumberingStore(false);
    gp.loseNextAnswer = true;
    CustomerResolver resolver = new CustomerResolver(SystemId.MAGENTO, ERP, gp, store.crossReferences(), resilience);

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> resolver.erpCustomerId(guestOrder("000001011", "guest7@example.org")))
        .isInstanceOf(IdempotencyConflictException.class);
    assertThat(gp.customers).hasSize(1);
    assertThat(gp.writes).isEqualTo(2);
    assertThat(gp.lookups).isEqualTo(1);
  }

  @Test
  void firstAttemptAnswered_writesOnce_withoutALookup() {
    NumberingStore gp = new NumberingStore(true);
    CustomerResolver resolver = new CustomerResolver(SystemId.MAGENTO, ERP, gp, store.crossReferences(), resilience);

    assertThat(resolver.erpCustomerId(guestOrder("000001012", "guest8@example.org"))).isEqualTo("WGUEST0001");
    assertThat(gp.writes).isEqualTo(1);
    assertThat(gp.lookups).isZero();
  }

  private static Order guestOrder(String number, String email) {
    Money price = Money.of("36.00", "USD");
    return Order.builder().number(number).placedAt(Instant.parse("2025-03-02T22:30:44Z"))
        .status(OrderStatus.PENDING).currency("USD")
        .customer(Customer.builder().email(email).firstName("Wren").lastName("Guest415").build())
        .billingAddress(Address.builder().firstName("Wren").lastName("Guest415").addLine("416 Orchard Way")
            .city("Boise").region("ID").postalCode("83702").countryCode("US").build())
        .addLine(OrderLine.builder().lineNumber(1).sku("CS-BLANKET-STD").quantity("1").unitPrice(price).build())
        .subtotal(price).grandTotal(price).build();
  }

  /**
   * An ERP customer store that numbers new customers with the next free number, as GP's
   * {@code GpCustomerNumbers} does, and remembers the payload of each idempotency key as the GP agent does.
   */
  static final class NumberingStore implements CustomerStore {
    final Map<String, Customer> customers = new ConcurrentHashMap<>();
    final Map<String, String> payloadByKey = new ConcurrentHashMap<>();
    final boolean lookupFindsByEmail;
    volatile boolean loseNextAnswer;
    int writes;
    int lookups;

    NumberingStore(boolean lookupFindsByEmail) {
      this.lookupFindsByEmail = lookupFindsByEmail;
    }

    @Override
    public SystemId system() {
      return ERP;
    }

    @Override
    public synchronized WriteResult write(Customer customer, IdempotencyKey key) {
      writes++;
      String id = "WGUEST" + String.format("%04d", customers.size() + 1);
      String payload = id + "|" + customer.email();
      String earlier = payloadByKey.putIfAbsent(key.value(), payload);
      if (earlier != null && !earlier.equals(payload)) {
        throw new IdempotencyConflictException(ERP, key.value(), "transaction " + key.value()
            + " was already received with a different payload");
      }
      customers.put(id, customer.toBuilder().ref(ExternalRef.of(ERP, id)).build());
      if (loseNextAnswer) {
        loseNextAnswer = false;
        throw RemoteSystemException.builder(ERP, "POST /documents").recordKey(id)
            .cause(new java.net.SocketException("Connection reset")).buildTransport(false);
      }
      return WriteResult.created(id);
    }

    @Override
    public synchronized Optional<WriteResult> lookup(Customer customer, IdempotencyKey key) {
      lookups++;
      if (!lookupFindsByEmail) {
        return Optional.empty();
      }
      return customers.values().stream().filter(c -> c.email().equalsIgnoreCase(customer.email())).findFirst()
          .flatMap(c -> c.ref(ERP)).map(r -> WriteResult.alreadyApplied(r.id()));
    }

    @Override
    public Optional<Customer> findById(String id) {
      return Optional.ofNullable(customers.get(id));
    }

    @Override
    public List<Customer> search(CustomerQuery query) {
      // the resolver searches before it creates; nothing is found before the first create here
      return new ArrayList<>();
    }

    @Override
    public Source<Customer> changes() {
      throw new UnsupportedOperationException("changes are not read in this test");
    }
  }
}
