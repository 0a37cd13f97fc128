package io.commercesync.core.error;

import io.commercesync.core.model.SystemId;

/**
 * CommerceSync was set up wrongly: a missing base URL, a negative timeout, an environment variable
 * that names no value. Builders throw it from {@code build()} so a bad setting fails at start-up, not
 * at 3 a.m. The message names the setting and the rule, never a secret value.
 */
public final class ConfigurationException extends CommerceSyncException {

  private static final long serialVersionUID = 1L;

  private final String setting;

  private ConfigurationException(SystemId system, String setting, String message, Throwable cause) {
    super(system, (system != null ? system + " " : "") + setting + ": " + message, cause);
    this.setting = setting;
  }

  /** A bad value for {@code setting}, e.g. {@code of("maxAttempts", "must be >= 1 (was 0)")}. */
  public static ConfigurationException of(String setting, String message) {
    return new ConfigurationException(null, setting, message, null);
  }

  /** A bad value for {@code setting} whose underlying error is {@code cause}. */
  public static ConfigurationException of(String setting, String message, Throwable cause) {
    return new ConfigurationException(null, setting, message, cause);
  }

  /** A bad value for a setting of one system's connector. */
  public static ConfigurationException of(SystemId system, String setting, String message) {
    return new ConfigurationException(system, setting, message, null);
  }

  /** A bad value whose underlying error is {@code cause}. */
  public static ConfigurationException of(
      SystemId system, String setting, String message, Throwable cause) {
    return new ConfigurationException(system, setting, message, cause);
  }

  /** The name of the setting at fault, e.g. {@code baseUrl} or {@code retry.maxAttempts}. */
  public String setting() {
    return setting;
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
