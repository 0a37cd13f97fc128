package io.commercesync.connector.dynamicsgp.internal.dto.ws;

/** Namespaces of the GP web service and SOAP 1.1. */
public final class WsNames {
  public static final String GP = "http://schemas.microsoft.com/dynamics/gp/2006/01";
  public static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";

  private WsNames() {}
}
