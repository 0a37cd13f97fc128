package io.commercesync.core.state;

import io.commercesync.core.pipeline.IdempotencyKey;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The child JVM of {@link SqliteKillTest}: writes ledger entries through the async (group-committed)
 * API as fast as it can and prints {@code begun <key>} / {@code done <key>} the moment each future
 * completes, until it is killed. It stops by itself after {@code args[1]} seconds in case nobody does.
 */
public final class LedgerWriterChild {

  private LedgerWriterChild() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[1]));
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    StateStore store = StateStore.sqlite(file);
    Semaphore inFlight = new Semaphore(512);
    for (int i = 0; System.nanoTime() < deadline; i++) {
      inFlight.acquire();
      IdempotencyKey key = IdempotencyKey.of(io.commercesync.core.model.SystemId.MAGENTO, "order", "o-" + i, "erp");
      boolean markDone = i % 2 == 0;
      String remoteId = "SO-" + i;
      store.ledger().beginAsync(key, "h-" + i).whenComplete((entry, error) -> {
        if (error != null) {
          inFlight.release();
          return;
        }
        print(out, "begun " + key);
        if (!markDone) {
          inFlight.release();
          return;
        }
        store.ledger().markDoneAsync(key, remoteId).whenComplete((v, e2) -> {
          if (e2 == null) {
            print(out, "done " + key + " " + remoteId);
          }
          inFlight.release();
        });
      });
    }
    store.close();
  }

  private static void print(PrintStream out, String line) {
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }
}
