package io.commercesync.core.spi;

import io.commercesync.core.model.Return;
import java.util.List;
import java.util.Objects;

/**
 * A storefront return resolved for one ERP: the ERP customer and, per returned line, the ERP item and
 * site.
 *
 * @param ret the canonical return
 * @param customerId the ERP customer id
 * @param lines one assignment per returned line ({@link SalesLine#lineNumber()} = return line number)
 * @param company the ERP company, or null for the default
 */
public record ReturnRequest(Return ret, String customerId, List<SalesLine> lines, String company) {

  public ReturnRequest {
    Objects.requireNonNull(ret, "ret");
    Objects.requireNonNull(customerId, "customerId");
    lines = List.copyOf(lines);
  }
}
