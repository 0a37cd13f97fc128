package io.commercesync.benchmarks.catalog;

import io.commercesync.testkit.dynamicsgp.GpSimulator;
import io.commercesync.testkit.magento.MagentoSimulator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The simulated systems of {@link CatalogScaleHarness}, in a JVM of their own: a GP company with
 * {@code items} items stocked at three sites (MAIN, EAST, WEST) and priced at two levels, and an empty
 * Magento store with three sources. The simulators hold everything in memory (Magento's products as JSON
 * trees, GP's tables in H2), which is not what is measured: the sync runs in the harness's JVM with its
 * own heap limit.
 *
 * <p>Protocol on stdin/stdout, one line each: prints {@code READY <magento> <gp> <secret>}; then answers
 * {@code stats} with {@code STATS <magento writes> <magento reads> <gp calls>}, {@code change} with
 * {@code CHANGED <n>} after changing every hundredth item (MAIN stock + 5, RETAIL price + 1, weight), and
 * ends on {@code quit}.
 */
public final class CatalogSimHost {

  static final String SECRET = "benchmark-agent-secret";
  static final List<String> SITES = List.of("MAIN", "EAST", "WEST");

  private CatalogSimHost() {}

  public static void main(String[] args) throws Exception {
    int items = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    try (MagentoSimulator magento = MagentoSimulator.start(MagentoSimulator.config().orders(0).customers(0).build());
        GpSimulator gp = GpSimulator.start(GpSimulator.options().secret(SECRET))) {
      gp.addSite("WEST", "West warehouse");
      List<String> numbers = gp.addItems("GEN-", items, SITES, Instant.parse("2024-04-01T00:00:00Z"),
          Duration.ofSeconds(1), 7);
      System.out.println("READY " + magento.baseUri() + " " + gp.baseUri() + " " + SECRET);
      System.out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
        if (line.equals("stats")) {
          var m = magento.server().log();
          long writes = m.count("POST") + m.count("PUT") + m.count("PATCH");
          System.out.println("STATS " + writes + " " + m.count("GET") + " " + gp.server().log().total());
        } else if (line.equals("change")) {
          Instant at = Instant.parse("2024-06-01T08:00:00Z");
          int changed = 0;
          for (int i = 0; i < numbers.size(); i += 100) {
            String item = numbers.get(i);
            gp.execute("UPDATE IV00102 SET QTYONHND = QTYONHND + 5 WHERE ITEMNMBR = ? AND LOCNCODE = 'MAIN'"
                + " AND RCRDTYPE = 2", item);
            gp.execute("UPDATE IV00108 SET UOMPRICE = UOMPRICE + 1, DEX_ROW_TS = ? WHERE ITEMNMBR = ?"
                + " AND PRCLEVEL = 'RETAIL'", at, item);
            gp.execute("UPDATE IV00101 SET ITEMSHWT = ITEMSHWT + 10, DEX_ROW_TS = ? WHERE ITEMNMBR = ?", at, item);
            changed++;
          }
          System.out.println("CHANGED " + changed);
        } else {
          System.out.println("UNKNOWN " + line);
        }
        System.out.flush();
      }
    }
  }
}
