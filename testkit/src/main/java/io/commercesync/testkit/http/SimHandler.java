package io.commercesync.testkit.http;

/** Serves one route of a simulator. */
@FunctionalInterface
public interface SimHandler {

  SimResponse handle(SimRequest request) throws Exception;
}
