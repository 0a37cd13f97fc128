package io.commercesync.connector.dynamicsgp.econnect;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One eConnect stored procedure call: the procedure named after its node ({@code taSopLineIvcInsert}) and
 * its input parameters by element name ({@code SOPTYPE}, bound as {@code @I_vSOPTYPE}), only those set.
 *
 * @param procedure the procedure, e.g. {@code taSopHdrIvcInsert}
 * @param parameters element name → value (String, BigDecimal, Integer or LocalDate), in element order
 * @param keyFields the node's identifying elements (for error reports), e.g. SOPNUMBE, SOPTYPE
 */
public record ProcedureCall(String procedure, Map<String, Object> parameters, List<String> keyFields) {

  public ProcedureCall {
    Objects.requireNonNull(procedure, "procedure");
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    keyFields = List.copyOf(keyFields);
  }

  /** The values of the key fields, as text. */
  public Map<String, String> keyValues() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String k : keyFields) {
      Object v = parameters.get(k);
      if (v != null) {
        out.put(k, String.valueOf(v));
      }
    }
    return out;
  }
}
