package io.commercesync.testkit.clarity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhooks the simulator owes a subscriber, signed as the proposal says (reference §4.5 [P]):
 * {@code X-Clarity-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>}, the secret's UTF-8
 * bytes as key. Deliveries wait in the outbox until a test sends them — in order, reversed, again,
 * late — so at-least-once delivery and reordering can be played exactly.
 *
 * <pre>{@code
 * sim.webhooks().deliverAll();                 // in order
 * sim.webhooks().deliverAllReversed();         // out of order
 * sim.webhooks().redeliver("evt_000001");      // a retry: same id, newly signed
 * }</pre>
 */
public final class WebhookOutbox {

  /** One delivery. */
  public record Delivery(String id, String type, byte[] body, int attempt) {

    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** What the subscriber answered. */
  public record Sent(String id, String type, int attempt, int status) {}

  private final SimClock clock;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<Delivery> pending = new ArrayList<>();
  private final List<Delivery> all = new ArrayList<>();
  private final List<Sent> sent = new ArrayList<>();
  private volatile URI target;
  private volatile byte[] secret;
  private int counter;

  WebhookOutbox(SimClock clock) {
    this.clock = clock;
  }

  /** Sends future deliveries to {@code url}, signed with {@code secret}. */
  public synchronized WebhookOutbox target(URI url, String secret) {
    this.target = url;
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  synchronized void enqueue(String type, String resourceKey, ObjectNode resource) {
    if (target == null) {
      return;
    }
    ObjectNode envelope = SimJson.object();
    String id = String.format("evt_%06d", ++counter);
    envelope.put("id", id);
    envelope.put("type", type);
    envelope.put("createdAt", SimJson.rfc3339(clock.instant()));
    envelope.put("apiVersion", "v1");
    envelope.putObject("data").set(resourceKey, resource);
    Delivery d = new Delivery(id, type, SimJson.bytes(envelope), 1);
    pending.add(d);
    all.add(d);
  }

  /** Deliveries not yet sent, oldest first. */
  public synchronized List<Delivery> pending() {
    return List.copyOf(pending);
  }

  /** Every delivery ever queued. */
  public synchronized List<Delivery> all() {
    return List.copyOf(all);
  }

  /** What was sent and answered. */
  public synchronized List<Sent> sent() {
    return List.copyOf(sent);
  }

  /** Sends every pending delivery, oldest first; returns the subscriber's answers. */
  public List<Sent> deliverAll() {
    return deliver(false);
  }

  /** Sends every pending delivery, newest first. */
  public List<Sent> deliverAllReversed() {
    return deliver(true);
  }

  private List<Sent> deliver(boolean reversed) {
    List<Delivery> batch;
    synchronized (this) {
      batch = new ArrayList<>(pending);
      pending.clear();
    }
    if (reversed) {
      Collections.reverse(batch);
    }
    List<Sent> out = new ArrayList<>();
    for (Delivery d : batch) {
      out.add(send(d));
    }
    return out;
  }

  /** Sends delivery {@code id} again: same id and body, next attempt number, signed now. */
  public Sent redeliver(String id) {
    Delivery d;
    synchronized (this) {
      d = all.stream().filter(x -> x.id().equals(id)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no delivery " + id));
      d = new Delivery(d.id(), d.type(), d.body(), (int) sent.stream().filter(s -> s.id().equals(id)).count() + 1);
    }
    return send(d);
  }

  /** The signature header for {@code body} at {@code timestamp} with the configured secret. */
  public String sign(long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private Sent send(Delivery d) {
    long ts = clock.instant().getEpochSecond();
    HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json; charset=utf-8")
        .header("X-Clarity-Webhook-Id", d.id())
        .header("X-Clarity-Event", d.type())
        .header("X-Clarity-Timestamp", Long.toString(ts))
        .header("X-Clarity-Delivery-Attempt", Integer.toString(d.attempt()))
        .header("X-Clarity-Signature", sign(ts, d.body()))
        .POST(HttpRequest.BodyPublishers.ofByteArray(d.body())).build();
    int status;
    try {
      status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      status = -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      status = -1;
    }
    Sent s = new Sent(d.id(), d.type(), d.attempt(), status);
    synchronized (this) {
      sent.add(s);
      if (status < 200 || status > 299) {
        pending.add(d);
      }
    }
    return s;
  }

  /** The delivery with {@code id}, if queued. */
  public synchronized Optional<Delivery> delivery(String id) {
    return all.stream().filter(d -> d.id().equals(id)).findFirst();
  }
}
