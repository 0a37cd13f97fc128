package io.commercesync.cli;

import io.commercesync.core.config.SyncSetup;
import io.commercesync.core.flow.LiveLookup;
import io.commercesync.core.flow.LookupAnswer;
import io.commercesync.core.model.InventoryLevel;
import io.commercesync.core.spi.CustomerStanding;
import io.commercesync.core.spi.Erp;
import io.commercesync.core.spi.PriceQuote;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code commercesync lookup --config FILE --customer ID --sku SKU}: asks the ERP live, as a product page
 * would, for the customer's price and the stock per warehouse, and prints how fresh each answer is.
 */
@Command(name = "lookup", mixinStandardHelpOptions = true,
    description = "Asks the ERP live for a customer's price and the stock per warehouse.")
final class LookupCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--config", required = true, description = "The sync configuration (names the ERP).") Path config;
  @Option(names = "--erp", description = "The ERP system's name in the configuration (default: the first ERP).") String erpName;
  @Option(names = "--customer", required = true, description = "The ERP customer id.") String customer;
  @Option(names = "--sku", required = true, description = "The ERP item number.") String sku;
  @Option(names = "--quantity", defaultValue = "1", description = "Quantity to price (default 1).") BigDecimal quantity;
  @Option(names = "--timeout", defaultValue = "PT2S", description = "Longest wait for the ERP (default PT2S).") Duration timeout;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    try (SyncSetup setup = SyncSetup.build(ConfigFiles.read(config), null, System::getenv)) {
      Erp erp = setup.systems().entrySet().stream()
          .filter(e -> e.getValue() instanceof Erp && (erpName == null || e.getKey().equals(erpName)))
          .map(e -> (Erp) e.getValue()).findFirst()
          .orElseThrow(() -> io.commercesync.core.error.ConfigurationException.of("--erp",
              "no ERP " + (erpName == null ? "" : erpName + " ") + "in the configuration"));
      LiveLookup lookup = LiveLookup.builder(erp).timeout(timeout).resilience(setup.resilience()).build();
      LookupAnswer<PriceQuote> price = lookup.price(customer, sku, quantity);
      out.printf("price     %s x %s for %s: %s%s (%s, as of %s)%n", quantity.toPlainString(), sku, customer,
          money(price.value().unitPrice()), price.value().priceList() == null ? "" : " [" + price.value().priceList() + "]",
          price.freshness(), price.asOf());
      LookupAnswer<List<InventoryLevel>> stock = lookup.stock(sku);
      for (InventoryLevel level : stock.value()) {
        out.printf("stock     %-10s available %s (on hand %s, allocated %s)%n", level.location(),
            plain(level.available()), plain(level.onHand()), plain(level.allocated()));
      }
      out.println("stock     " + stock.freshness() + " as of " + stock.asOf());
      LookupAnswer<CustomerStanding> standing = lookup.standing(customer);
      CustomerStanding c = standing.value();
      out.printf("customer  %s on hold=%s balance=%s credit limit=%s available=%s (%s)%n", c.customerId(), c.onHold(),
          money(c.balance()), c.creditLimit() == null ? "none" : money(c.creditLimit()),
          c.creditAvailable().map(LookupCommand::money).orElse("unlimited"), standing.freshness());
      return ExitCode.OK;
    }
  }

  /** {@code 132}, not {@code 132.00000} (GP's numeric(19,5)). */
  private static String plain(BigDecimal value) {
    return value == null ? "-" : value.stripTrailingZeros().toPlainString();
  }

  /** {@code 24.50 USD}: rounded to the currency's minor units. */
  private static String money(io.commercesync.core.model.Money value) {
    return value.rounded(java.math.RoundingMode.HALF_EVEN).toString();
  }
}
