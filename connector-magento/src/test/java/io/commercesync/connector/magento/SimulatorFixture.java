package io.commercesync.connector.magento;

import io.commercesync.core.http.HttpSettings;
import io.commercesync.core.security.Secret;
import io.commercesync.testkit.magento.MagentoSimulator;
import java.time.Duration;

/** Starts a Magento simulator and builds clients for it in each auth mode. */
final class SimulatorFixture implements AutoCloseable {

  final MagentoSimulator sim;

  SimulatorFixture() {
    this(MagentoSimulator.config().build());
  }

  SimulatorFixture(MagentoSimulator.Config config) {
    this.sim = MagentoSimulator.start(config);
  }

  MagentoClient.Builder builder() {
    MagentoSimulator.Credentials c = sim.credentials();
    return MagentoClient.builder()
        .baseUrl(sim.baseUri())
        .oauth1(Secret.of(c.consumerKey()), Secret.of(c.consumerSecret()), Secret.of(c.accessToken()),
            Secret.of(c.accessTokenSecret()))
        .http(HttpSettings.DEFAULT.withReadTimeout(Duration.ofSeconds(5)).withCallTimeout(Duration.ofSeconds(10)))
        .bulkPollInterval(Duration.ofMillis(1));
  }

  MagentoClient oauthClient() {
    return builder().build();
  }

  MagentoClient bearerClient() {
    return builder().bearer(Secret.of(sim.credentials().accessToken())).build();
  }

  MagentoClient adminClient() {
    return builder().adminToken("erp-sync", Secret.of("Sim-Admin-Pass-1")).build();
  }

  @Override
  public void close() {
    sim.close();
  }
}
