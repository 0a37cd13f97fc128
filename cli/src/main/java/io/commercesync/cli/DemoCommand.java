package io.commercesync.cli;

import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.flow.FlowOptions;
import io.commercesync.core.flow.Flows;
import io.commercesync.core.flow.SyncFlow;
import io.commercesync.core.pipeline.PipelineListener;
import io.commercesync.core.pipeline.RawRecord;
import io.commercesync.core.pipeline.RunReport;
import io.commercesync.core.pipeline.RunState;
import io.commercesync.core.pipeline.WriteResult;
import io.commercesync.core.resilience.Resilience;
import io.commercesync.core.state.DeadLetter;
import io.commercesync.core.state.DeadLetterFilter;
import io.commercesync.core.state.StateStore;
import io.commercesync.testkit.demo.DemoWorld;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code commercesync demo}: zero configuration. Starts the four simulators in process (a {@link DemoWorld}),
 * connects the four connectors to them, runs every order-to-cash flow for the four pairs (Magento→GP,
 * Magento→SL, Clarity→GP, Clarity→SL) and the catalog, inventory and price flows of both ERPs, then audits
 * the simulators' own state and ends with one line:
 * {@code demo: pairs=4 orders=<N> synced=<n> duplicates=<d> lost=<l> dead-lettered=<k>}.
 *
 * <p>Exit codes: 0 when duplicates and lost are 0 and every flow completed; 1 when an order is duplicated or
 * lost, a refund is entered twice, or a flow failed; 3 when a flow was still paused after its re-runs; 2 for bad options.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Runs every flow for all four storefront/ERP pairs against in-process simulators and audits them.")
final class DemoCommand implements Callable<Integer> {

  /** How often a paused flow is run again before the demo gives up on it. */
  static final int MAX_RUNS = 8;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--orders", defaultValue = "200", description = "Storefront orders in all, split between Magento and Clarity (default 200).")
  int orders;

  @Option(names = "--faults", defaultValue = "0", description = "Share of calls the simulators fail transiently, e.g. 0.2 (default 0).")
  double faults;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated data and faults (default 42).")
  long seed;

  @Option(names = "--store", paramLabel = "DIR", description = "Keep the state store (commercesync.db) in DIR (default: a temporary directory).")
  Path storeDir;

  @Option(names = "--progress", defaultValue = "PT5S", description = "How often long flows print progress (default PT5S).")
  Duration progressEvery;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (orders < 2) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--orders must be >= 2 (was " + orders + ")");
    }
    if (faults < 0 || faults >= 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--faults must be in [0, 1) (was " + faults + ")");
    }
    PrintWriter out = spec.commandLine().getOut();
    Path dir = storeDir != null ? Files.createDirectories(storeDir) : Files.createTempDirectory("commercesync-demo");
    out.printf(Locale.ROOT, "demo: starting Magento, Clarity, Dynamics GP and Dynamics SL simulators (seed %d, %d orders,"
        + " faults %.2f)%n", seed, orders, faults);
    out.flush();
    long started = System.nanoTime();
    try (DemoWorld world = DemoWorld.builder().seed(seed).orders(orders).faultRate(faults).start();
        DemoSystems systems = DemoSystems.connect(world);
        StateStore store = StateStore.sqlite(dir.resolve("commercesync.db"));
        Resilience resilience = DemoSystems.resilience();
        Progress progress = new Progress(out, progressEvery)) {
      out.println("  magento " + world.magentoUrl() + "  clarity " + world.clarityUrl() + "  dynamics-gp "
          + world.gpUrl() + "  dynamics-sl " + world.slUrl());
      out.println("  state store " + dir.resolve("commercesync.db"));
      Run run = new Run(world, systems, store, resilience, progress, out);
      int code = run.all();
      Audit audit = run.audit();
      audit.print(out);
      out.printf(Locale.ROOT, "  finished in %.1fs%n", (System.nanoTime() - started) / 1e9);
      out.printf(Locale.ROOT, "demo: pairs=4 orders=%d synced=%d duplicates=%d lost=%d dead-lettered=%d%n",
          world.orders().size(), audit.synced, audit.duplicates, audit.lost, audit.deadLettered);
      out.flush();
      if (audit.duplicates > 0 || audit.lost > 0 || audit.unexpected > 0 || audit.returnDuplicates > 0) {
        return ExitCode.FAILURE;
      }
      return code;
    }
  }

  /** One pair: a storefront, an ERP and their flow options. */
  record Pair(DemoWorld.Storefront storefront, DemoWorld.Erp erp, FlowOptions options) {
    String label() {
      return storefront.name().toLowerCase(Locale.ROOT) + ">" + (erp == DemoWorld.Erp.GP ? "dynamics-gp" : "dynamics-sl");
    }
  }

  /** The demo's run: the phases in order, every flow's report, and the audit. */
  static final class Run {
    private final DemoWorld world;
    private final DemoSystems systems;
    private final StateStore store;
    private final Progress progress;
    private final PrintWriter out;
    private final List<Pair> pairs = new ArrayList<>();
    private final Map<String, String> orderFlows = new LinkedHashMap<>();
    private int worst = ExitCode.OK;

    Run(DemoWorld world, DemoSystems systems, StateStore store, Resilience resilience, Progress progress, PrintWriter out) {
      this.world = world;
      this.systems = systems;
      this.store = store;
      this.progress = progress;
      this.out = out;
      for (DemoWorld.Storefront s : DemoWorld.Storefront.values()) {
        for (DemoWorld.Erp e : DemoWorld.Erp.values()) {
          FlowOptions options = FlowOptions.builder().mappings(DemoSystems.mappings(world.mappings(s, e)))
              .store(store).resilience(resilience).concurrency(4).listener(progress).build();
          pairs.add(new Pair(s, e, options));
        }
      }
    }

    int all() {
      phase("customers (both ways), orders and payments");
      for (Pair p : pairs) {
        var sf = systems.storefront(p.storefront());
        var erp = systems.erp(p.erp());
        run(p, () -> Flows.customersToErp(sf, erp, p.options()));
        run(p, () -> Flows.customersToStorefront(erp, sf, p.options()));
        SyncFlow orders = run(p, () -> Flows.ordersToErp(sf, erp, p.options()));
        if (orders != null) {
          orderFlows.put(p.storefront() + ":" + p.erp(), orders.name());
        }
        run(p, () -> Flows.paymentsToErp(sf, erp, p.options()));
      }
      List<DemoWorld.ErpShipment> shipped = world.shipInErps();
      long gp = shipped.stream().filter(s -> s.erp() == DemoWorld.Erp.GP).count();
      out.printf("  the ERPs ship: %d orders (GP transfers %d to invoices, SL ships and invoices %d)%n",
          shipped.size(), gp, shipped.size() - gp);
      phase("fulfilment and invoices");
      for (Pair p : pairs) {
        var sf = systems.storefront(p.storefront());
        var erp = systems.erp(p.erp());
        run(p, () -> Flows.fulfillmentToStorefront(erp, sf, p.options()));
        run(p, () -> Flows.invoicesToStorefront(erp, sf, p.options()));
      }
      int toRefund = Math.max(2, world.orders().size() / 40);
      List<String> refunded = world.refundSome(toRefund);
      List<String> moneyOnly = world.refundMoneyOnly(Math.max(2, toRefund / 2));
      List<String> returned = world.refundClarity(toRefund);
      out.println("  the shops refund: " + refunded.size() + " Magento orders (credit memos), " + moneyOnly.size()
          + " more with money only (goodwill, shipping) and " + returned.size() + " Clarity orders (refunded returns)");
      phase("returns");
      for (Pair p : pairs) {
        run(p, () -> Flows.returnsToErp(systems.storefront(p.storefront()), systems.erp(p.erp()), p.options()));
      }
      phase("catalog, inventory and prices (ERP to storefront)");
      for (Pair p : pairs) {
        if (p.storefront() == DemoWorld.Storefront.MAGENTO && p.erp() == DemoWorld.Erp.GP
            || p.storefront() == DemoWorld.Storefront.CLARITY && p.erp() == DemoWorld.Erp.SL) {
          var sf = systems.storefront(p.storefront());
          var erp = systems.erp(p.erp());
          run(p, () -> Flows.catalogToStorefront(erp, sf, p.options()));
          run(p, () -> Flows.inventoryToStorefront(erp, sf, p.options()));
          run(p, () -> Flows.pricesToStorefront(erp, sf, p.options()));
        }
      }
      return worst;
    }

    private void phase(String name) {
      out.println("-- " + name);
      out.flush();
    }

    /** Builds and runs one flow, again while it ends paused (bounded); prints its report. */
    private SyncFlow run(Pair p, Supplier<SyncFlow> build) {
      SyncFlow flow;
      try {
        flow = build.get();
      } catch (ConfigurationException notOffered) {
        out.println("  " + p.label() + ": not offered (" + notOffered.getMessage() + ")");
        out.flush();
        return null;
      }
      progress.start(flow.name());
      List<RunReport> reports = new ArrayList<>();
      RunReport report = flow.runOnce();
      reports.add(report);
      while (report.state() == RunState.PAUSED && reports.size() < MAX_RUNS) {
        sleep(Duration.ofMillis(600));   // the demo breaker probes again after 0.5 s
        report = flow.runOnce();
        reports.add(report);
      }
      progress.stop();
      RunReport total = total(flow.name(), reports);
      out.println("  " + total.summary() + (reports.size() > 1 ? " (" + reports.size() + " runs)" : ""));
      if (report.error() != null) {
        out.println("    last error: " + report.error());
      }
      if (report.state() == RunState.PAUSED && progress.lastPending != null) {
        out.println("    still pending because: " + progress.lastPending.getMessage());
      }
      out.flush();
      worst = ExitCode.worst(worst, SyncCommand.exitCode(report));
      return flow;
    }

    private static RunReport total(String name, List<RunReport> reports) {
      if (reports.size() == 1) {
        return reports.get(0);
      }
      RunReport last = reports.get(reports.size() - 1);
      long written = 0, dup = 0, unchanged = 0, skipped = 0, dead = 0, retried = 0, read = 0;
      for (RunReport r : reports) {
        read += r.read();
        written += r.written();
        dup += r.duplicatesPrevented();
        unchanged += r.unchanged();
        skipped += r.skipped();
        dead += r.deadLettered();
        retried += r.retried();
      }
      return new RunReport(name, last.runId(), last.state(), reports.get(0).startedAt(), last.finishedAt(), read,
          written, dup, unchanged, skipped, dead, last.pending(), retried, last.checkpoint(), last.error(), Map.of());
    }

    Audit audit() {
      world.faultsEnabled(false);
      DemoWorld.Audit state = world.audit();
      Set<String> deadOrders = ConcurrentHashMap.newKeySet();
      Map<String, Integer> reasons = new TreeMap<>();
      for (DeadLetter letter : store.deadLetters().list(DeadLetterFilter.OPEN)) {
        if (orderFlows.containsValue(letter.flow())) {
          deadOrders.add(letter.flow() + "|" + letter.recordKey());
          reasons.merge(reason(letter), 1, Integer::sum);
        }
      }
      Audit a = new Audit();
      a.reasons = reasons;
      a.customerDuplicates = state.customerDuplicates();
      state.customerCopies().forEach((erp, copies) -> copies.forEach((email, n) -> {
        if (n.size() > 1) {
          a.duplicatedCustomers.add(erp + " " + email + " " + n);
        }
      }));
      a.allLetters = store.deadLetters().count(DeadLetterFilter.OPEN);
      for (DemoWorld.DemoOrder o : world.orders()) {
        boolean everywhere = true;
        boolean lostHere = false;
        boolean deadHere = false;
        for (DemoWorld.Erp erp : DemoWorld.Erp.values()) {
          int copies = state.copies(erp, o.number());
          String flow = orderFlows.get(o.storefront() + ":" + erp);
          boolean dead = flow != null && deadOrders.contains(flow + "|" + o.number());
          a.duplicates += Math.max(0, copies - 1);
          everywhere &= copies == 1;
          if (copies == 0 && dead) {
            deadHere = true;
          } else if (copies == 0 && o.expectedInErp()) {
            lostHere = true;
          }
          if (copies > 0 && o.mustNeverReachErp()) {
            a.unexpected++;
          }
        }
        if (!o.sendable()) {
          a.heldBack++;
        } else if (everywhere && o.expectedInErp()) {
          a.synced++;
        } else if (lostHere) {
          a.lost++;
        } else if (deadHere) {
          a.deadLettered++;
        } else if (everywhere) {
          a.synced++;
        }
      }
      a.erpShipments = world.erpShipments().size();
      a.shipmentsDelivered = state.shipmentsDelivered();
      a.shipmentDuplicates = state.shipmentDuplicates();
      a.invoiceDuplicates = state.invoiceDuplicates();
      a.gpReturns = state.gpReturns().values().stream().mapToInt(i -> i).sum();
      a.slReturns = state.slReturns().values().stream().mapToInt(i -> i).sum();
      a.gpCreditMemos = state.gpCreditMemos().values().stream().mapToInt(i -> i).sum();
      a.slCreditMemos = state.slCreditMemos().values().stream().mapToInt(i -> i).sum();
      a.storefrontRefunds = state.storefrontRefunds().values().stream().mapToInt(i -> i).sum();
      a.returnDuplicates = state.refundsEnteredTwice(DemoWorld.Erp.GP) + state.refundsEnteredTwice(DemoWorld.Erp.SL);
      a.refundsMissingGp = state.refundsMissing(DemoWorld.Erp.GP);
      a.refundsMissingSl = state.refundsMissing(DemoWorld.Erp.SL);
      return a;
    }

    private static String reason(DeadLetter letter) {
      if (!letter.violations().isEmpty()) {
        String v = letter.violations().get(0);
        return v.length() > 110 ? v.substring(0, 110) + "…" : v;
      }
      String m = letter.errorMessage() == null ? letter.errorType() : letter.errorMessage();
      return m.length() > 110 ? m.substring(0, 110) + "…" : m;
    }
  }

  /** The numbers the audit reads from the simulators' state (and the dead letters from the store). */
  static final class Audit {
    int synced;
    int duplicates;
    int lost;
    int deadLettered;
    int heldBack;
    int unexpected;
    int customerDuplicates;
    int shipmentsDelivered;
    int shipmentDuplicates;
    int invoiceDuplicates;
    int erpShipments;
    int gpReturns;
    int slReturns;
    int gpCreditMemos;
    int slCreditMemos;
    int storefrontRefunds;
    int returnDuplicates;
    int refundsMissingGp;
    int refundsMissingSl;
    long allLetters;
    Map<String, Integer> reasons = Map.of();
    List<String> duplicatedCustomers = new ArrayList<>();

    void print(PrintWriter out) {
      out.println("-- audit (read from the simulators' state)");
      out.printf("  orders: synced=%d (exactly once in GP and in SL)  dead-lettered=%d  held back by status=%d"
          + "  lost=%d  duplicates=%d%n", synced, deadLettered, heldBack, lost, duplicates);
      reasons.forEach((reason, n) -> out.printf("    dead letter x%d: %s%n", n, reason));
      if (unexpected > 0) {
        out.printf("  orders in an ERP that should not be there: %d%n", unexpected);
      }
      out.printf("  customers: ERP customers duplicating a storefront customer=%d%n", customerDuplicates);
      duplicatedCustomers.stream().limit(10).forEach(d -> out.println("    " + d));
      out.printf("  shipments: the ERPs shipped %d orders, %d reached the storefront with their tracking numbers,"
          + " duplicates=%d; invoice duplicates=%d%n", erpShipments, shipmentsDelivered, shipmentDuplicates,
          invoiceDuplicates);
      out.printf("  returns: the shops refunded %d times; GP returns (SOPTYPE 4)=%d + RM credit memos=%d,"
          + " SL credit memo orders=%d + AR credit memos=%d; not in GP=%d, not in SL=%d, entered twice=%d%n",
          storefrontRefunds, gpReturns, gpCreditMemos, slReturns, slCreditMemos, refundsMissingGp, refundsMissingSl,
          returnDuplicates);
      out.printf("  open dead letters in the store (all flows): %d (commercesync dlq list --store DIR)%n", allLetters);
    }
  }

  /** Counts finished records per flow and prints progress while a flow runs longer than the interval. */
  static final class Progress implements PipelineListener, AutoCloseable {
    private final PrintWriter out;
    private final Duration every;
    private final AtomicLong done = new AtomicLong();
    private volatile String flow;
    private volatile long since;
    private final Thread ticker;
    private volatile boolean closed;
    volatile Throwable lastPending;

    Progress(PrintWriter out, Duration every) {
      this.out = out;
      this.every = every;
      this.ticker = new Thread(this::tick, "demo-progress");
      ticker.setDaemon(true);
      ticker.start();
    }

    void start(String name) {
      done.set(0);
      lastPending = null;
      since = System.nanoTime();
      flow = name;
    }

    void stop() {
      flow = null;
    }

    private void tick() {
      long last = System.nanoTime();
      while (!closed) {
        sleep(Duration.ofMillis(200));
        String current = flow;
        if (current != null && System.nanoTime() - last >= every.toNanos() && System.nanoTime() - since >= every.toNanos()) {
          synchronized (out) {
            out.printf(Locale.ROOT, "    ... %s: %d records done after %.0fs%n", current, done.get(),
                (System.nanoTime() - since) / 1e9);
            out.flush();
          }
          last = System.nanoTime();
        }
      }
    }

    @Override
    public void recordWritten(String pipeline, RawRecord record, WriteResult result) {
      done.incrementAndGet();
    }

    @Override
    public void duplicatePrevented(String pipeline, RawRecord record, String remoteId) {
      done.incrementAndGet();
    }

    @Override
    public void recordDeadLettered(String pipeline, RawRecord record, Throwable cause) {
      done.incrementAndGet();
    }

    @Override
    public void recordPending(String pipeline, RawRecord record, Throwable cause) {
      lastPending = cause;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
