package io.commercesync.core.config;

import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.security.Secret;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One block of a configuration file (a connector's settings, a pair's options), read with typed
 * accessors whose errors name the setting. Credentials are never written in the file: a secret
 * setting holds {@code env:NAME} and is read from environment variable {@code NAME}.
 *
 * <pre>{@code
 * // magento: { baseUrl: https://shop.example.com, store: default,
 * //            consumerSecret: env:MAGENTO_CONSUMER_SECRET, readTimeout: PT20S }
 * URI base = settings.uri("baseUrl");
 * Secret secret = settings.secret("consumerSecret");
 * Duration timeout = settings.duration("readTimeout").orElse(Duration.ofSeconds(30));
 * }</pre>
 */
public final class Settings {

  private final String path;
  private final Map<String, Object> values;
  private final Function<String, String> environment;

  private Settings(String path, Map<String, Object> values, Function<String, String> environment) {
    this.path = path;
    this.values = values == null ? Map.of() : new LinkedHashMap<>(values);
    this.environment = environment;
  }

  /** Settings named {@code path} (e.g. {@code storefronts.magento}) read from {@code values}. */
  public static Settings of(String path, Map<String, Object> values, Function<String, String> environment) {
    return new Settings(path, values, Objects.requireNonNull(environment, "environment"));
  }

  /** Where these settings sit in the file, for messages. */
  public String path() {
    return path;
  }

  /** Whether {@code key} is set. */
  public boolean has(String key) {
    return values.get(key) != null;
  }

  /** The keys set. */
  public java.util.Set<String> keys() {
    return values.keySet();
  }

  public Optional<String> optionalString(String key) {
    Object v = values.get(key);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof Map || v instanceof List) {
      throw bad(key, "must be a single value");
    }
    return Optional.of(String.valueOf(v));
  }

  public String string(String key) {
    return optionalString(key).filter(s -> !s.isBlank()).orElseThrow(() -> bad(key, "is required"));
  }

  public URI uri(String key) {
    String value = string(key);
    try {
      URI uri = URI.create(value);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw bad(key, "must be an absolute URL such as https://shop.example.com (was " + value + ")");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw bad(key, "must be an absolute URL (was " + value + ")");
    }
  }

  public Optional<Integer> integer(String key) {
    return optionalString(key).map(v -> {
      try {
        return Integer.parseInt(v.trim());
      } catch (NumberFormatException e) {
        throw bad(key, "must be a whole number (was " + v + ")");
      }
    });
  }

  public Optional<Double> number(String key) {
    return optionalString(key).map(v -> {
      try {
        return Double.parseDouble(v.trim());
      } catch (NumberFormatException e) {
        throw bad(key, "must be a number (was " + v + ")");
      }
    });
  }

  public Optional<Boolean> bool(String key) {
    return optionalString(key).map(v -> switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw bad(key, "must be true or false (was " + v + ")");
    });
  }

  /** An ISO-8601 duration such as {@code PT30S}, or seconds as a number. */
  public Optional<Duration> duration(String key) {
    return optionalString(key).map(v -> {
      String t = v.trim();
      try {
        return t.chars().allMatch(Character::isDigit) ? Duration.ofSeconds(Long.parseLong(t)) : Duration.parse(t);
      } catch (DateTimeParseException | NumberFormatException e) {
        throw bad(key, "must be an ISO-8601 duration such as PT30S (was " + v + ")");
      }
    });
  }

  /**
   * A credential: the setting must be {@code env:NAME}, and environment variable {@code NAME} holds the
   * value. An inline value is refused, so secrets never sit in a configuration file.
   */
  public Secret secret(String key) {
    return optionalSecret(key).orElseThrow(() -> bad(key, "is required (as env:NAME)"));
  }

  public Optional<Secret> optionalSecret(String key) {
    Optional<String> ref = optionalString(key);
    if (ref.isEmpty()) {
      return Optional.empty();
    }
    String r = ref.get().trim();
    if (!r.startsWith("env:") || r.length() <= 4) {
      // never echo the value: it may be the secret itself
      throw bad(key, "must name an environment variable as env:NAME; inline credentials are not allowed");
    }
    String name = r.substring(4);
    String value = environment.apply(name);
    if (value == null || value.isBlank()) {
      throw bad(key, "environment variable " + name + " is not set");
    }
    return Optional.of(Secret.of(value));
  }

  /** A nested block. */
  @SuppressWarnings("unchecked")
  public Settings block(String key) {
    Object v = values.get(key);
    if (v == null) {
      return new Settings(path + "." + key, Map.of(), environment);
    }
    if (!(v instanceof Map)) {
      throw bad(key, "must be a block of settings");
    }
    return new Settings(path + "." + key, (Map<String, Object>) v, environment);
  }

  /** The raw value of {@code key} (a map, a list or a scalar), or null. */
  public Object raw(String key) {
    return values.get(key);
  }

  /** A list of strings. */
  public List<String> strings(String key) {
    Object v = values.get(key);
    if (v == null) {
      return List.of();
    }
    if (v instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return List.of(String.valueOf(v));
  }

  /** A configuration error for {@code key} of this block. */
  public ConfigurationException bad(String key, String message) {
    return ConfigurationException.of(path + "." + key, message);
  }

  /** The environment variables these settings read secrets from. */
  public Function<String, String> environment() {
    return environment;
  }

  @Override
  public String toString() {
    return "Settings[" + path + " " + values.keySet() + "]";
  }
}
