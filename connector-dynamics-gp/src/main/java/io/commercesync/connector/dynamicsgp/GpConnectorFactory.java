package io.commercesync.connector.dynamicsgp;

import io.commercesync.core.config.ConnectorFactory;
import io.commercesync.core.config.Settings;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.spi.Connector;

/**
 * Builds a {@link GpConnector} from configuration ({@code type: dynamics-gp}):
 *
 * <pre>
 * agentUrl: https://gp-agent.corp.example:8443   # through the on-premise agent, or:
 * agentKey: env:GP_AGENT_SECRET
 * companies: [TWO, THREE]                         # the first is the default
 * # jdbc: {url: jdbc:sqlserver://gp-sql:1433;databaseName=TWO, user: commercesync, password: env:GP_SQL_PASSWORD}
 * taxScheduleId: WEBTAX
 * orderDocId: STDORD
 * defaultSite: MAIN
 * customerClass: WEB
 * pollOverlap: PT2M
 * </pre>
 */
public final class GpConnectorFactory implements ConnectorFactory {

  @Override
  public String type() {
    return SystemId.DYNAMICS_GP.value();
  }

  @Override
  public Connector create(Settings s) {
    GpConnector.Builder gp = GpConnector.builder();
    if (s.has("agentUrl")) {
      gp.agent(s.uri("agentUrl"), s.secret("agentKey"));
      java.util.List<String> companies = s.strings("companies");
      if (companies.isEmpty()) {
        gp.company(s.string("company"));
      } else {
        companies.forEach(gp::company);
      }
    } else {
      Settings jdbc = s.block("jdbc");
      gp.jdbc(s.string("company"), jdbc.string("url"), jdbc.string("user"), jdbc.secret("password"));
    }
    GpSettings.Builder settings = GpSettings.builder();
    s.optionalString("taxScheduleId").ifPresent(settings::taxScheduleId);
    s.optionalString("orderDocId").ifPresent(settings::orderDocId);
    s.optionalString("returnDocId").ifPresent(settings::returnDocId);
    s.optionalString("defaultSite").ifPresent(settings::defaultSite);
    s.optionalString("customerClass").ifPresent(settings::customerClass);
    s.optionalString("paymentTermsId").ifPresent(settings::paymentTermsId);
    gp.settings(settings.build());
    s.duration("pollOverlap").ifPresent(gp::pollOverlap);
    return gp.build();
  }
}
