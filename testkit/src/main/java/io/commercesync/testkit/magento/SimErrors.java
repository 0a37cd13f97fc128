package io.commercesync.testkit.magento;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commercesync.testkit.http.SimResponse;
import java.util.Map;

/** Magento's error bodies (Webapi ErrorProcessor / Rest Response): message, parameters, errors[]. */
final class SimErrors {

  private SimErrors() {}

  /** A handler's way out with a Magento error. */
  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient SimResponse response;

    Failure(SimResponse response) {
      super(null, null, false, false);
      this.response = response;
    }
  }

  static SimResponse error(int status, String message, Map<String, ?> parameters) {
    ObjectNode body = SimJson.object();
    body.put("message", message);
    if (parameters != null && !parameters.isEmpty()) {
      body.set("parameters", SimJson.MAPPER.valueToTree(parameters));
    }
    return SimResponse.json(status, body);
  }

  static SimResponse positional(int status, String message, Object... parameters) {
    ObjectNode body = SimJson.object();
    body.put("message", message);
    ArrayNode p = body.putArray("parameters");
    for (Object o : parameters) {
      p.add(String.valueOf(o));
    }
    return SimResponse.json(status, body);
  }

  static Failure fail(int status, String message, Map<String, ?> parameters) {
    return new Failure(error(status, message, parameters));
  }

  static Failure fail(int status, String message) {
    return new Failure(error(status, message, null));
  }

  /** 400 with {@code errors[]}: "One or more input exceptions have occurred." */
  static Failure required(String... fields) {
    ObjectNode body = SimJson.object();
    body.put("message", "One or more input exceptions have occurred.");
    ArrayNode errors = body.putArray("errors");
    for (String f : fields) {
      ObjectNode e = errors.addObject();
      e.put("message", "\"%fieldName\" is required. Enter and try again.");
      e.putObject("parameters").put("fieldName", f);
    }
    return new Failure(SimResponse.json(400, body));
  }

  /** 401: what a missing, invalid or expired credential looks like (the request ran as guest). */
  static SimResponse unauthorized(String resource) {
    return error(401, "The consumer isn't authorized to access %resources.", Map.of("resources", resource));
  }

  /** 400: more entities in one array than the input limit allows (IOLimit validators). */
  static Failure tooMany(String type, int max) {
    return fail(400, "Maximum items of type \"%type\" is %max", Map.of("type", type, "max", max));
  }
}
