package io.commercesync.connector.dynamicsgp;

import io.commercesync.connector.dynamicsgp.econnect.EConnectCodec;
import io.commercesync.connector.dynamicsgp.internal.capability.GpCapabilities;
import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.security.Secret;
import io.commercesync.core.spi.CustomerStore;
import io.commercesync.core.spi.Erp;
import io.commercesync.core.spi.InventorySource;
import io.commercesync.core.spi.InvoiceSource;
import io.commercesync.core.spi.ItemSource;
import io.commercesync.core.spi.JournalSink;
import io.commercesync.core.spi.OrderSink;
import io.commercesync.core.spi.PaymentSink;
import io.commercesync.core.spi.PriceSource;
import io.commercesync.core.spi.RealtimeLookup;
import io.commercesync.core.spi.ReturnSink;
import io.commercesync.core.spi.ShipmentSource;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Microsoft Dynamics GP as an {@link Erp}: sales orders, returns, customers, cash receipts and journal entries
 * go in as eConnect documents; items, prices, stock, shipments, invoices and customer changes come out by
 * polling GP's tables on {@code DEX_ROW_TS}; prices and stock can be asked live.
 *
 * <pre>{@code
 * GpConnector gp = GpConnector.builder()
 *     .agent(URI.create("https://gp-agent.corp:8443"), Secret.fromEnv("GP_AGENT_SECRET"))
 *     .company("TWO")
 *     .settings(GpSettings.builder().taxScheduleId("WEBTAX").build())
 *     .build();
 * OrderSink orders = gp.require(OrderSink.class);
 * }</pre>
 *
 * <p>Capabilities: {@link OrderSink} (SOPTYPE 2, looked up by CSTPONBR), {@link ReturnSink} (SOPTYPE 4; a refund
 * without lines as a receivables credit memo, RMDTYPAL 7),
 * {@link CustomerStore}, {@link PaymentSink}, {@link JournalSink}, {@link ShipmentSource}, {@link InventorySource},
 * {@link PriceSource}, {@link ItemSource}, {@link InvoiceSource}, {@link RealtimeLookup}. Several companies: one
 * transport per company database; sink requests name theirs ({@code SalesOrderRequest.company()}), the first
 * company is the default, and {@link #forCompany(String)} gives the sources of another.
 */
public final class GpConnector implements Erp, AutoCloseable {

  private final Map<String, GpTransport> transports;
  private final String company;
  private final GpSettings settings;
  private final GpCapabilities capabilities;
  private final Duration overlap;
  private final int pageSize;
  private final Clock clock;

  private GpConnector(Map<String, GpTransport> transports, String company, GpSettings settings, Duration overlap,
      int pageSize, Clock clock) {
    this.transports = transports;
    this.company = company;
    this.settings = settings;
    this.overlap = overlap;
    this.pageSize = pageSize;
    this.clock = clock;
    this.capabilities = new GpCapabilities(this::transport, transports.get(company), settings, overlap, pageSize, clock);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public SystemId system() {
    return SystemId.DYNAMICS_GP;
  }

  /** The default company. */
  public String company() {
    return company;
  }

  /** The same connector with {@code company} as its default (its sources read that company). */
  public GpConnector forCompany(String company) {
    transport(company);
    return new GpConnector(transports, company, settings, overlap, pageSize, clock);
  }

  /** The transport of {@code company}. */
  public GpTransport transport(String company) {
    GpTransport t = transports.get(company);
    if (t == null) {
      throw ConfigurationException.of(SystemId.DYNAMICS_GP, "company",
          "no transport configured for company " + company + " (configured: " + transports.keySet() + ")");
    }
    return t;
  }

  @Override
  public <C> Optional<C> capability(Class<C> type) {
    Object c = null;
    if (type == OrderSink.class) {
      c = capabilities.orders();
    } else if (type == ReturnSink.class) {
      c = capabilities.returns();
    } else if (type == CustomerStore.class) {
      c = capabilities.customers();
    } else if (type == PaymentSink.class) {
      c = capabilities.payments();
    } else if (type == JournalSink.class) {
      c = capabilities.journals();
    } else if (type == ShipmentSource.class) {
      c = capabilities.shipments();
    } else if (type == InventorySource.class) {
      c = capabilities.inventory();
    } else if (type == PriceSource.class) {
      c = capabilities.prices();
    } else if (type == ItemSource.class) {
      c = capabilities.items();
    } else if (type == InvoiceSource.class) {
      c = capabilities.invoices();
    } else if (type == RealtimeLookup.class) {
      c = capabilities.realtime();
    }
    return Optional.ofNullable(c).map(type::cast);
  }

  /**
   * Submits a multi-transaction document to {@code company}, then re-sends the transactions that failed
   * transiently (record locks, deadlocks, GP down), each alone, up to {@code attempts} times in all. Applied
   * transactions are never sent again, so no "duplicate document" follows (RELIABILITY scenario 11). Data
   * errors are left in the result for the caller to dead-letter.
   */
  public SubmitResult submitRetryingFailed(String company, io.commercesync.connector.dynamicsgp.econnect.EConnect document,
      String documentKey, int attempts) {
    GpTransport t = transport(company == null ? this.company : company);
    List<io.commercesync.connector.dynamicsgp.econnect.EConnectTransaction> txs = document.transactions();
    if (txs.stream().anyMatch(tx -> tx.messageId() == null)) {
      // the key of a transaction re-sent alone must be the key it was first sent under
      throw new IllegalArgumentException("every transaction needs eConnectProcessInfo/MessageID (its idempotency key)");
    }
    SubmitResult result = t.submit(document, documentKey);
    List<TransactionResult> merged = new java.util.ArrayList<>(result.transactions());
    for (int attempt = 1; attempt < attempts; attempt++) {
      boolean any = false;
      for (int i = 0; i < merged.size(); i++) {
        if (merged.get(i).retryable()) {
          any = true;
          var alone = io.commercesync.connector.dynamicsgp.econnect.EConnect.of(txs.get(i));
          merged.set(i, t.submit(alone, merged.get(i).key()).transactions().get(0));
        }
      }
      if (!any) {
        break;
      }
    }
    return new SubmitResult(documentKey, merged);
  }

  @Override
  public void close() {
    transports.values().forEach(GpTransport::close);
  }

  @Override
  public String toString() {
    return "GpConnector[companies=" + transports.keySet() + ", default=" + company + "]";
  }

  /**
   * Builds a {@link GpConnector}: either {@link #agent} plus one or more {@link #company}, or explicit
   * {@link #transport}s (e.g. {@link JdbcEconnectTransport}), or {@link #jdbc}.
   */
  public static final class Builder {
    private URI agentUri;
    private Secret agentSecret;
    private final List<String> companies = new java.util.ArrayList<>();
    private final Map<String, GpTransport> transports = new LinkedHashMap<>();
    private GpSettings settings = GpSettings.defaults();
    private Duration overlap = Duration.ofMinutes(2);
    private int pageSize = 500;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Reach GP through the on-premise agent at {@code uri} with the shared HMAC {@code secret}. */
    public Builder agent(URI uri, Secret secret) {
      this.agentUri = Objects.requireNonNull(uri, "uri");
      this.agentSecret = Objects.requireNonNull(secret, "secret");
      return this;
    }

    /** A company database reached through the agent; the first one named is the default. */
    public Builder company(String company) {
      companies.add(Objects.requireNonNull(company, "company"));
      return this;
    }

    /** Reach {@code company} directly over JDBC (mssql-jdbc on the class path). */
    public Builder jdbc(String company, String url, String user, Secret password) {
      return transport(JdbcEconnectTransport.builder().company(company).url(url).user(user).password(password).build());
    }

    /** Any transport; its {@link GpTransport#company()} names the company. */
    public Builder transport(GpTransport transport) {
      transports.put(transport.company(), transport);
      return this;
    }

    public Builder settings(GpSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** How far before its cursor a poll starts reading again (DEX_ROW_TS is stamped at statement time); default 2 min. */
    public Builder pollOverlap(Duration overlap) {
      this.overlap = Objects.requireNonNull(overlap, "overlap");
      return this;
    }

    /** Rows per polling query; default 500. */
    public Builder pageSize(int pageSize) {
      this.pageSize = pageSize;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public GpConnector build() {
      Map<String, GpTransport> all = new LinkedHashMap<>();
      if (agentUri != null) {
        if (companies.isEmpty()) {
          throw ConfigurationException.of(SystemId.DYNAMICS_GP, "company", "at least one company is required with agent(...)");
        }
        for (String c : companies) {
          all.put(c, AgentTransport.builder().baseUri(agentUri).secret(agentSecret).company(c).clock(clock)
              .codec(EConnectCodec.withContext(settings.validation())).build());
        }
      } else if (!companies.isEmpty() && companies.stream().anyMatch(c -> !transports.containsKey(c))) {
        throw ConfigurationException.of(SystemId.DYNAMICS_GP, "agent", "company(...) needs agent(uri, secret)");
      }
      all.putAll(transports);
      if (all.isEmpty()) {
        throw ConfigurationException.of(SystemId.DYNAMICS_GP, "transport",
            "configure agent(uri, secret) + company(name), jdbc(...) or transport(...)");
      }
      if (overlap.isNegative()) {
        throw ConfigurationException.of(SystemId.DYNAMICS_GP, "pollOverlap", "must be >= 0");
      }
      if (pageSize < 1) {
        throw ConfigurationException.of(SystemId.DYNAMICS_GP, "pageSize", "must be >= 1 (was " + pageSize + ")");
      }
      String first = companies.isEmpty() ? all.keySet().iterator().next() : companies.get(0);
      return new GpConnector(Map.copyOf(all), first, settings, overlap, pageSize, clock);
    }
  }
}
