package dev.paygo.client.core;

import java.time.Duration;

/** How the client waits between retries; tests replace it to record waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
