package dev.kycevents.support;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.Order;

/**
 * The order of test classes within each application's tests (surefire names this orderer in pom.xml): by
 * {@code @Order}, unannotated classes at {@link Order#DEFAULT}, then by name. The tests that append thousands of
 * events run last, so the tests that walk the whole log (verify, rebuild, sweep) walk a short one.
 */
public final class SuiteOrder implements ClassOrderer {

    /** Appends about 6,000 events and then walks the whole log itself. */
    public static final int HOSTILE_BODIES = Order.DEFAULT + 1;
    /** Appends 25,000 events (BulkEvents: five a user, for 5,000 users). */
    public static final int BULK_25_000 = Order.DEFAULT + 2;
    /** Appends 25,000 events, then exports the whole log: last. */
    public static final int BULK_25_000_LAST = Order.DEFAULT + 3;

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator
                .comparingInt((ClassDescriptor c) -> c.findAnnotation(Order.class).map(Order::value).orElse(Order.DEFAULT))
                .thenComparing(c -> c.getTestClass().getName()));
    }
}
