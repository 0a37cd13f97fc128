package io.commercesync.core.flow.internal;

import io.commercesync.core.model.Order;
import io.commercesync.core.model.OrderLine;
import java.util.ArrayList;
import java.util.List;

/**
 * Which lines of an order an ERP receives. A line without children goes as it is. For a bundle (a line
 * with component lines): when the components carry the amounts (a dynamically priced bundle), the
 * components go and the parent does not; when only the parent carries an amount (a fixed-price bundle),
 * the parent goes and the components do not — so every amount reaches the ERP exactly once.
 */
public final class OrderLines {

  private OrderLines() {}

  public static List<OrderLine> forErp(Order order) {
    List<OrderLine> out = new ArrayList<>();
    for (OrderLine line : order.topLevelLines()) {
      List<OrderLine> children = order.childLines(line.lineNumber());
      if (children.isEmpty()) {
        out.add(line);
      } else if (children.stream().allMatch(c -> c.rowTotal().isZero()) && !line.rowTotal().isZero()) {
        out.add(line);
      } else {
        out.addAll(children);
      }
    }
    return out;
  }
}
