package io.commercesync.connector.magento.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.commercesync.connector.magento.internal.dto.ErrorBodyDto;
import io.commercesync.core.codec.JsonCodec;
import io.commercesync.core.error.CommerceSyncException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Magento's error body (reference §11: {@code Webapi/Rest/Response.php} {@code _renderMessages},
 * {@code ErrorProcessor}) and renders it for an operator: {@code %1…%n} filled from a {@code parameters}
 * array, {@code %name} from a {@code parameters} object (or, when Magento sent an array for named
 * placeholders, from the array in order of appearance), then each of {@code errors[]} appended.
 */
public final class MagentoErrors {

  private static final Pattern PLACEHOLDER = Pattern.compile("%(\\d+|[A-Za-z_][A-Za-z0-9_]*)");
  private static final int MAX_BODY_EXCERPT = 200;

  private MagentoErrors() {}

  /** A parsed error: the rendered message and Magento's {@code code}, if any. */
  public record Parsed(String message, String code) {}

  /** Parses {@code body}; a body that is not Magento JSON yields a short excerpt of it (or null when empty). */
  public static Parsed parse(JsonCodec codec, byte[] body) {
    if (body == null || body.length == 0) {
      return new Parsed(null, null);
    }
    ErrorBodyDto dto;
    try {
      dto = codec.read(body, ErrorBodyDto.class, "error body");
    } catch (CommerceSyncException notJson) {
      return new Parsed(excerpt(new String(body, java.nio.charset.StandardCharsets.UTF_8)), null);
    }
    if (dto == null) {
      return new Parsed(null, null);
    }
    if (dto.message() == null && dto.messages() != null) {
      // fatal-error shape {"messages":{"error":[{"code":500,"message":"..."}]}}
      List<String> texts = new ArrayList<>();
      String code = null;
      for (JsonNode e : dto.messages().path("error")) {
        texts.add(e.path("message").asText());
        if (code == null && e.hasNonNull("code")) {
          code = e.get("code").asText();
        }
      }
      return new Parsed(texts.isEmpty() ? null : String.join("; ", texts), code);
    }
    StringBuilder text = new StringBuilder();
    if (dto.message() != null) {
      text.append(render(dto.message(), dto.parameters()));
    }
    if (dto.errors() != null && !dto.errors().isEmpty()) {
      List<String> details = new ArrayList<>();
      for (ErrorBodyDto e : dto.errors()) {
        if (e != null && e.message() != null) {
          details.add(render(e.message(), e.parameters()));
        }
      }
      if (!details.isEmpty()) {
        text.append(text.length() > 0 ? " " : "").append(String.join("; ", details));
      }
    }
    return new Parsed(text.length() == 0 ? null : text.toString(),
        dto.code() == null ? null : String.valueOf(dto.code()));
  }

  /** {@code message} with its placeholders filled from {@code parameters} (array or object). */
  public static String render(String message, JsonNode parameters) {
    if (message == null || parameters == null || parameters.isNull() || parameters.isMissingNode()) {
      return message;
    }
    Matcher m = PLACEHOLDER.matcher(message);
    StringBuilder out = new StringBuilder();
    int sequential = 0;
    while (m.find()) {
      String name = m.group(1);
      JsonNode value = null;
      if (parameters.isArray()) {
        if (Character.isDigit(name.charAt(0))) {
          value = parameters.get(Integer.parseInt(name) - 1);
        } else {
          value = parameters.get(sequential++);
        }
      } else if (parameters.isObject()) {
        value = parameters.get(name);
      }
      String replacement = value == null ? m.group() : text(value);
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The parameter values as strings, in order (for an object, its values). */
  public static List<String> values(JsonNode parameters) {
    List<String> out = new ArrayList<>();
    if (parameters == null) {
      return out;
    }
    if (parameters.isArray()) {
      parameters.forEach(v -> out.add(text(v)));
    } else if (parameters.isObject()) {
      for (Map.Entry<String, JsonNode> e : parameters.properties()) {
        out.add(text(e.getValue()));
      }
    }
    return out;
  }

  private static String text(JsonNode value) {
    return value.isValueNode() ? value.asText() : value.toString();
  }

  private static String excerpt(String body) {
    String oneLine = body.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
    if (oneLine.isEmpty()) {
      return null;
    }
    return oneLine.length() > MAX_BODY_EXCERPT ? oneLine.substring(0, MAX_BODY_EXCERPT) + "…" : oneLine;
  }
}
