package io.commercesync.testkit.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commercesync.testkit.clarity.ClaritySimulator;
import io.commercesync.testkit.dynamicsgp.GpSimulator;
import io.commercesync.testkit.dynamicssl.SlSimulator;
import io.commercesync.testkit.fault.FaultSchedule;
import io.commercesync.testkit.magento.MagentoSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Four simulators — Magento, Clarity, Dynamics GP and Dynamics SL — started together and seeded so their
 * data fits together, for the {@code commercesync demo}, {@code commercesync simulate}, the examples and the
 * end-to-end tests. It depends on no connector: it hands out URLs, test credentials and plain mapping maps,
 * and it audits a run by reading the simulators' own state.
 *
 * <pre>{@code
 * try (DemoWorld world = DemoWorld.builder().seed(42).orders(200).faultRate(0.2).start()) {
 *   URI shop = world.magentoUrl();                         // + world.magentoCredentials()
 *   DemoWorld.Mappings m = world.mappings(DemoWorld.Storefront.MAGENTO, DemoWorld.Erp.GP);
 *   // ... build connectors and flows from these, run the orders flows ...
 *   world.shipInErps();                                    // the ERPs ship (GP: invoices, SL: shippers)
 *   // ... run fulfilment and invoice flows ...
 *   world.refundSome(3);                                   // Magento credit memos
 *   DemoWorld.Audit audit = world.audit();                 // sales documents per order number per ERP
 * }
 * }</pre>
 *
 * <p>What it seeds, on top of each simulator's own generator:
 * <ul>
 *   <li>N storefront orders, half from Magento's generator (simple, configurable and bundle lines,
 *       discounts, free shipping, some invoiced/shipped/refunded, a third paid by card) and half from
 *       Clarity's; a few of each made invalid with a sku no mapping knows ({@link #UNKNOWN_SKU}). Every sixth
 *       Clarity order above 50.00 is a split payment (a 25.00 gift card and a card: v1 {@code payments[]},
 *       native {@code SalesOrderPayments[]}). Magento runs as Adobe Commerce: some orders are paid in part with
 *       two gift cards (and store credit when a customer placed them), some covered in full by one gift card
 *       (method {@code free}), some in part with reward points — split payments as well
 *       ({@code MagentoSimulator.ConfigBuilder.adobeCommerceTenders}).</li>
 *   <li>Customers of those orders seeded in GP and SL as near-duplicates: the same e-mail in another case
 *       with spaces around it, or another e-mail with the same name and postal code, or the same e-mail.</li>
 *   <li>Per storefront/ERP pair, plain mapping tables: every storefront sku to a real ERP item, storefront
 *       sources/locations to ERP sites and back, payment methods to checkbooks, shipping methods, the
 *       base price level and customer groups.</li>
 * </ul>
 *
 * <p>Random faults ({@code faultRate}) are drawn by each simulator's {@link FaultSchedule} only after seeding,
 * and never on {@code /_sim/} routes. Thread-safe for the audit; seeding and shipping are meant to be called
 * from one thread.
 */
public final class DemoWorld implements AutoCloseable {

  /** The demo's storefronts. */
  public enum Storefront { MAGENTO, CLARITY }

  /** The demo's ERPs. */
  public enum Erp { GP, SL }

  /** A sku no mapping table knows: orders carrying it must be dead-lettered, never guessed. */
  public static final String UNKNOWN_SKU = "CS-DISCONTINUED-9";

  /** The GP company of the simulator. */
  public static final String GP_COMPANY = "TWO";
  /** The SL company ({@code CpnyID}) orders go to. */
  public static final String SL_COMPANY = "0060";
  /** The SL server's zone. */
  public static final ZoneId SL_ZONE = ZoneId.of("America/Chicago");
  /** The Clarity API key the simulator accepts. */
  public static final String CLARITY_API_KEY = "clarity-api-key";
  /** The SL REST layer's API key and secret. */
  public static final String SL_API_KEY = "sim-key";
  public static final String SL_API_SECRET = "sim-secret";
  /**
   * The SL accounts ({@code Acct/Sub}) money-only refunds are booked against as AR credit memos: sales returns,
   * freight refunded and tax refunded (accounts 4900, 4050 and 2300 of the SL simulator's chart).
   */
  public static final String SL_REFUND_ACCOUNT = "4900/01-000-00";
  public static final String SL_FREIGHT_REFUND_ACCOUNT = "4050/01-000-00";
  public static final String SL_TAX_REFUND_ACCOUNT = "2300/01-000-00";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> MAGENTO_NOT_SENT = Set.of("canceled", "closed", "pending_payment");
  private static final Set<String> CLARITY_SENT = Set.of("pending", "confirmed", "processing", "backordered",
      "ready_for_pickup", "on_hold", "shipped", "completed");

  /**
   * One storefront order as the demo made it.
   *
   * @param storefront where it was placed
   * @param number the storefront order number (Magento {@code increment_id}, Clarity {@code orderNumber})
   * @param status the storefront status when seeded
   * @param sendable whether its status lets it go to an ERP (not canceled, closed, awaiting payment, or in a
   *     status the default status mappings do not know)
   * @param invalidReason why it cannot reach the ERPs: a sku no mapping knows (made so by the demo), or a
   *     customer name in a script the ERPs' code page (windows-1252) cannot store (from Clarity's generator,
   *     which names people in several scripts); null when valid
   * @param email the customer's e-mail
   */
  public record DemoOrder(Storefront storefront, String number, String status, boolean sendable,
      String invalidReason, String email) {

    /** Whether it should end in every ERP: sendable and valid. */
    public boolean expectedInErp() {
      return sendable && invalidReason == null;
    }

    /** Whether it carries a sku no mapping knows: it must never reach an ERP. */
    public boolean mustNeverReachErp() {
      return invalidReason != null && invalidReason.contains(UNKNOWN_SKU);
    }
  }

  /**
   * Where a storefront payment method is booked in an ERP.
   *
   * @param checkbookId GP checkbook / SL cash account ({@code Acct})
   * @param cardName GP credit card id for card methods, or null
   */
  public record PaymentAccount(String checkbookId, String cardName) {}

  /**
   * The mapping tables of one storefront/ERP pair, as plain maps (the names follow the SDK's
   * {@code FlowMappings} settings).
   *
   * @param skus storefront sku → ERP item, for every sku the storefront sells
   * @param orderSites storefront source/location → ERP site
   * @param defaultSite the ERP site of lines without a mapped location
   * @param stockSources ERP site → storefront source/location
   * @param paymentMethods storefront payment method → ERP account
   * @param shippingMethods storefront shipping method → ERP shipping method
   * @param customerGroups ERP price level / customer class → storefront customer group
   * @param basePriceList the ERP price level of the storefront's base prices, or null
   */
  public record Mappings(Map<String, String> skus, Map<String, String> orderSites, String defaultSite,
      Map<String, String> stockSources, Map<String, PaymentAccount> paymentMethods,
      Map<String, String> shippingMethods, Map<String, String> customerGroups, String basePriceList) {

    public Mappings {
      skus = Map.copyOf(skus);
      orderSites = Map.copyOf(orderSites);
      stockSources = Map.copyOf(stockSources);
      paymentMethods = Map.copyOf(paymentMethods);
      shippingMethods = Map.copyOf(shippingMethods);
      customerGroups = Map.copyOf(customerGroups);
    }
  }

  /**
   * A customer seeded in an ERP before any sync, resembling a storefront customer.
   *
   * @param erp where
   * @param erpId its ERP id (GP {@code CUSTNMBR}, SL {@code CustId})
   * @param storefrontEmail the storefront customer's e-mail it resembles
   * @param kind {@code email-case} (same e-mail, other case, spaces around), {@code name-postal} (other
   *     e-mail, same name and postal code) or {@code same-email}
   */
  public record SeededCustomer(Erp erp, String erpId, String storefrontEmail, String kind) {}

  /**
   * One shipment the ERP made.
   *
   * @param storefront the order's storefront
   * @param orderNumber the storefront order number
   * @param erp the ERP that shipped it
   * @param erpDocument GP invoice {@code SOPNUMBE} / SL {@code ShipperID}
   * @param invoice GP invoice / SL {@code ARDoc} {@code RefNbr}
   * @param trackingNumbers the parcels' tracking numbers
   */
  public record ErpShipment(Storefront storefront, String orderNumber, Erp erp, String erpDocument, String invoice,
      List<String> trackingNumbers) {}

  /**
   * What the simulators hold after a run, read from their own state.
   *
   * @param salesOrders per ERP, sales orders per storefront order number (upper case, as the ERPs key them)
   * @param customerCopies per ERP, for each storefront customer (normalised e-mail), the ids of the ERP
   *     customers that match it by normalised e-mail or by normalised name and postal code
   * @param shipmentsPerShippedOrder for each order an ERP shipped ({@code MAGENTO:000000012}), the shipments
   *     its storefront holds (it had none before)
   * @param shipmentsDelivered ERP shipments whose tracking numbers the storefront shows
   * @param invoicesPerShippedOrder for each Magento order an ERP invoiced, Magento's invoices (one: Magento's
   *     own, or the ERP's); for Clarity orders, the ERP's invoice number present (1) or not (0)
   * @param gpReturns GP returns (SOPTYPE 4) per storefront order number
   * @param slReturns SL credit memo orders (the credit-memo order type) per refunded storefront order number
   *     ({@code User3})
   * @param gpCreditMemos GP RM credit memos (RMDTYPAL 7: refunds without lines) per storefront order number
   *     ({@code CSTPONBR})
   * @param slCreditMemos SL AR credit memos ({@code ARDoc} {@code CM}: refunds without lines) per storefront order
   *     number ({@code CustOrdNbr})
   * @param storefrontRefunds the storefronts' refunds per order number: Magento credit memos, Clarity returns
   *     in status refunded
   */
  public record Audit(Map<Erp, Map<String, Integer>> salesOrders, Map<Erp, Map<String, Set<String>>> customerCopies,
      Map<String, Integer> shipmentsPerShippedOrder, int shipmentsDelivered, Map<String, Integer> invoicesPerShippedOrder,
      Map<String, Integer> gpReturns, Map<String, Integer> slReturns, Map<String, Integer> gpCreditMemos,
      Map<String, Integer> slCreditMemos, Map<String, Integer> storefrontRefunds) {

    /** How many copies of storefront order {@code number} {@code erp} holds. */
    public int copies(Erp erp, String number) {
      return salesOrders.get(erp).getOrDefault(number.trim().toUpperCase(Locale.ROOT), 0);
    }

    /** ERP customers beyond the first that match one storefront customer, summed over both ERPs. */
    public int customerDuplicates() {
      return customerCopies.values().stream().flatMap(m -> m.values().stream()).mapToInt(n -> Math.max(0, n.size() - 1))
          .sum();
    }

    /** Storefront shipments beyond the first of an order an ERP shipped. */
    public int shipmentDuplicates() {
      return shipmentsPerShippedOrder.values().stream().mapToInt(n -> Math.max(0, n - 1)).sum();
    }

    /** Storefront invoices beyond the first of an order an ERP invoiced. */
    public int invoiceDuplicates() {
      return invoicesPerShippedOrder.values().stream().mapToInt(n -> Math.max(0, n - 1)).sum();
    }

    /**
     * The refund documents {@code erp} holds per storefront order number: GP returns and RM credit memos, SL
     * credit memo orders and AR credit memos.
     */
    public Map<String, Integer> erpRefunds(Erp erp) {
      Map<String, Integer> out = new TreeMap<>(erp == Erp.GP ? gpReturns : slReturns);
      (erp == Erp.GP ? gpCreditMemos : slCreditMemos).forEach((order, n) -> out.merge(order, n, Integer::sum));
      return out;
    }

    /** Refund documents {@code erp} holds beyond the storefront's refunds of the same order: refunds entered twice. */
    public int refundsEnteredTwice(Erp erp) {
      return erpRefunds(erp).entrySet().stream()
          .mapToInt(e -> Math.max(0, e.getValue() - storefrontRefunds.getOrDefault(e.getKey(), 0))).sum();
    }

    /** Storefront refunds {@code erp} holds no document for (not synced yet, or dead-lettered). */
    public int refundsMissing(Erp erp) {
      Map<String, Integer> held = erpRefunds(erp);
      return storefrontRefunds.entrySet().stream()
          .mapToInt(e -> Math.max(0, e.getValue() - held.getOrDefault(e.getKey(), 0))).sum();
    }
  }

  private final long seed;
  private final MagentoSimulator magento;
  private final ClaritySimulator clarity;
  private final GpSimulator gp;
  private final SlSimulator sl;
  private final List<FaultSchedule> faults;
  private final String gpSecret;
  private final List<DemoOrder> orders = new ArrayList<>();
  private final List<SeededCustomer> seededCustomers = new ArrayList<>();
  private final Map<Storefront, Map<String, Customer>> storefrontCustomers = new EnumMap<>(Storefront.class);
  private final List<ErpShipment> shipments = new ArrayList<>();
  private final Set<String> shipped = new LinkedHashSet<>();
  private final Map<Storefront, Map<Erp, Mappings>> mappings = new EnumMap<>(Storefront.class);
  private final Random random;

  /** A storefront customer as its orders show it. */
  private record Customer(String email, String firstName, String lastName, String postalCode, String street,
      String city, String region) {}

  private DemoWorld(Builder b) {
    this.seed = b.seed;
    this.random = new Random(b.seed);
    this.gpSecret = b.gpSecret;
    int magentoOrders = (b.orders + 1) / 2;
    int clarityOrders = b.orders - magentoOrders;
    FaultSchedule magentoFaults = schedule(b, 1);
    FaultSchedule clarityFaults = schedule(b, 2);
    FaultSchedule gpFaults = schedule(b, 3);
    FaultSchedule slFaults = schedule(b, 4);
    this.faults = List.of(magentoFaults, clarityFaults, gpFaults, slFaults);
    faults.forEach(f -> f.enabled(false));
    List<AutoCloseable> started = new ArrayList<>();
    try {
      this.magento = MagentoSimulator.start(MagentoSimulator.config().seed(b.seed).orders(magentoOrders)
          .customers(Math.max(10, magentoOrders / 3)).adobeCommerceTenders(true).faults(magentoFaults).build(),
          b.magentoPort);
      started.add(magento);
      // Clarity always holds its sample order CS-100045 besides the generated ones
      this.clarity = ClaritySimulator.start(ClaritySimulator.options().seed(b.seed)
          .generatedOrders(Math.max(0, clarityOrders - 1)).faults(clarityFaults).port(b.clarityPort));
      started.add(clarity);
      GpSimulator.Options gpOptions = GpSimulator.options().secret(gpSecret).seed(b.seed).faults(gpFaults)
          .port(b.gpPort);
      if (b.stateDir != null) {
        gpOptions.databaseFile(b.stateDir.resolve("gp-company"));
      }
      this.gp = GpSimulator.start(gpOptions);
      started.add(gp);
      String slJdbc = b.stateDir != null
          ? "jdbc:h2:file:" + b.stateDir.resolve("sl-application").toAbsolutePath() + ";MODE=MSSQLServer;AUTO_SERVER=TRUE"
          : "jdbc:h2:mem:demo-sl-" + UUID.randomUUID() + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1";
      this.sl = SlSimulator.builder().seed(b.seed).faults(slFaults).zone(SL_ZONE).jdbcUrl(slJdbc).port(b.slPort)
          .start();
      started.add(sl);
      seedOrders(clarityOrders);
      seedMappings();
      seedErpCustomers();
    } catch (RuntimeException e) {
      for (AutoCloseable c : started) {
        try {
          c.close();
        } catch (Exception suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
    faults.forEach(f -> f.enabled(true));
  }

  private static FaultSchedule schedule(Builder b, int salt) {
    return FaultSchedule.seeded(b.seed * 31 + salt).rate(b.faultRate).build();
  }

  /** Starts configuring a world; defaults: seed 42, 200 orders, no faults, free ports, all in memory. */
  public static Builder builder() {
    return new Builder();
  }

  // ------------------------------------------------------------------ endpoints and credentials

  public URI magentoUrl() {
    return magento.baseUri();
  }

  /** Magento's integration credentials (OAuth 1.0a). */
  public MagentoSimulator.Credentials magentoCredentials() {
    return magento.credentials();
  }

  public URI clarityUrl() {
    return clarity.baseUri();
  }

  public URI gpUrl() {
    return gp.baseUri();
  }

  /** The GP agent's shared secret. */
  public String gpSecret() {
    return gpSecret;
  }

  public URI slUrl() {
    return sl.baseUri();
  }

  /** The JDBC URL of SL's application tables (H2 in MSSQLServer mode), for SL change polling. */
  public String slJdbcUrl() {
    return sl.jdbcUrl();
  }

  /** The JDBC URL of GP's company database (user {@code sa}, empty password). */
  public String gpJdbcUrl() {
    return gp.jdbcUrl();
  }

  public MagentoSimulator magento() {
    return magento;
  }

  public ClaritySimulator clarity() {
    return clarity;
  }

  public GpSimulator gp() {
    return gp;
  }

  public SlSimulator sl() {
    return sl;
  }

  /** Turns the random faults of all four simulators on or off (e.g. off while a test inspects them). */
  public void faultsEnabled(boolean on) {
    faults.forEach(f -> f.enabled(on));
  }

  /**
   * The mappings of one pair as a JSON document in the shape of the SDK's {@code FlowMappings.fromJson}:
   * {@code {"strictSkus": true, "skus": {...}, "orderSites": {...}, "defaultSite": ..., "stockSources": {...},
   * "paymentMethods": {"checkmo": {"checkbookId": "OPERATING"}}, "shippingMethods": {...},
   * "customerGroups": {...}, "basePriceList": ...}}.
   */
  public String mappingsJson(Storefront storefront, Erp erp) {
    Mappings m = mappings(storefront, erp);
    ObjectNode doc = JSON.createObjectNode();
    doc.put("strictSkus", true);
    ObjectNode skus = doc.putObject("skus");
    new TreeMap<>(m.skus()).forEach(skus::put);
    ObjectNode sites = doc.putObject("orderSites");
    m.orderSites().forEach(sites::put);
    doc.put("defaultSite", m.defaultSite());
    ObjectNode sources = doc.putObject("stockSources");
    m.stockSources().forEach(sources::put);
    ObjectNode payments = doc.putObject("paymentMethods");
    m.paymentMethods().forEach((method, a) -> {
      ObjectNode account = payments.putObject(method).put("checkbookId", a.checkbookId());
      if (a.cardName() != null) {
        account.put("cardName", a.cardName());
      }
    });
    ObjectNode shipping = doc.putObject("shippingMethods");
    m.shippingMethods().forEach(shipping::put);
    ObjectNode groups = doc.putObject("customerGroups");
    m.customerGroups().forEach(groups::put);
    if (m.basePriceList() != null) {
      doc.put("basePriceList", m.basePriceList());
    }
    return doc.toPrettyString();
  }

  /**
   * Everything an application needs to reach the four simulators, as the environment variables the
   * examples read: {@code MAGENTO_URL}, {@code MAGENTO_CONSUMER_KEY}, {@code MAGENTO_CONSUMER_SECRET},
   * {@code MAGENTO_ACCESS_TOKEN}, {@code MAGENTO_ACCESS_TOKEN_SECRET}, {@code CLARITY_URL},
   * {@code CLARITY_API_KEY}, {@code GP_AGENT_URL}, {@code GP_AGENT_KEY}, {@code GP_COMPANY}, {@code SL_URL},
   * {@code SL_API_KEY}, {@code SL_API_SECRET}, {@code SL_COMPANY}, {@code SL_ZONE}, {@code SL_JDBC_URL},
   * {@code SL_REFUND_ACCOUNT}, {@code SL_FREIGHT_REFUND_ACCOUNT}, {@code SL_TAX_REFUND_ACCOUNT}, and per
   * pair a mappings file written into {@code dir}: {@code MAGENTO_GP_MAPPINGS}, {@code MAGENTO_SL_MAPPINGS},
   * {@code CLARITY_GP_MAPPINGS}, {@code CLARITY_SL_MAPPINGS}.
   */
  public Map<String, String> environment(Path dir) {
    Map<String, String> env = new LinkedHashMap<>();
    MagentoSimulator.Credentials c = magento.credentials();
    env.put("MAGENTO_URL", magentoUrl().toString());
    env.put("MAGENTO_CONSUMER_KEY", c.consumerKey());
    env.put("MAGENTO_CONSUMER_SECRET", c.consumerSecret());
    env.put("MAGENTO_ACCESS_TOKEN", c.accessToken());
    env.put("MAGENTO_ACCESS_TOKEN_SECRET", c.accessTokenSecret());
    env.put("CLARITY_URL", clarityUrl().toString());
    env.put("CLARITY_API_KEY", CLARITY_API_KEY);
    env.put("GP_AGENT_URL", gpUrl().toString());
    env.put("GP_AGENT_KEY", gpSecret);
    env.put("GP_COMPANY", GP_COMPANY);
    env.put("SL_URL", slUrl().toString());
    env.put("SL_API_KEY", SL_API_KEY);
    env.put("SL_API_SECRET", SL_API_SECRET);
    env.put("SL_COMPANY", SL_COMPANY);
    env.put("SL_ZONE", SL_ZONE.getId());
    env.put("SL_JDBC_URL", slJdbcUrl());
    env.put("SL_REFUND_ACCOUNT", SL_REFUND_ACCOUNT);
    env.put("SL_FREIGHT_REFUND_ACCOUNT", SL_FREIGHT_REFUND_ACCOUNT);
    env.put("SL_TAX_REFUND_ACCOUNT", SL_TAX_REFUND_ACCOUNT);
    try {
      java.nio.file.Files.createDirectories(dir);
      for (Storefront s : Storefront.values()) {
        for (Erp e : Erp.values()) {
          String name = s.name() + "_" + e.name() + "_MAPPINGS";
          Path file = dir.resolve(s.name().toLowerCase(Locale.ROOT) + "-" + e.name().toLowerCase(Locale.ROOT)
              + "-mappings.json");
          java.nio.file.Files.writeString(file, mappingsJson(s, e));
          env.put(name, file.toAbsolutePath().toString());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return env;
  }

  // ------------------------------------------------------------------ what was seeded

  /** Every storefront order, Magento's first. */
  public List<DemoOrder> orders() {
    return List.copyOf(orders);
  }

  /** The orders of {@code storefront}. */
  public List<DemoOrder> orders(Storefront storefront) {
    return orders.stream().filter(o -> o.storefront() == storefront).toList();
  }

  /** The near-duplicate customers seeded in the ERPs. */
  public List<SeededCustomer> seededCustomers() {
    return List.copyOf(seededCustomers);
  }

  /** The mapping tables of one pair. */
  public Mappings mappings(Storefront storefront, Erp erp) {
    return mappings.get(storefront).get(erp);
  }

  /** The shipments the ERPs made so far. */
  public List<ErpShipment> erpShipments() {
    synchronized (shipments) {
      return List.copyOf(shipments);
    }
  }

  // ------------------------------------------------------------------ seeding

  private void seedOrders(int clarityOrders) {
    List<Long> ids = new ArrayList<>(magento.orderIds());
    int invalidEvery = Math.max(8, ids.size() / 3 + 1);
    for (int i = 0; i < ids.size(); i++) {
      ObjectNode order = (ObjectNode) read(magento.orderJson(ids.get(i)));
      boolean changed = false;
      String invalid = null;
      if (i % 3 == 1 && order.path("payment").isObject()) {
        // a third of the orders are paid by card through Braintree
        ObjectNode payment = (ObjectNode) order.get("payment");
        payment.put("method", "braintree");
        payment.put("cc_type", "VI");
        payment.put("cc_last4", String.format("%04d", 1000 + random.nextInt(9000)));
        payment.put("last_trans_id", "bt_" + Long.toString(Math.abs(random.nextLong()) % 100_000_000L, 36));
        changed = true;
      }
      if (i % invalidEvery == invalidEvery - 1 || invalidEvery > ids.size() && i == ids.size() - 1) {
        for (JsonNode item : order.path("items")) {
          if (!item.has("parent_item_id") && "simple".equals(item.path("product_type").asText())) {
            ((ObjectNode) item).put("sku", UNKNOWN_SKU);
            invalid = "sku " + UNKNOWN_SKU + " is not in any mapping";
            changed = true;
            break;
          }
        }
      }
      if (changed) {
        magento.putOrder(order.toString());
      }
      String state = order.path("state").asText();
      String email = order.path("customer_email").asText();
      orders.add(new DemoOrder(Storefront.MAGENTO, order.path("increment_id").asText(), state,
          !MAGENTO_NOT_SENT.contains(state), invalid, email));
      JsonNode billing = order.path("billing_address");
      storefrontCustomers.computeIfAbsent(Storefront.MAGENTO, k -> new LinkedHashMap<>()).putIfAbsent(normal(email),
          new Customer(email, order.path("customer_firstname").asText(billing.path("firstname").asText()),
              order.path("customer_lastname").asText(billing.path("lastname").asText()),
              billing.path("postcode").asText(), billing.path("street").path(0).asText(), billing.path("city").asText(),
              billing.path("region_code").asText()));
    }
    List<String> numbers = clarity.orderNumbers();
    int clarityInvalidEvery = Math.max(8, numbers.size() / 3 + 1);
    for (int i = 0; i < numbers.size(); i++) {
      ObjectNode order = (ObjectNode) read(clarity.orderJson(numbers.get(i)).orElseThrow());
      String status = clarity.orderStatus(numbers.get(i)).orElse("");
      String invalid = null;
      if (i % clarityInvalidEvery == clarityInvalidEvery - 1
          || clarityInvalidEvery > numbers.size() && i == numbers.size() - 1) {
        ((ObjectNode) order.path("lineItems").get(0)).put("sku", UNKNOWN_SKU);
        invalid = "sku " + UNKNOWN_SKU + " is not in any mapping";
        clarity.addOrder(order.toString());
        clarity.setOrderStatus(numbers.get(i), status);
      }
      String v1 = status.toLowerCase(Locale.ROOT).replace(' ', '_');
      JsonNode bill = order.path("billingAddress");
      JsonNode ship = order.path("shippingAddress");
      if (invalid == null && !latin1(bill.path("firstName").asText() + bill.path("lastName").asText()
          + ship.path("firstName").asText() + ship.path("lastName").asText())) {
        invalid = "customer name outside windows-1252, which GP and SL char columns cannot store";
      }
      String email = order.path("email").asText();
      orders.add(new DemoOrder(Storefront.CLARITY, numbers.get(i), status, CLARITY_SENT.contains(v1), invalid, email));
      JsonNode billing = order.path("billingAddress");
      storefrontCustomers.computeIfAbsent(Storefront.CLARITY, k -> new LinkedHashMap<>()).putIfAbsent(normal(email),
          new Customer(email, billing.path("firstName").asText(), billing.path("lastName").asText(),
              billing.path("postalCode").asText(), billing.path("line1").asText(), billing.path("city").asText(),
              billing.path("region").asText()));
    }
  }

  private void seedMappings() {
    List<String> gpItems = new ArrayList<>();
    for (Map<String, Object> row : gp.query("SELECT i.ITEMNMBR FROM IV00101 i WHERE EXISTS (SELECT 1 FROM IV00102 q"
        + " WHERE q.ITEMNMBR = i.ITEMNMBR AND q.RCRDTYPE = 2 AND q.LOCNCODE = 'MAIN' AND q.QTYONHND > 0)"
        + " ORDER BY i.ITEMNMBR")) {
      gpItems.add((String) row.get("ITEMNMBR"));
    }
    List<String> slItems = new ArrayList<>();
    for (String row : sl.rows("ItemSite")) {
      JsonNode r = read(row);
      if (r.path("SiteID").asText().trim().equals("AUSTIN") && r.path("QtyAvail").asDouble() > 0) {
        slItems.add(r.path("InvtID").asText().trim());
      }
    }
    slItems = slItems.stream().distinct().sorted().toList();
    List<String> magentoSkus = magento.skus().stream().sorted().toList();
    List<String> claritySkus = new ArrayList<>();
    for (DemoOrder o : orders(Storefront.CLARITY)) {
      for (JsonNode line : read(clarity.orderJson(o.number()).orElseThrow()).path("lineItems")) {
        claritySkus.add(line.path("sku").asText());
      }
    }
    claritySkus = claritySkus.stream().filter(s -> !s.equals(UNKNOWN_SKU)).distinct().sorted().toList();

    // gift cards, store credit and reward points (Adobe Commerce on Magento, gift cards on Clarity: split
    // payments) are booked like cash in the same checkbook / account here; a real chart of accounts would
    // send them to their liability accounts' checkbooks
    Map<String, PaymentAccount> magentoGpPayments = Map.of("checkmo", new PaymentAccount("OPERATING", null),
        "braintree", new PaymentAccount("OPERATING", "VISA"), "giftcardaccount", new PaymentAccount("OPERATING", null),
        "customerbalance", new PaymentAccount("OPERATING", null), "reward", new PaymentAccount("OPERATING", null));
    Map<String, PaymentAccount> clarityGpPayments = Map.of("credit_card", new PaymentAccount("OPERATING", "VISA"),
        "gift_card", new PaymentAccount("OPERATING", null));
    Map<String, PaymentAccount> magentoSlPayments = Map.of("checkmo", new PaymentAccount("1010", null),
        "braintree", new PaymentAccount("1205", null), "giftcardaccount", new PaymentAccount("1205", null),
        "customerbalance", new PaymentAccount("1205", null), "reward", new PaymentAccount("1205", null));
    Map<String, PaymentAccount> claritySlPayments = Map.of("credit_card", new PaymentAccount("1205", null),
        "gift_card", new PaymentAccount("1205", null));

    Map<Erp, Mappings> forMagento = new EnumMap<>(Erp.class);
    forMagento.put(Erp.GP, new Mappings(table(magentoSkus, gpItems), Map.of("default", "MAIN", "wh_austin", "EAST"),
        "MAIN", Map.of("MAIN", "default", "EAST", "wh_austin"), magentoGpPayments,
        Map.of("flatrate_flatrate", "UPS GROUND", "freeshipping_freeshipping", "UPS GROUND"),
        Map.of("RETAIL", "1", "WHOLESALE", "2"), "RETAIL"));
    forMagento.put(Erp.SL, new Mappings(table(magentoSkus, slItems), Map.of("default", "AUSTIN", "wh_austin", "DALLAS"),
        "AUSTIN", Map.of("AUSTIN", "default", "DALLAS", "wh_austin"), magentoSlPayments,
        Map.of("flatrate_flatrate", "UPS-GROUND", "freeshipping_freeshipping", "USPS-PRIORITY"),
        Map.of("WEB", "1", "WHOLE", "2"), null));
    mappings.put(Storefront.MAGENTO, forMagento);
    Map<Erp, Mappings> forClarity = new EnumMap<>(Erp.class);
    forClarity.put(Erp.GP, new Mappings(table(claritySkus, gpItems), Map.of("AUSTIN", "MAIN", "DALLAS", "EAST"),
        "MAIN", Map.of("MAIN", "AUSTIN", "EAST", "DALLAS"), clarityGpPayments, Map.of(),
        Map.of("RETAIL", "retail", "WHOLESALE", "wholesale"), "RETAIL"));
    Map<String, String> claritySl = new LinkedHashMap<>();
    for (String sku : claritySkus) {
      // the SL simulator sells Clarity's sample items under the same numbers
      claritySl.put(sku, slItems.contains(sku) ? sku : slItems.get(Math.floorMod(sku.hashCode(), slItems.size())));
    }
    forClarity.put(Erp.SL, new Mappings(claritySl, Map.of("AUSTIN", "AUSTIN", "DALLAS", "DALLAS"), "AUSTIN",
        Map.of("AUSTIN", "AUSTIN", "DALLAS", "DALLAS"), claritySlPayments, Map.of(),
        Map.of("WEB", "retail", "WHOLE", "wholesale"), null));
    mappings.put(Storefront.CLARITY, forClarity);
  }

  /** Storefront skus onto ERP items, round robin: several skus may share an item. */
  private static Map<String, String> table(List<String> skus, List<String> items) {
    if (items.isEmpty()) {
      throw new IllegalStateException("the ERP simulator has no stocked items to map skus to");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < skus.size(); i++) {
      out.put(skus.get(i), items.get(i % items.size()));
    }
    return out;
  }

  /**
   * Seeds some storefront customers in both ERPs as near-duplicates. Only customers of orders expected in
   * the ERPs, with names the ERPs' code page can hold.
   */
  private void seedErpCustomers() {
    int n = 0;
    for (Storefront storefront : Storefront.values()) {
      Set<String> done = new LinkedHashSet<>();
      for (DemoOrder o : orders(storefront)) {
        Customer c = storefrontCustomers.get(storefront).get(normal(o.email()));
        if (!o.expectedInErp() || c == null || !done.add(normal(o.email())) || !latin1(c.firstName() + c.lastName())
            || c.postalCode().isBlank() || c.lastName().isBlank()) {
          continue;
        }
        if (done.size() > 6) {
          break;
        }
        String kind = switch (n % 3) {
          case 0 -> "email-case";
          case 1 -> "name-postal";
          default -> "same-email";
        };
        String email = switch (kind) {
          case "email-case" -> "  " + c.email().toUpperCase(Locale.ROOT) + " ";
          case "name-postal" -> "old." + c.email().substring(0, c.email().indexOf('@')) + "@example.org";
          default -> c.email();
        };
        String id = "EX" + ascii(c.lastName()).toUpperCase(Locale.ROOT);
        id = (id.length() > 9 ? id.substring(0, 9) : id) + String.format("%04d", n + 1);
        boolean seeded = false;
        // an ERP that already knows the person (SL's sample customer is Clarity's) gets no second record
        if (gp.query("SELECT CUSTNMBR FROM RM00101 WHERE CUSTNMBR = ?", id).isEmpty()
            && matching(gpCustomers(), c).isEmpty()) {
          seedGpCustomer(id, c, email);
          seededCustomers.add(new SeededCustomer(Erp.GP, id, c.email(), kind));
          seeded = true;
        }
        if (matching(slCustomers(), c).isEmpty()) {
          seedSlCustomer(id, c, email);
          seededCustomers.add(new SeededCustomer(Erp.SL, id, c.email(), kind));
          seeded = true;
        }
        n += seeded ? 1 : 0;
      }
    }
  }

  private void seedGpCustomer(String id, Customer c, String email) {
    if (!gp.query("SELECT CUSTNMBR FROM RM00101 WHERE CUSTNMBR = ?", id).isEmpty()) {
      return;   // a persisted company database from an earlier start already has it
    }
    Instant at = Instant.parse("2024-01-15T10:00:00Z");
    String name = c.firstName() + " " + c.lastName();
    gp.execute("INSERT INTO RM00101 (CUSTNMBR, CUSTNAME, CNTCPRSN, STMTNAME, ADRSCODE, ADDRESS1, CITY, STATE, ZIP,"
        + " COUNTRY, PRBTADCD, PRSTADCD, STADDRCD, CURNCYID, PRCLEVEL, HOLD, CCode, CRLMTTYP, CRLMTAMT, DEX_ROW_TS)"
        + " VALUES (?, ?, ?, ?, 'PRIMARY', ?, ?, ?, ?, 'United States', 'PRIMARY', 'PRIMARY', 'PRIMARY', 'Z-US$',"
        + " 'RETAIL', 0, 'US', 2, 2500, ?)", id, name, name, name, c.street(), c.city(), c.region(), c.postalCode(), at);
    gp.execute("INSERT INTO RM00102 (CUSTNMBR, ADRSCODE, CNTCPRSN, ADDRESS1, CITY, STATE, ZIP, COUNTRY, ShipToName,"
        + " DEX_ROW_TS) VALUES (?, 'PRIMARY', ?, ?, ?, ?, ?, 'United States', ?, ?)", id, name, c.street(), c.city(),
        c.region(), c.postalCode(), name, at);
    gp.execute("INSERT INTO SY01200 (Master_Type, Master_ID, ADRSCODE, INET1, EmailToAddress, DEX_ROW_TS)"
        + " VALUES ('CUS', ?, 'PRIMARY', ?, ?, ?)", id, email, email, at);
  }

  private void seedSlCustomer(String id, Customer c, String email) {
    ObjectNode row = JSON.createObjectNode();
    String name = c.firstName() + " " + c.lastName();
    row.put("CustId", id).put("Name", name).put("Attn", name).put("Addr1", c.street()).put("City", c.city())
        .put("State", c.region()).put("Zip", c.postalCode()).put("Country", "USA").put("EMailAddr", email)
        .put("BillName", name).put("BillAttn", name).put("BillAddr1", c.street()).put("BillCity", c.city())
        .put("BillState", c.region()).put("BillZip", c.postalCode()).put("BillCountry", "USA").put("ClassId", "WEB")
        .put("Terms", "30").put("Status", "A").put("CrLmt", 2500).put("CuryId", "USD");
    sl.put("Customer", row.toString());
  }

  // ------------------------------------------------------------------ the ERPs at work

  /**
   * The ERPs ship what they hold, as their users would: each storefront order present in an ERP and not
   * yet shipped on the storefront is shipped by one of the two ERPs (alternating), with one or two parcels.
   * GP: the sales order is transferred to an invoice — order to history, invoice (SOPTYPE 3) posted in
   * SOP30200 with its tracking numbers in SOP10107 and an open receivable in RM20101. SL: a shipper
   * ({@link SlSimulator#fulfil}) and its invoice ({@link SlSimulator#invoice}). Orders shipped before are
   * left alone, so calling it again ships only what is new. Returns the shipments made now.
   */
  public List<ErpShipment> shipInErps() {
    List<ErpShipment> made = new ArrayList<>();
    Map<String, Map<String, Object>> gpOrders = new LinkedHashMap<>();
    for (Map<String, Object> row : gp.query("SELECT SOPNUMBE, CSTPONBR, CUSTNMBR, CUSTNAME, SHIPMTHD, SUBTOTAL,"
        + " FRTAMNT, TAXAMNT, DOCAMNT, CURNCYID, DOCDATE FROM SOP10100 WHERE SOPTYPE = 2 ORDER BY SOPNUMBE")) {
      gpOrders.putIfAbsent(((String) row.get("CSTPONBR")).toUpperCase(Locale.ROOT), row);
    }
    Map<String, String> slOrders = new LinkedHashMap<>();
    for (String row : sl.rows("SOHeader")) {
      JsonNode h = read(row);
      if (h.path("CpnyID").asText().trim().equals(SL_COMPANY) && !"C".equals(h.path("Status").asText().trim())) {
        slOrders.putIfAbsent(h.path("CustOrdNbr").asText().trim().toUpperCase(Locale.ROOT), h.path("OrdNbr").asText().trim());
      }
    }
    int index = 0;
    for (DemoOrder o : orders) {
      String key = o.storefront() + ":" + o.number();
      String number = o.number().toUpperCase(Locale.ROOT);
      if (shipped.contains(key) || !shippableOnStorefront(o)) {
        continue;
      }
      Erp erp = index++ % 2 == 0 ? Erp.GP : Erp.SL;
      if (erp == Erp.GP && !gpOrders.containsKey(number)) {
        erp = Erp.SL;
      } else if (erp == Erp.SL && !slOrders.containsKey(number)) {
        erp = Erp.GP;
      }
      List<String> tracking = new ArrayList<>();
      int parcels = random.nextInt(4) == 0 ? 2 : 1;
      for (int p = 0; p < parcels; p++) {
        tracking.add("1Z" + String.format("%06d", Math.floorMod(seed, 1_000_000)) + String.format("%010d",
            Math.floorMod(random.nextLong(), 10_000_000_000L)));
      }
      ErpShipment s = null;
      if (erp == Erp.GP && gpOrders.containsKey(number)) {
        s = shipInGp(o, gpOrders.get(number), tracking);
      } else if (erp == Erp.SL && slOrders.containsKey(number)) {
        String shipper = sl.fulfil(SL_COMPANY, slOrders.get(number), tracking, null);
        String invoice = sl.invoice(SL_COMPANY, shipper);
        s = new ErpShipment(o.storefront(), o.number(), Erp.SL, shipper, invoice, List.copyOf(tracking));
      }
      if (s != null) {
        shipped.add(key);
        made.add(s);
      }
    }
    synchronized (shipments) {
      shipments.addAll(made);
    }
    return made;
  }

  /** Whether the storefront would still accept a shipment for {@code o}. */
  private boolean shippableOnStorefront(DemoOrder o) {
    if (o.storefront() == Storefront.MAGENTO) {
      Optional<Long> id = magento.orderIds().stream()
          .filter(x -> o.number().equals(read(magento.orderJson(x)).path("increment_id").asText())).findFirst();
      if (id.isEmpty()) {
        return false;
      }
      JsonNode order = read(magento.orderJson(id.get()));
      String state = order.path("state").asText();
      if (!state.equals("new") && !state.equals("processing")) {
        return false;
      }
      for (JsonNode item : order.path("items")) {
        if (item.path("qty_shipped").asDouble() > 0) {
          return false;
        }
      }
      return true;
    }
    String status = clarity.orderStatus(o.number()).orElse("");
    return Set.of("Pending", "Confirmed", "Processing", "On Hold").contains(status) && clarity.shipmentCount(o.number()) == 0;
  }

  private ErpShipment shipInGp(DemoOrder o, Map<String, Object> order, List<String> tracking) {
    String sop = (String) order.get("SOPNUMBE");
    String invoice = sop.startsWith("WEB") ? "INV" + sop.substring(3) : ("I" + sop);
    invoice = invoice.length() > 21 ? invoice.substring(0, 21) : invoice;
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String batch = "SHIP" + now.atZone(java.time.ZoneOffset.UTC).toLocalDate().toString().replace("-", "").substring(2);
    gp.execute("INSERT INTO SOP30200 (SOPTYPE, SOPNUMBE, ORIGTYPE, ORIGNUMB, DOCID, DOCDATE, ACTLSHIP, CUSTNMBR, CUSTNAME,"
        + " CSTPONBR, SHIPMTHD, SUBTOTAL, FRTAMNT, TAXAMNT, DOCAMNT, VOIDSTTS, BACHNUMB, DEX_ROW_TS)"
        + " SELECT SOPTYPE, SOPNUMBE, ORIGTYPE, ORIGNUMB, DOCID, DOCDATE, ?, CUSTNMBR, CUSTNAME, CSTPONBR, SHIPMTHD,"
        + " SUBTOTAL, FRTAMNT, TAXAMNT, DOCAMNT, 0, BACHNUMB, ? FROM SOP10100 WHERE SOPTYPE = 2 AND SOPNUMBE = ?",
        now, now, sop);
    gp.execute("DELETE FROM SOP10100 WHERE SOPTYPE = 2 AND SOPNUMBE = ?", sop);
    gp.execute("INSERT INTO SOP30200 (SOPTYPE, SOPNUMBE, ORIGTYPE, ORIGNUMB, DOCID, DOCDATE, ACTLSHIP, CUSTNMBR, CUSTNAME,"
        + " CSTPONBR, SHIPMTHD, SUBTOTAL, FRTAMNT, TAXAMNT, DOCAMNT, VOIDSTTS, BACHNUMB, DEX_ROW_TS)"
        + " VALUES (3, ?, 2, ?, 'STDINV', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)", invoice, sop, now, now,
        order.get("CUSTNMBR"), order.get("CUSTNAME"), order.get("CSTPONBR"), order.get("SHIPMTHD"), order.get("SUBTOTAL"),
        order.get("FRTAMNT"), order.get("TAXAMNT"), order.get("DOCAMNT"), batch, now);
    for (String t : tracking) {
      gp.execute("INSERT INTO SOP10107 (SOPNUMBE, SOPTYPE, Tracking_Number) VALUES (?, 3, ?)", invoice, t);
    }
    gp.execute("INSERT INTO RM20101 (CUSTNMBR, RMDTYPAL, DOCNUMBR, DOCDATE, DUEDATE, ORTRXAMT, CURTRXAM, CSPORNBR,"
        + " CURNCYID, DEX_ROW_TS) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?)", order.get("CUSTNMBR"), invoice, now,
        now.plus(Duration.ofDays(30)), order.get("DOCAMNT"), order.get("DOCAMNT"), order.get("CSTPONBR"),
        order.get("CURNCYID") == null || ((String) order.get("CURNCYID")).isBlank() ? "Z-US$" : order.get("CURNCYID"), now);
    return new ErpShipment(o.storefront(), o.number(), Erp.GP, invoice, invoice, List.copyOf(tracking));
  }

  /**
   * Refunds one unit of up to {@code count} Magento orders that are invoiced and expected in the ERPs, as the
   * shop's staff would (offline credit memos, some with a restocking fee). Returns the refunded order numbers.
   */
  public List<String> refundSome(int count) {
    return refundMagento(count, (number, nth) ->
        magento.refund(number, BigDecimal.ONE, nth % 2 == 0 ? BigDecimal.ZERO : new BigDecimal("2.50")));
  }

  /**
   * Refunds money only — no goods back — on up to {@code count} Magento orders that are invoiced, expected in
   * the ERPs and not refunded yet, as the shop's staff would for a late delivery: an offline credit memo
   * without items, 5.00 of goodwill ({@code adjustment_positive}) and, on every second one, the shipping
   * charged. The ERPs take these as a GP RM credit memo and an SL AR credit memo. Returns the order numbers.
   */
  public List<String> refundMoneyOnly(int count) {
    return refundMagento(count, (number, nth) -> magento.refundAdjustment(number, new BigDecimal("5.00"), nth % 2 == 1));
  }

  /**
   * Applies {@code refund} (given the order number and how many were refunded before it) to Magento orders
   * expected in the ERPs without any credit memo yet, oldest first, until {@code count} took; an order the
   * simulator refuses to refund (not invoiced, too little left) is passed over.
   */
  private List<String> refundMagento(int count, java.util.function.ObjIntConsumer<String> refund) {
    // a refund to store credit leaves total_refunded at 0: count the credit memos themselves
    JsonNode byOrder = read(magento.stats()).path("documents_by_order");
    List<String> refunded = new ArrayList<>();
    for (Long id : magento.orderIds()) {
      if (refunded.size() >= count) {
        break;
      }
      String number = read(magento.orderJson(id)).path("increment_id").asText();
      boolean expected = orders.stream().anyMatch(o -> o.storefront() == Storefront.MAGENTO
          && o.number().equals(number) && o.expectedInErp());
      if (!expected || byOrder.path(number).path("creditmemos").asInt() > 0) {
        continue;
      }
      try {
        refund.accept(number, refunded.size());
        refunded.add(number);
      } catch (IllegalArgumentException nothingToRefund) {
        // not invoiced yet, or too little left to refund
      }
    }
    return refunded;
  }

  /**
   * Refunds one unit of up to {@code count} Clarity orders expected in the ERPs, as a refunded return (every
   * second one keeping a restocking fee), as {@link #refundSome} does for Magento. Returns the order numbers.
   */
  public List<String> refundClarity(int count) {
    List<String> refunded = new ArrayList<>();
    for (DemoOrder o : orders) {
      if (refunded.size() >= count) {
        break;
      }
      if (o.storefront() != Storefront.CLARITY || !o.expectedInErp()) {
        continue;
      }
      try {
        clarity.refund(o.number(), BigDecimal.ONE, refunded.size() % 2 == 0 ? BigDecimal.ZERO : new BigDecimal("2.50"));
        refunded.add(o.number());
      } catch (IllegalArgumentException nothingToReturn) {
        // no line left to return
      }
    }
    return refunded;
  }

  // ------------------------------------------------------------------ audit

  /** What the simulators hold now, read from their own state (no HTTP, no faults). */
  public Audit audit() {
    Map<Erp, Map<String, Integer>> sales = new EnumMap<>(Erp.class);
    @SuppressWarnings("unchecked")
    Map<String, Integer> gpOrders = (Map<String, Integer>) gp.stats().get("salesOrdersByCstponbr");
    sales.put(Erp.GP, upper(gpOrders));
    sales.put(Erp.SL, upper(sl.ordersPerCustOrdNbr()));
    Map<String, Integer> returns = new TreeMap<>();
    for (Map<String, Object> r : gp.query("SELECT CSTPONBR FROM SOP10100 WHERE SOPTYPE = 4 UNION ALL"
        + " SELECT CSTPONBR FROM SOP30200 WHERE SOPTYPE = 4")) {
      returns.merge(((String) r.get("CSTPONBR")).toUpperCase(Locale.ROOT), 1, Integer::sum);
    }
    Map<String, Integer> slReturns = new TreeMap<>();
    for (String row : sl.rows("SOHeader")) {
      JsonNode h = read(row);
      if (h.path("SOTypeID").asText().equals("CM")) {
        slReturns.merge(h.path("User3").asText().toUpperCase(Locale.ROOT), 1, Integer::sum);
      }
    }
    Map<Erp, Map<String, Set<String>>> copies = new EnumMap<>(Erp.class);
    copies.put(Erp.GP, customerCopies(gpCustomers()));
    copies.put(Erp.SL, customerCopies(slCustomers()));
    Map<String, Integer> shipmentsPer = new TreeMap<>();
    Map<String, Integer> invoicesPer = new TreeMap<>();
    int delivered = 0;
    JsonNode byOrder = read(magento.stats()).path("documents_by_order");
    for (ErpShipment e : erpShipments()) {
      String key = e.storefront() + ":" + e.orderNumber();
      if (e.storefront() == Storefront.MAGENTO) {
        JsonNode docs = byOrder.path(e.orderNumber());
        shipmentsPer.put(key, docs.path("shipments").asInt());
        invoicesPer.put(key, docs.path("invoices").asInt());
        List<String> tracks = new ArrayList<>();
        docs.path("tracks").forEach(t -> tracks.add(t.asText()));
        delivered += tracks.containsAll(e.trackingNumbers()) ? 1 : 0;
      } else {
        List<List<String>> tracks = clarity.trackingNumbers(e.orderNumber());
        shipmentsPer.put(key, tracks.size());
        invoicesPer.put(key, clarity.hasInvoice(e.invoice()) ? 1 : 0);
        delivered += tracks.stream().anyMatch(t -> t.containsAll(e.trackingNumbers())) ? 1 : 0;
      }
    }
    Map<String, Integer> refunds = new TreeMap<>();
    byOrder.fields().forEachRemaining(e -> {
      int memos = e.getValue().path("creditmemos").asInt();
      if (memos > 0) {
        refunds.put(e.getKey().toUpperCase(Locale.ROOT), memos);
      }
    });
    for (String number : clarity.returnNumbers()) {
      JsonNode r = read(clarity.returnJson(number).orElseThrow());
      if (r.path("status").asText().equals("refunded")) {
        refunds.merge(r.path("orderNumber").asText().toUpperCase(Locale.ROOT), 1, Integer::sum);
      }
    }
    return new Audit(Map.copyOf(sales), Map.copyOf(copies), shipmentsPer, delivered, invoicesPer, Map.copyOf(returns),
        Map.copyOf(slReturns), upper(gp.creditMemosByCstponbr()), upper(sl.arCreditMemosPerCustOrdNbr()),
        Map.copyOf(refunds));
  }

  /** GP's customers as {id, contact name, e-mail, postal code} rows (one per address and e-mail). */
  private List<String[]> gpCustomers() {
    List<String[]> out = new ArrayList<>();
    for (Map<String, Object> r : gp.query("SELECT c.CUSTNMBR, c.CNTCPRSN, e.INET1, a.ZIP FROM RM00101 c"
        + " LEFT JOIN SY01200 e ON e.Master_Type = 'CUS' AND e.Master_ID = c.CUSTNMBR"
        + " LEFT JOIN RM00102 a ON a.CUSTNMBR = c.CUSTNMBR")) {
      out.add(new String[] {(String) r.get("CUSTNMBR"), (String) r.get("CNTCPRSN"), (String) r.get("INET1"),
          (String) r.get("ZIP")});
    }
    return out;
  }

  /** SL's customers as {id, name, e-mail, postal code} rows. */
  private List<String[]> slCustomers() {
    List<String[]> out = new ArrayList<>();
    for (String row : sl.rows("Customer")) {
      JsonNode c = read(row);
      out.add(new String[] {c.path("CustId").asText(), c.path("Name").asText(), c.path("EMailAddr").asText(),
          c.path("Zip").asText()});
    }
    return out;
  }

  /** The ids of the ERP customers matching {@code c} by normalised e-mail, or by name and postal code. */
  private static Set<String> matching(List<String[]> erpCustomers, Customer c) {
    String email = normal(c.email());
    String name = name(c.firstName() + c.lastName());
    String postal = postal(c.postalCode());
    Set<String> ids = new LinkedHashSet<>();
    for (String[] e : erpCustomers) {
      boolean sameEmail = email.equals(normal(e[2]));
      boolean sameNamePostal = !name.isEmpty() && name.equals(name(e[1])) && !postal.isEmpty()
          && postal.equals(postal(e[3]));
      if (sameEmail || sameNamePostal) {
        ids.add(e[0].trim().toUpperCase(Locale.ROOT));
      }
    }
    return ids;
  }

  /** For each storefront customer: ERP customers matching by e-mail, or by name and postal code. */
  private Map<String, Set<String>> customerCopies(List<String[]> erpCustomers) {
    Map<String, Set<String>> out = new TreeMap<>();
    for (Map<String, Customer> byEmail : storefrontCustomers.values()) {
      for (Customer c : byEmail.values()) {
        out.computeIfAbsent(normal(c.email()), k -> new java.util.TreeSet<>()).addAll(matching(erpCustomers, c));
      }
    }
    return out;
  }

  private static Map<String, Integer> upper(Map<String, Integer> in) {
    Map<String, Integer> out = new TreeMap<>();
    in.forEach((k, v) -> out.merge(k.trim().toUpperCase(Locale.ROOT), v, Integer::sum));
    return out;
  }

  // ------------------------------------------------------------------ normalising (the matching rules the SDK documents)

  static String normal(String email) {
    return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
  }

  static String name(String name) {
    if (name == null) {
      return "";
    }
    String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }

  static String postal(String postalCode) {
    return postalCode == null ? "" : postalCode.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
  }

  private static boolean latin1(String s) {
    return java.nio.charset.Charset.forName("windows-1252").newEncoder().canEncode(s);
  }

  private static String ascii(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "");
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    for (AutoCloseable c : List.<AutoCloseable>of(magento, clarity, gp, sl)) {
      try {
        c.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("closing the demo world failed", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public String toString() {
    return "DemoWorld[seed=" + seed + ", orders=" + orders.size() + ", magento=" + magentoUrl() + ", clarity="
        + clarityUrl() + ", gp=" + gpUrl() + ", sl=" + slUrl() + "]";
  }

  /** Configures a {@link DemoWorld}. Not thread-safe. */
  public static final class Builder {
    private long seed = 42;
    private int orders = 200;
    private double faultRate;
    private int magentoPort;
    private int clarityPort;
    private int gpPort;
    private int slPort;
    private Path stateDir;
    private String gpSecret = "gp-demo-secret";

    private Builder() {}

    /** The seed of every generator and fault schedule; default 42. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Storefront orders in all, split between Magento and Clarity; default 200, at least 2. */
    public Builder orders(int orders) {
      if (orders < 2) {
        throw new IllegalArgumentException("orders must be >= 2 (was " + orders + ")");
      }
      this.orders = orders;
      return this;
    }

    /** Share of calls each simulator fails transiently (429 with Retry-After, 503, resets); default 0. */
    public Builder faultRate(double rate) {
      if (rate < 0 || rate > 1) {
        throw new IllegalArgumentException("faultRate must be in [0, 1] (was " + rate + ")");
      }
      this.faultRate = rate;
      return this;
    }

    /** Fixed ports (0 picks a free one) for Magento, Clarity, GP and SL. */
    public Builder ports(int magento, int clarity, int gp, int sl) {
      this.magentoPort = magento;
      this.clarityPort = clarity;
      this.gpPort = gp;
      this.slPort = sl;
      return this;
    }

    /**
     * Keeps GP's company database ({@code gp-company.mv.db}, kept across starts) and SL's table mirror
     * ({@code sl-application.mv.db}, rewritten on each start) as H2 files in {@code dir}; default in memory.
     */
    public Builder stateDir(Path dir) {
      this.stateDir = dir;
      return this;
    }

    /** The GP agent secret the simulator checks; default {@code gp-demo-secret}. */
    public Builder gpSecret(String secret) {
      this.gpSecret = Objects.requireNonNull(secret, "gpSecret");
      return this;
    }

    public DemoWorld start() {
      return new DemoWorld(this);
    }
  }
}
