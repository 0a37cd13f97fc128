package io.commercesync.connector.clarity.internal.dto.v1;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Reads an amount or a quantity only from a JSON number: the contract says "Money is a JSON number"
 * and a string such as {@code "19.990"} is non-conforming (reference §4.1 [P]). A string fails with a
 * type error naming the field ({@code lineItems[0].unitPrice: must be a number}).
 */
public final class StrictAmount extends StdScalarDeserializer<BigDecimal> {

  private static final long serialVersionUID = 1L;

  public StrictAmount() {
    super(BigDecimal.class);
  }

  @Override
  public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      return p.getDecimalValue();
    }
    return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
  }
}
