package io.commercesync.connector.dynamicsgp.polling;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercesync.connector.dynamicsgp.GpConnector;
import io.commercesync.connector.dynamicsgp.JdbcEconnectTransport;
import io.commercesync.core.model.InventoryLevel;
import io.commercesync.core.model.Invoice;
import io.commercesync.core.model.Item;
import io.commercesync.core.model.Price;
import io.commercesync.core.pipeline.Cursor;
import io.commercesync.core.pipeline.RawRecord;
import io.commercesync.core.pipeline.RecordStream;
import io.commercesync.core.pipeline.Source;
import io.commercesync.core.spi.InventorySource;
import io.commercesync.core.spi.InvoiceSource;
import io.commercesync.core.spi.ItemSource;
import io.commercesync.core.spi.PriceSource;
import io.commercesync.testkit.dynamicsgp.GpSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The polling SQL run over JDBC against GP-shaped tables (the simulator's H2 company database in MSSQLServer
 * mode: GP's table names and char/numeric/datetime types, seeded from the sample CSVs).
 */
class GpPollingTest {

  final GpSimulator sim = GpSimulator.start(GpSimulator.options());
  final Duration overlap = Duration.ofMinutes(2);

  GpConnector connector(int pageSize) {
    return GpConnector.builder()
        .transport(JdbcEconnectTransport.builder().company("TWO").url(sim.jdbcUrl()).user("sa").build())
        .pollOverlap(overlap).pageSize(pageSize).build();
  }

  @AfterEach
  void close() {
    sim.close();
  }

  record Read<T>(List<T> values, List<String> keys, Cursor last) {}

  static <T> Read<T> read(Source<T> source, Cursor from, Runnable afterFirst) {
    List<T> out = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    Cursor last = from;
    try (RecordStream records = source.read(from)) {
      while (records.hasNext()) {
        RawRecord r = records.next();
        out.add(source.decode(r));
        keys.add(r.key());
        last = r.position();
        if (keys.size() == 1 && afterFirst != null) {
          afterFirst.run();
        }
      }
    }
    return new Read<>(out, keys, last);
  }

  void stamp(String item, Instant at) {
    sim.execute("UPDATE IV00101 SET DEX_ROW_TS = ? WHERE ITEMNMBR = ?", at, item);
  }

  @Test
  void items_areReadOnce_trimmed_andPagesNeverSplitAStamp() {
    // all 15 seeded items share one DEX_ROW_TS; pages of 4 must still read each exactly once
    Read<Item> all = read(connector(4).require(ItemSource.class), Cursor.START, null);
    assertThat(all.keys()).hasSize(15).doesNotHaveDuplicates();
    assertThat(all.values()).extracting(Item::sku).contains("WDG-1001-BLU", "ACC-0012").allMatch(s -> !s.endsWith(" "));
    assertThat(all.values()).filteredOn(i -> i.sku().equals("WDG-1001-BLU")).singleElement()
        .satisfies(i -> assertThat(i.name()).isEqualTo("Widget, blue, 10 cm"));
    assertThat(read(connector(4).require(ItemSource.class), all.last(), null).keys()).isEmpty();
    assertThat(read(connector(1).require(ItemSource.class), Cursor.START, null).keys()).hasSize(15).doesNotHaveDuplicates();
  }

  @Test
  void quantityChange_isFoundThroughIv00101sStamp_perSite_rcrdtype2Only() {
    GpConnector gp = connector(50);
    Read<InventoryLevel> first = read(gp.require(InventorySource.class), Cursor.START, null);
    assertThat(first.keys()).contains("WDG-1001-BLU|MAIN", "WDG-1001-BLU|EAST").noneMatch(k -> k.endsWith("|"));
    // a GP user moves stock: IV00102 changes and GP's zDT_IV00102U trigger stamps IV00101
    sim.execute("UPDATE IV00102 SET QTYONHND = 150 WHERE ITEMNMBR = 'WDG-1001-BLU' AND LOCNCODE = 'MAIN'");
    stamp("WDG-1001-BLU", Instant.parse("2024-03-02T08:00:00Z"));
    Read<InventoryLevel> next = read(gp.require(InventorySource.class), first.last(), null);
    assertThat(next.keys()).containsExactly("WDG-1001-BLU|EAST", "WDG-1001-BLU|MAIN");
    assertThat(next.values().get(1).available()).isEqualByComparingTo("140");
  }

  @Test
  void overlapWindow_catchesALateCommitWithAnOlderStamp_withoutRepeatingWhatWasRead() {
    GpConnector gp = connector(50);
    stamp("ACC-0001", Instant.parse("2024-03-02T10:00:00Z"));
    Read<Item> first = read(gp.require(ItemSource.class), Cursor.START, null);
    // a transaction that began before 10:00 commits now: its row carries 09:59, older than the cursor
    stamp("ACC-0002", Instant.parse("2024-03-02T09:59:00Z"));
    // and one far outside the window stays unseen (the window is the documented trade-off)
    stamp("ACC-0003", Instant.parse("2024-03-02T09:00:00Z"));
    Read<Item> second = read(gp.require(ItemSource.class), first.last(), null);
    assertThat(second.keys()).containsExactly("ACC-0002");
    assertThat(read(gp.require(ItemSource.class), second.last(), null).keys()).isEmpty();
  }

  @Test
  void rowsChangingDuringAPoll_areNeitherSkippedNorDoubled() {
    GpConnector gp = connector(2);
    for (int i = 1; i <= 6; i++) {
      stamp(String.format("ACC-%04d", i), Instant.parse("2024-03-02T10:00:0" + i + "Z"));
    }
    Cursor base = read(gp.require(ItemSource.class), Cursor.START, null).last();
    for (int i = 1; i <= 6; i++) {
      stamp(String.format("ACC-%04d", i), Instant.parse("2024-03-02T11:00:0" + i + "Z"));
    }
    // while the poll runs: ACC-0001 (already read) and ACC-0005 (not yet read) change again
    Read<Item> during = read(gp.require(ItemSource.class), base, () -> {
      stamp("ACC-0001", Instant.parse("2024-03-02T11:00:30Z"));
      stamp("ACC-0005", Instant.parse("2024-03-02T11:00:31Z"));
    });
    Map<String, Integer> counts = new HashMap<>();
    during.keys().forEach(k -> counts.merge(k, 1, Integer::sum));
    assertThat(counts.keySet()).containsExactlyInAnyOrder("ACC-0001", "ACC-0002", "ACC-0003", "ACC-0004", "ACC-0005",
        "ACC-0006");
    assertThat(counts.get("ACC-0005")).as("read once, at its newest stamp").isEqualTo(1);
    assertThat(counts.get("ACC-0001")).as("read, then read again because it changed").isEqualTo(2);
    assertThat(read(gp.require(ItemSource.class), during.last(), null).keys()).isEmpty();
  }

  @Test
  void prices_andOpenInvoices_fromTheirTables() {
    GpConnector gp = connector(100);
    Read<Price> prices = read(gp.require(PriceSource.class), Cursor.START, null);
    assertThat(prices.values()).filteredOn(p -> p.sku().equals("WDG-1001-BLU"))
        .extracting(Price::priceList, p -> p.amount().amount().stripTrailingZeros().toPlainString())
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("RETAIL", "24.5"),
            org.assertj.core.groups.Tuple.tuple("WHOLESALE", "22.05"));
    Read<Invoice> invoices = read(gp.require(InvoiceSource.class), Cursor.START, null);
    assertThat(invoices.values()).extracting(Invoice::number).containsExactly("INV00031877", "INV00031878");
    assertThat(invoices.values().get(0).orderNumber()).isEqualTo("WEB-100045871");
    assertThat(invoices.values().get(0).balanceDue().currency().getCurrencyCode()).isEqualTo("USD");
  }

  @Test
  void customerChanges_comeWithAddressesAndEmail_andAnAddressEditStampsTheCustomer() {
    GpConnector gp = connector(100);
    io.commercesync.core.spi.CustomerStore customers = gp.require(io.commercesync.core.spi.CustomerStore.class);
    Read<io.commercesync.core.model.Customer> all = read(customers.changes(), Cursor.START, null);
    assertThat(all.keys()).contains("WEBJSMITH0001", "AARONFIT0001").doesNotHaveDuplicates();
    io.commercesync.core.model.Customer jane = all.values().stream()
        .filter(c -> c.ref(io.commercesync.core.model.SystemId.DYNAMICS_GP).orElseThrow().id().equals("WEBJSMITH0001"))
        .findFirst().orElseThrow();
    assertThat(jane.email()).isEqualTo("jane.smith@example.com");
    assertThat(jane.addresses()).extracting(io.commercesync.core.model.CustomerAddress::key).containsExactly("PRIMARY", "SHIPTO01");
    assertThat(jane.defaultBilling().orElseThrow().address().postalCode()).isEqualTo("62704-1234");
    // GP's zDT_RM00102 triggers stamp RM00101 when an address changes
    sim.execute("UPDATE RM00102 SET CITY = 'Chicago' WHERE CUSTNMBR = 'WEBJSMITH0001' AND ADRSCODE = 'SHIPTO01'");
    sim.execute("UPDATE RM00101 SET DEX_ROW_TS = ? WHERE CUSTNMBR = 'WEBJSMITH0001'", Instant.parse("2024-03-05T00:00:00Z"));
    Read<io.commercesync.core.model.Customer> next = read(customers.changes(), all.last(), null);
    assertThat(next.keys()).containsExactly("WEBJSMITH0001");
    assertThat(next.values().get(0).addresses().get(1).address().city()).isEqualTo("Chicago");
  }

  /**
   * Regression (found by the demo's near-duplicate customers): GP's customer search answered e-mail only,
   * so a storefront customer whose GP record has another e-mail but the same name and postal code was
   * created a second time; and an INET1 typed with a leading space was not found by e-mail. Runs the
   * connector's own SQL (JDBC transport) against the GP-shaped tables.
   */
  @Test
  void customerSearch_byNameAndPostalCode_andByEmailTypedWithSpaces() {
    io.commercesync.core.spi.CustomerStore customers = connector(50).require(io.commercesync.core.spi.CustomerStore.class);
    assertThat(customers.search(io.commercesync.core.spi.CustomerQuery.byNameAndPostalCode("jane", "SMITH", "62704 1234")))
        .extracting(c -> c.ref(io.commercesync.core.model.SystemId.DYNAMICS_GP).orElseThrow().id())
        .containsExactly("WEBJSMITH0001");
    assertThat(customers.search(io.commercesync.core.spi.CustomerQuery.byNameAndPostalCode("John", "Smith", "62704-1234")))
        .isEmpty();
    sim.execute("UPDATE SY01200 SET INET1 = '  Anil.Patel@Example.com' WHERE Master_ID = 'WEBAPATEL0002'");
    assertThat(customers.search(io.commercesync.core.spi.CustomerQuery.byEmail("anil.patel@example.com")))
        .extracting(c -> c.ref(io.commercesync.core.model.SystemId.DYNAMICS_GP).orElseThrow().id())
        .containsExactly("WEBAPATEL0002");
  }
}
