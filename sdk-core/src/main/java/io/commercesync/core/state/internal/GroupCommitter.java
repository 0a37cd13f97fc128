package io.commercesync.core.state.internal;

import io.commercesync.core.error.CommerceSyncException;
import io.commercesync.core.error.StateStoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that runs queued writes in batches, one transaction per batch, and completes each write's
 * future only after its batch committed: one fsync for many records.
 *
 * <p>No waiting for a batch to fill: the thread takes whatever is queued (up to {@code maxBatchSize})
 * as soon as the previous commit is done, so a lone write commits at once and many concurrent writers
 * share commits. If a batch fails, it is rolled back and each write is retried in its own transaction,
 * so one bad write fails alone.
 *
 * <p>Futures are completed on the committer thread. An asynchronous write submitted from a callback is
 * queued like any other (and batched); a synchronous one runs inline, so callbacks may use the store
 * without deadlocking.
 */
final class GroupCommitter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);

  /** Where the committer gets its connection for a batch, and how it opens and ends transactions. */
  interface Connections {
    Connection acquire() throws SQLException;

    void release(Connection connection, boolean broken);

    default void begin(Connection connection) throws SQLException {
      connection.setAutoCommit(false);
    }

    default void commit(Connection connection) throws SQLException {
      connection.commit();
    }

    default void rollback(Connection connection) throws SQLException {
      connection.rollback();
    }
  }

  private record Task<T>(String operation, String orderKey, SqlWork<T> work, CompletableFuture<T> future) {
    @SuppressWarnings("unchecked")
    void complete(Object value) {
      future.complete((T) value);
    }
  }

  private record Rejected(RuntimeException error) {}

  private static final Task<Void> STOP = new Task<>("stop", null, c -> null, new CompletableFuture<>());
  private static final Comparator<Task<?>> BY_ORDER_KEY =
      Comparator.comparing(Task::orderKey, Comparator.nullsFirst(Comparator.naturalOrder()));

  private final String name;
  private final Connections connections;
  private final BiFunction<String, Throwable, RuntimeException> failures;
  private final Predicate<Throwable> transientFailure;
  private final int maxBatchSize;
  private final boolean sortByKey;
  private final LinkedBlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>();
  private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
  private final AtomicLong commits = new AtomicLong();
  private final AtomicLong committedWrites = new AtomicLong();
  private volatile int largestBatch;
  private boolean closed;
  private final Thread thread;

  /**
   * @param sortByKey order each batch by the writes' order keys (stable, so writes to one key keep their
   *     order), so that concurrent committers on a shared database lock rows in the same order
   * @param failures turns an exception into what the write's caller sees
   * @param transientFailure whether a failure is of the database rather than of one write (busy, locked,
   *     connection lost): then the whole batch fails at once, retryable, instead of being retried write
   *     by write (each of which would wait out the same lock)
   */
  GroupCommitter(String name, Connections connections, int maxBatchSize, boolean sortByKey,
      BiFunction<String, Throwable, RuntimeException> failures, Predicate<Throwable> transientFailure) {
    this.name = name;
    this.connections = connections;
    this.maxBatchSize = maxBatchSize;
    this.sortByKey = sortByKey;
    this.failures = failures;
    this.transientFailure = transientFailure;
    this.thread = new Thread(this::run, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues {@code work}; the future completes after the transaction holding it committed. */
  <T> CompletableFuture<T> submit(String operation, String orderKey, SqlWork<T> work) {
    Task<T> task = new Task<>(operation, orderKey, work, new CompletableFuture<>());
    gate.readLock().lock();
    try {
      if (closed) {
        task.future().completeExceptionally(failures.apply(operation, new IllegalStateException("the store is closed")));
      } else {
        queue.add(task);
      }
    } finally {
      gate.readLock().unlock();
    }
    return task.future();
  }

  /**
   * Runs {@code work} and waits for its commit; the caller sees the write's own exception. Called on
   * the committer thread itself (from a callback of a completed write), it runs at once in a
   * transaction of its own instead of waiting for a batch that thread would never start.
   */
  <T> T call(String operation, String orderKey, SqlWork<T> work) {
    if (Thread.currentThread() == thread) {
      Task<T> task = new Task<>(operation, orderKey, work, new CompletableFuture<>());
      process(new ArrayList<>(List.of(task)));
      return await(task.future());
    }
    return await(submit(operation, orderKey, work));
  }

  /** Waits for {@code future}, rethrowing its failure as thrown by the write. */
  static <T> T await(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  /** Transactions committed so far. */
  long commits() {
    return commits.get();
  }

  /** Writes committed so far (batched or not). */
  long committedWrites() {
    return committedWrites.get();
  }

  /** The most writes one transaction held so far. */
  int largestBatch() {
    return largestBatch;
  }

  /** Commits what is queued, then stops the thread. Later submits fail. */
  @Override
  public void close() {
    gate.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      queue.add(STOP);
    } finally {
      gate.writeLock().unlock();
    }
    if (Thread.currentThread() == thread) {
      return;
    }
    try {
      thread.join(TimeUnit.MINUTES.toMillis(1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      thread.interrupt();
    }
  }

  private void run() {
    List<Task<?>> batch = new ArrayList<>();
    while (true) {
      Task<?> first;
      try {
        first = queue.take();
      } catch (InterruptedException e) {
        failRemaining();
        return;
      }
      if (first == STOP) {
        return;
      }
      batch.add(first);
      queue.drainTo(batch, maxBatchSize - 1);
      // STOP is the last task ever queued: if drained, it is the batch's last element
      boolean stop = batch.get(batch.size() - 1) == STOP;
      if (stop) {
        batch.remove(batch.size() - 1);
      }
      try {
        process(batch);
      } catch (Throwable t) {
        // process() completes every future itself; this only guards the thread against the unexpected
        batch.forEach(task -> task.future().completeExceptionally(failures.apply(task.operation(), t)));
      }
      batch.clear();
      if (stop) {
        return;
      }
    }
  }

  private void failRemaining() {
    List<Task<?>> rest = new ArrayList<>();
    queue.drainTo(rest);
    rest.forEach(t -> t.future().completeExceptionally(
        failures.apply(t.operation(), new IllegalStateException("the store was closed before this write ran"))));
  }

  private void process(List<Task<?>> batch) {
    if (sortByKey && batch.size() > 1) {
      batch.sort(BY_ORDER_KEY);
    }
    Connection connection;
    try {
      connection = connections.acquire();
    } catch (SQLException | RuntimeException e) {
      batch.forEach(t -> t.future().completeExceptionally(failures.apply(t.operation(), e)));
      return;
    }
    List<Runnable> completions = new ArrayList<>(batch.size());
    boolean broken = false;
    try {
      try {
        Object[] results = transaction(connection, batch);
        for (int i = 0; i < batch.size(); i++) {
          completions.add(completion(batch.get(i), results[i]));
        }
      } catch (Exception batchFailure) {
        broken = broken(connection, batchFailure);
        if (batch.size() == 1 || broken || transientFailure.test(batchFailure)) {
          for (Task<?> t : batch) {
            completions.add(() -> t.future().completeExceptionally(failures.apply(t.operation(), batchFailure)));
          }
        } else {
          LOG.debug("state.groupCommit.split committer={} writes={} cause={}", name, batch.size(),
              batchFailure.getClass().getSimpleName());
          for (Task<?> t : batch) {
            if (broken) {
              completions.add(() -> t.future().completeExceptionally(failures.apply(t.operation(), batchFailure)));
              continue;
            }
            try {
              Object result = transaction(connection, List.of(t))[0];
              completions.add(completion(t, result));
            } catch (Exception alone) {
              broken = broken(connection, alone);
              completions.add(() -> t.future().completeExceptionally(failures.apply(t.operation(), alone)));
            }
          }
        }
      }
    } finally {
      connections.release(connection, broken);
    }
    completions.forEach(Runnable::run);
  }

  private static Runnable completion(Task<?> task, Object result) {
    if (result instanceof Rejected r) {
      return () -> task.future().completeExceptionally(r.error());
    }
    return () -> task.complete(result);
  }

  private Object[] transaction(Connection connection, List<Task<?>> tasks) throws SQLException {
    Object[] results = new Object[tasks.size()];
    try {
      connections.begin(connection);
      try (Sql sql = new Sql(connection)) {
        for (int i = 0; i < tasks.size(); i++) {
          try {
            results[i] = tasks.get(i).work().run(sql);
          } catch (StateStoreException e) {
            throw e;
          } catch (CommerceSyncException e) {
            results[i] = new Rejected(e);   // rejected before writing: the rest of the batch stands
          }
        }
      }
      connections.commit(connection);
    } catch (SQLException | RuntimeException e) {
      rollback(connection);
      throw e;
    }
    commits.incrementAndGet();
    committedWrites.addAndGet(tasks.size());
    if (tasks.size() > largestBatch) {
      largestBatch = tasks.size();
    }
    return results;
  }

  private void rollback(Connection connection) {
    try {
      connections.rollback(connection);
    } catch (SQLException ignored) {
      // the connection is gone or the transaction already ended; the failure that got us here is reported
    }
  }

  private static boolean broken(Connection connection, Exception e) {
    try {
      return connection.isClosed()
          || e instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08");
    } catch (SQLException closedCheck) {
      return true;
    }
  }
}
