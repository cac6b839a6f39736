package com.superkabe.sequencer.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/** Wraps a port so the benchmark can say where a tick's time goes (cumulative wall time and calls per method). */
final class Timed {

    private static final Map<String, AtomicLong[]> TOTALS = new TreeMap<>();

    private Timed() {
    }

    @SuppressWarnings("unchecked")
    static <T> T wrap(Class<T> port, T target) {
        return (T) Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            long start = System.nanoTime();
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                AtomicLong[] t;
                synchronized (TOTALS) {
                    t = TOTALS.computeIfAbsent(port.getSimpleName() + "." + method.getName(),
                            k -> new AtomicLong[] {new AtomicLong(), new AtomicLong()});
                }
                t[0].addAndGet(System.nanoTime() - start);
                t[1].incrementAndGet();
            }
        });
    }

    static void reset() {
        synchronized (TOTALS) {
            TOTALS.clear();
        }
    }

    static String report() {
        StringBuilder sb = new StringBuilder();
        synchronized (TOTALS) {
            TOTALS.forEach((k, v) -> sb.append(String.format("%s %d ms / %d calls; ", k, v[0].get() / 1_000_000,
                    v[1].get())));
        }
        return sb.toString();
    }
}
