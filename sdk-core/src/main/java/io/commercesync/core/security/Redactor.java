package io.commercesync.core.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials in text before it reaches a log line, an exception message or the dead-letter
 * store: authorization headers, bearer and basic tokens, OAuth signatures, and any key/value pair whose
 * name says it is secret ({@code password}, {@code token}, {@code secret}, {@code api_key}…), in query
 * strings, form bodies, JSON and XML alike.
 *
 * <pre>{@code
 * Redactor.DEFAULT.redact("Authorization: Bearer eyJhbGciOi...")  // "Authorization: ******"
 * Redactor.DEFAULT.withSecrets(List.of(agentKey)).redact(text)    // also masks these exact values
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Redactor {

  /** Header names whose values are always masked (lower case). */
  public static final Set<String> SENSITIVE_HEADERS =
      Set.of(
          "authorization",
          "proxy-authorization",
          "cookie",
          "set-cookie",
          "x-api-key",
          "x-clarity-signature",
          "x-commercesync-signature",
          "x-adobe-commerce-webhook-signature");

  private static final String NAMES =
      "(?:password|passwd|pwd|secret|client_secret|consumer_secret|token|access_token|refresh_token"
          + "|id_token|api[_-]?key|apikey|oauth_signature|oauth_token|signature|authorization"
          + "|private[_-]?key|session|sessionid)";

  // each pattern keeps group "pre" (the name and separator) and masks group "val"
  private static final List<Pattern> PATTERNS =
      List.of(
          // header lines: "Authorization: Bearer xxx", "Cookie: a=b", "X-Api-Key: k"
          Pattern.compile(
              "(?im)^(?<pre>(?:proxy-)?authorization\\s*:\\s*|cookie\\s*:\\s*|set-cookie\\s*:\\s*"
                  + "|x-api-key\\s*:\\s*|x-[a-z-]*signature\\s*:\\s*)(?<val>.+)$"),
          // a bare "Bearer xxx" or "Basic xxx" anywhere
          Pattern.compile("(?i)(?<pre>\\b(?:bearer|basic)\\s+)(?<val>[A-Za-z0-9._~+/=-]{6,})"),
          // "name": "value" in JSON
          Pattern.compile(
              "(?i)(?<pre>\"" + NAMES + "\"\\s*:\\s*)(?<val>\"(?:[^\"\\\\]|\\\\.)*\"|[^,}\\s]+)"),
          // name=value in query strings, form bodies and OAuth headers (the value may be quoted)
          Pattern.compile("(?i)(?<pre>\\b" + NAMES + "=)(?<val>\"[^\"]*\"|[^&\\s,;\"]+)"),
          // <Password>value</Password> in XML
          Pattern.compile("(?i)(?<pre><(?<tag>" + NAMES + ")>)(?<val>[^<]*)(?=</\\k<tag>>)"));

  /** Masks the standard patterns only. */
  public static final Redactor DEFAULT = new Redactor(List.of());

  private final List<String> literals;

  private Redactor(List<String> literals) {
    this.literals = literals;
  }

  /** A redactor that also masks the exact values of {@code secrets}, wherever they appear. */
  public Redactor withSecrets(Collection<Secret> secrets) {
    List<String> all = new ArrayList<>(literals);
    for (Secret secret : secrets) {
      String value = secret.reveal();
      if (value.length() >= 4) {
        all.add(value);
      }
    }
    return new Redactor(List.copyOf(all));
  }

  /** Whether a header's value must never be shown. */
  public static boolean isSensitiveHeader(String name) {
    return name != null && SENSITIVE_HEADERS.contains(name.toLowerCase(Locale.ROOT));
  }

  /** Returns {@code text} with every credential replaced by {@value Secret#MASK}; null stays null. */
  public String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (String literal : literals) {
      out = out.replace(literal, Secret.MASK);
    }
    for (Pattern pattern : PATTERNS) {
      Matcher m = pattern.matcher(out);
      StringBuilder masked = new StringBuilder(out.length());
      while (m.find()) {
        m.appendReplacement(masked, Matcher.quoteReplacement(m.group("pre") + Secret.MASK));
      }
      m.appendTail(masked);
      out = masked.toString();
    }
    return out;
  }
}
