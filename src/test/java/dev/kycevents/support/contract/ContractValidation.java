package dev.kycevents.support.contract;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Puts the {@link ContractFilter} in front of every REST-assured request of every {@code @QuarkusTest},
 * with no change to the tests. Registered in {@code META-INF/services}, Quarkus loads this callback in
 * the test's own class loader, so the filter lands on the same {@code RestAssured} the tests use.
 */
public class ContractValidation implements QuarkusTestBeforeEachCallback {

    private static final ContractFilter FILTER = new ContractFilter();

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!RestAssured.filters().contains(FILTER)) {
            RestAssured.filters(FILTER);
        }
    }
}
