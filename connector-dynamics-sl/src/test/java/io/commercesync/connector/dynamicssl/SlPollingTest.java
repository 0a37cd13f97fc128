package io.commercesync.connector.dynamicssl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.commercesync.connector.dynamicssl.internal.jdbc.SlPollWindow;
import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.InventoryLevel;
import io.commercesync.core.model.Invoice;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.Shipment;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.Cursor;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.RawRecord;
import io.commercesync.core.pipeline.RecordStream;
import io.commercesync.core.pipeline.Source;
import io.commercesync.core.spi.InventorySource;
import io.commercesync.core.spi.ShipmentSource;
import io.commercesync.testkit.dynamicssl.SlSimulator;
import io.commercesync.testkit.fault.FaultSchedule;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Change polling against real SL table names and types (H2 in MSSQLServer mode), filled by the SL
 * simulator: CHAR padding, FLOAT money, server-local SMALLDATETIME across daylight-saving changes.
 */
class SlPollingTest {

  /** 2024-11-03 01:40 CDT, twenty minutes before Chicago's clocks go back from 02:00 CDT to 01:00 CST. */
  private static final Instant BEFORE_FALL_BACK = Instant.parse("2024-11-03T06:40:00Z");

  private final SlFixtures.MutableClock clock = new SlFixtures.MutableClock(BEFORE_FALL_BACK);
  private final String url = "jdbc:h2:mem:slpoll" + System.nanoTime() + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1";
  private final SlSimulator sim = SlSimulator.builder().faults(FaultSchedule.none()).zone(SlFixtures.CHICAGO)
      .clock(clock).jdbcUrl(url).start();
  private final SlClient client = SlFixtures.client(sim.baseUri()).clock(clock).build();
  private final JdbcDataSource dataSource = new JdbcDataSource();

  SlPollingTest() {
    dataSource.setURL(url);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private SlPolling polling(DataSource ds, int pageSize) {
    return SlPolling.builder().dataSource(ds).serverZone(SlFixtures.CHICAGO).overlap(Duration.ofMinutes(2))
        .pageSize(pageSize).clock(clock).build();
  }

  record Read(List<RawRecord> records, Cursor last) {}

  private static Read readAll(Source<?> source, Cursor from) {
    List<RawRecord> out = new ArrayList<>();
    Cursor last = from;
    try (RecordStream stream = source.read(from)) {
      while (stream.hasNext()) {
        RawRecord r = stream.next();
        out.add(r);
        last = r.position();
      }
    }
    return new Read(out, last);
  }

  private String order(String number) {
    return client.createSalesOrder(SlFixtures.request(SlFixtures.order(number)),
        IdempotencyKey.of(SystemId.CLARITY, "order", number, "sl"));
  }

  @Test
  void shipments_writtenAfterTheClocksWentBack_areNotSkipped() {
    ShipmentSource shipments = SlConnector.builder().client(client).polling(polling(dataSource, 50)).build()
        .require(ShipmentSource.class);
    clock.advance(Duration.ofMinutes(10)); // 01:50 CDT
    String first = sim.fulfil("0060", order("CS-DST-1"), List.of("1Z0000000000000001"), null);
    Read before = readAll(shipments, Cursor.START);
    assertThat(before.records()).extracting(RawRecord::key).containsExactly("0060/" + first);
    assertThat(before.last().value()).isEqualTo("2024-11-03T01:50|0060/" + first);

    clock.set(Instant.parse("2024-11-03T07:10:00Z")); // 01:10 CST: local time is now 40 minutes *before* the cursor
    String second = sim.fulfil("0060", order("CS-DST-2"), List.of("1Z0000000000000002", "1Z0000000000000003"),
        "MASTER-0002");
    Read after = readAll(shipments, before.last());
    assertThat(after.records()).extracting(RawRecord::key).contains("0060/" + second);
    Shipment s = shipments.decode(after.records().stream().filter(r -> r.key().endsWith(second)).findFirst().orElseThrow());
    assertThat(s.orderNumber()).isEqualTo("CS-DST-2");
    assertThat(s.trackingNumbers()).containsExactly("1Z0000000000000002", "1Z0000000000000003", "MASTER-0002");
    assertThat(s.lines()).extracting(l -> l.sku() + "=" + l.quantity()).containsExactly("WID-100-BLK=2", "GAD-220=1");
    assertThat(s.shippedAt()).isEqualTo(Instant.parse("2024-11-03T05:00:00Z"));
  }

  @Test
  void windowStart_widensByTheBackwardShift_onlyWhenTheClocksWentBack() {
    LocalDateTime cursor = LocalDateTime.parse("2024-11-03T01:50");
    Instant now = Instant.parse("2024-11-03T07:15:00Z");
    assertThat(SlPollWindow.lowerBound(cursor, Duration.ofMinutes(2), SlFixtures.CHICAGO, now))
        .isEqualTo(LocalDateTime.parse("2024-11-03T00:48"));
    assertThat(SlPollWindow.lowerBound(cursor, Duration.ofMinutes(2), ZoneId.of("-06:00"), now))
        .isEqualTo(LocalDateTime.parse("2024-11-03T01:48"));
    // before the change happened, nothing to widen
    assertThat(SlPollWindow.lowerBound(cursor, Duration.ofMinutes(2), SlFixtures.CHICAGO,
        Instant.parse("2024-11-03T06:55:00Z"))).isEqualTo(LocalDateTime.parse("2024-11-03T01:48"));
    // springing forward never moves local time backwards
    assertThat(SlPollWindow.lowerBound(LocalDateTime.parse("2024-03-10T01:55"), Duration.ofMinutes(2),
        SlFixtures.CHICAGO, Instant.parse("2024-03-10T09:00:00Z"))).isEqualTo(LocalDateTime.parse("2024-03-10T01:53"));
  }

  @Test
  void ordersAcrossTheSpringForwardGap_areReadInOrder() {
    clock.set(Instant.parse("2024-03-10T07:55:00Z")); // 01:55 CST
    order("CS-SPRING-1");
    clock.set(Instant.parse("2024-03-10T08:05:00Z")); // 03:05 CDT
    order("CS-SPRING-2");
    Source<Order> orders = polling(dataSource, 1).salesOrders("0060");
    Read read = readAll(orders, Cursor.START);
    List<Order> decoded = read.records().stream().map(orders::decode).toList();
    assertThat(decoded).extracting(Order::number).containsExactly("CS-SPRING-1", "CS-SPRING-2");
    assertThat(decoded.get(1).updatedAt()).isEqualTo(Instant.parse("2024-03-10T08:05:00Z"));
    assertThat(decoded.get(1).grandTotal()).isEqualTo(Money.of("111.52", "USD"));
    assertThat(read.last().value()).startsWith("2024-03-10T03:05|0060/");
  }

  @Test
  void inventory_pagesThroughEveryItemSiteOnce_thenOnlyWhatChanged() {
    InventorySource inventory = SlConnector.builder().client(client).polling(polling(dataSource, 7)).build()
        .require(InventorySource.class);
    Read all = readAll(inventory, Cursor.START);
    assertThat(all.records()).hasSize(66);
    assertThat(all.records()).extracting(RawRecord::key).doesNotHaveDuplicates();
    InventoryLevel negative = inventory.decode(all.records().stream()
        .filter(r -> r.key().equals("0060/BCK-300/AUSTIN")).findFirst().orElseThrow());
    assertThat(negative.available()).isEqualByComparingTo("-3");
    assertThat(negative.sellable()).isEqualByComparingTo("0");
    assertThat(negative.location()).isEqualTo("AUSTIN");

    clock.advance(Duration.ofMinutes(10)); // 01:50 CDT, still before the clocks go back
    order("CS-INV-1");
    Read next = readAll(inventory, all.last());
    // the overlap re-reads the cursor's minute (01:40, the seed); the changed rows come last, once each
    assertThat(next.records()).extracting(RawRecord::key).doesNotHaveDuplicates();
    assertThat(next.records().subList(next.records().size() - 2, next.records().size()))
        .extracting(RawRecord::key).containsExactlyInAnyOrder("0060/WID-100-BLK/AUSTIN", "0060/GAD-220/AUSTIN");
    clock.advance(Duration.ofMinutes(5));
    Read changed = readAll(inventory, next.last());
    assertThat(changed.records()).extracting(RawRecord::key)
        .containsExactlyInAnyOrder("0060/WID-100-BLK/AUSTIN", "0060/GAD-220/AUSTIN");
    InventoryLevel widget = inventory.decode(changed.records().stream()
        .filter(r -> r.key().contains("WID-100-BLK")).findFirst().orElseThrow());
    assertThat(widget.available()).isEqualByComparingTo("126");
    assertThat(widget.asOf()).isEqualTo(Instant.parse("2024-11-03T06:50:00Z"));
  }

  @Test
  void customersItemsPricesAndInvoices_decodeFromPaddedRows() {
    SlPolling polling = polling(dataSource, 100);
    Source<Customer> customers = polling.customers();
    Customer maria = customers.decode(readAll(customers, Cursor.START).records().stream()
        .filter(r -> r.key().equals("C20311")).findFirst().orElseThrow());
    assertThat(maria.email()).isEqualTo("maria.lopez@example.com");
    assertThat(maria.addresses()).extracting(a -> a.key()).contains("DEFAULT", "HOME");
    var items = polling.items();
    var widget = items.decode(readAll(items, Cursor.START).records().stream()
        .filter(r -> r.key().equals("WID-100-BLK")).findFirst().orElseThrow());
    assertThat(widget.name()).isEqualTo("Widget 100, black");
    assertThat(widget.basePrice()).isEqualTo(Money.of("24.99", "USD"));
    var prices = polling.prices();
    assertThat(readAll(prices, Cursor.START).records()).hasSize(33);
    Source<Invoice> invoices = polling.invoices("0060");
    Invoice inv = invoices.decode(readAll(invoices, Cursor.START).records().stream()
        .filter(r -> r.key().equals("0060/C20311/IN/INV10422")).findFirst().orElseThrow());
    assertThat(inv.total()).isEqualTo(Money.of("250.00", "USD"));
    assertThat(inv.balanceDue()).isEqualTo(Money.of("250.00", "USD"));
  }

  @Test
  void aFailedQuery_isATypedRetryableError_andHasNextRetriesThePage() {
    AtomicInteger calls = new AtomicInteger();
    DataSource flaky = new DataSource() {
      @Override
      public Connection getConnection() throws SQLException {
        if (calls.incrementAndGet() == 1) {
          throw new SQLTransientConnectionException("connection refused", "08001");
        }
        return dataSource.getConnection();
      }

      @Override
      public Connection getConnection(String u, String p) throws SQLException {
        return getConnection();
      }

      @Override
      public PrintWriter getLogWriter() {
        return null;
      }

      @Override
      public void setLogWriter(PrintWriter out) {}

      @Override
      public void setLoginTimeout(int seconds) {}

      @Override
      public int getLoginTimeout() {
        return 0;
      }

      @Override
      public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
      }

      @Override
      public <T> T unwrap(Class<T> iface) {
        return null;
      }

      @Override
      public boolean isWrapperFor(Class<?> iface) {
        return false;
      }
    };
    Source<Customer> customers = polling(flaky, 100).customers();
    try (RecordStream stream = customers.read(Cursor.START)) {
      RemoteSystemException e = catchThrowableOfType(RemoteSystemException.class, stream::hasNext);
      assertThat(e.retryable()).isTrue();
      assertThat(e.getMessage()).contains("dynamics-sl", "SELECT customer changes");
      assertThat(stream.hasNext()).isTrue();
    }
  }
}
